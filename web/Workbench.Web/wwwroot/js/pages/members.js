// 党员名册: find members by the register's own filters, register a member, and open one member's details in place.

import { h, clear } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { loadLabels, labelOf, choicesOf } from '../labels.js';
import { formatDate, formatDateTime, today, addYears } from '../calendar.js';
import { api, apiAll, newIdempotencyKey, withQuery, ApiError } from '../api.js';
import { form, rules } from '../forms.js';
import { pageHead, table, badge, notice, pagedList, filterSelect } from '../ui.js';

const FILTERS = ['name', 'organisationCode', 'status', 'education', 'ageCohort', 'gridCode'];

// The API's ChinesePhone pattern: a mainland mobile number.
const PHONE = /^1[3-9]\d{9}$/;

/** The birth-date and joined-date rules of PersonalDetails.Check and Member.Register. */
const memberRules = {
  adult: () => (value) => (value && value <= today() && value > addYears(today(), -18) ? ['members.form.adult'] : null),
  notTooOld: () => (value) => (value && value <= addYears(today(), -130) ? ['members.form.tooOld'] : null),
  joinedAsAdult: () => (value, values) => (value && values.birthDate && value < addYears(values.birthDate, 18) ? ['members.form.joinedAdult'] : null),
};

async function loadGrids() {
  try {
    return await apiAll('/api/grid/grids');
  } catch (error) {
    // The register still works without the grid service: the grid is then typed as a code.
    if (error instanceof ApiError) return [];
    throw error;
  }
}


function filters(ctx, organisations, grids) {
  const q = ctx.query;
  const element = h('form', { class: 'toolbar member-filters', role: 'search', 'aria-label': t('members.filters.label') },
    h('div', { class: 'field' },
      h('label', { for: 'filter-name' }, t('members.filters.name')),
      h('input', { id: 'filter-name', name: 'name', type: 'search', value: q.name ?? '', placeholder: t('members.filters.namePlaceholder'), maxlength: 50 })),
    filterSelect('organisationCode', t('members.columns.organisation'), organisations.map((o) => [o.code, o.name]), q.organisationCode),
    filterSelect('status', t('members.columns.status'), choicesOf('membership.memberStatusFilter'), q.status),
    filterSelect('education', t('members.columns.education'), choicesOf('membership.educationFilter'), q.education),
    filterSelect('ageCohort', t('members.detail.ageCohort'), choicesOf('membership.ageCohort'), q.ageCohort),
    filterSelect('gridCode', t('members.columns.grid'), grids.map((g) => [g.code, `${g.code} ${g.name}`]), q.gridCode),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('members.filters.search')),
      h('a', { class: 'button', href: '/members' }, t('members.filters.reset'))));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(element);
    const query = Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '').trim()]));
    ctx.navigate(withQuery('/members', query));
  });
  return element;
}

function registerForm(ctx, organisations, grids) {
  const idempotencyKey = newIdempotencyKey();
  const gridField = grids.length
    ? { name: 'gridCode', label: t('members.form.gridCode'), type: 'select', options: grids.map((g) => [g.code, `${g.code} ${g.name}`]), rules: [rules.required()] }
    : { name: 'gridCode', label: t('members.form.gridCode'), hint: t('members.form.gridHint'), rules: [rules.required(), rules.maxLength(50)] };
  return form({
    className: 'two',
    fields: [
      { name: 'name', label: t('members.form.name'), autocomplete: 'off', rules: [rules.required(), rules.maxLength(50)] },
      { name: 'gender', label: t('members.form.gender'), type: 'select', options: choicesOf('membership.gender'), rules: [rules.required()] },
      { name: 'birthDate', label: t('members.form.birthDate'), type: 'date', max: today(),
        rules: [rules.required(), rules.notFuture(), memberRules.adult(), memberRules.notTooOld()] },
      { name: 'education', label: t('members.form.education'), type: 'select',
        options: choicesOf('membership.education'), rules: [rules.required()] },
      { name: 'phone', label: t('members.form.phone'), type: 'tel', inputmode: 'numeric', hint: t('members.form.phoneHint'),
        rules: [rules.pattern(PHONE, 'members.form.phoneFormat')] },
      { name: 'organisationCode', label: t('members.form.organisationCode'), type: 'select',
        options: organisations.map((o) => [o.code, o.name]), value: ctx.query.organisationCode, rules: [rules.required()] },
      gridField,
      { name: 'joinedOn', label: t('members.form.joinedOn'), type: 'date', max: today(), hint: t('members.form.joinedOnHint'),
        rules: [rules.notFuture(), memberRules.joinedAsAdult()] },
    ],
    submit: t('members.registerSubmit'),
    onSubmit: (values) => api('/api/membership/members', {
      method: 'POST',
      idempotencyKey,
      body: {
        name: values.name.trim(),
        gender: values.gender,
        birthDate: values.birthDate,
        education: values.education,
        phone: values.phone.trim() || null,
        organisationCode: values.organisationCode,
        gridCode: values.gridCode.trim(),
        joinedOn: values.joinedOn || null,
      },
    }),
    // The list, found by the new member's name, shows them at once; the notice says it was saved.
    onDone: (member) => ctx.navigate(withQuery('/members', { name: member.name, saved: member.id })),
  });
}

function definition(term, value) {
  return [h('dt', null, term), h('dd', null, value ?? t('members.unknown'))];
}

function reserveSection(member, onChanged) {
  const section = h('section', { class: 'member-reserve' }, h('h3', null, t('members.detail.reserve')));
  if (member.reserveCadreSince) {
    const remove = h('button', { type: 'button', class: 'danger', onClick: async () => {
      remove.disabled = true;
      try {
        await api(`/api/membership/members/${member.id}/reserve-cadre`, { method: 'DELETE' });
        onChanged(t('members.detail.unflagged'));
      } catch (error) {
        remove.disabled = false;
        section.append(h('p', { class: 'form-error', role: 'alert' }, error.message));
      }
    } }, t('members.detail.unflag'));
    section.append(
      h('p', null, t('members.detail.reserveValue', { since: formatDate(member.reserveCadreSince), post: member.reserveCadrePost })),
      h('div', { class: 'actions' }, remove));
    return section;
  }
  const open = h('button', { type: 'button', 'aria-expanded': 'false' }, t('members.detail.flag'));
  const flagForm = form({
    fields: [
      { name: 'since', label: t('members.detail.since'), type: 'date', value: today(), max: today(), rules: [rules.required(), rules.notFuture()] },
      { name: 'preparedFor', label: t('members.detail.preparedFor'), rules: [rules.required(), rules.maxLength(100)] },
    ],
    submit: t('members.detail.flagSubmit'),
    onSubmit: (values) => api(`/api/membership/members/${member.id}/reserve-cadre`, {
      method: 'PUT', body: { since: values.since, preparedFor: values.preparedFor.trim() },
    }),
    onDone: () => onChanged(t('members.detail.flagged')),
  });
  flagForm.hidden = true;
  open.addEventListener('click', () => {
    flagForm.hidden = !flagForm.hidden;
    open.setAttribute('aria-expanded', String(!flagForm.hidden));
  });
  section.append(h('p', { class: 'muted' }, t('members.detail.reserveNone')), h('div', { class: 'actions' }, open), flagForm);
  return section;
}

/** One member's details: status, dates, points, moves and the reserve-cadre flag, read fresh from the API. */
async function detailPanel(id, organisationName) {
  const [member, points, moves] = await Promise.all([
    api(`/api/membership/members/${id}`),
    api(`/api/membership/members/${id}/points`).catch(() => null),
    api(`/api/membership/members/${id}/moves`).catch(() => []),
  ]);
  const panel = h('div', { class: 'member-detail', dataset: { memberDetail: id } });
  const render = (message) => clear(panel,
    message ? notice(message) : null,
    h('h3', null, t('members.detail.title', { name: member.name })),
    h('dl', { class: 'facts member-facts' },
      definition(t('members.detail.status'), member.statusLabel),
      definition(t('members.detail.statusSince'), formatDate(member.statusSince) || null),
      definition(t('members.detail.birthDate'), formatDate(member.birthDate)),
      definition(t('members.detail.ageCohort'), labelOf('membership.ageCohort', member.ageCohort)),
      definition(t('members.detail.joinedOn'), formatDate(member.joinedOn) || null),
      member.transferredTo ? definition(t('members.detail.transferredTo'), member.transferredTo) : null,
      definition(t('members.detail.points'), points ? t('members.detail.pointsValue', { points: formatNumber(points.total, 1), count: points.entries.length }) : null),
      definition(t('members.detail.registeredAt'), formatDateTime(member.registeredAt))),
    h('section', null,
      h('h3', null, t('members.detail.moves')),
      moves.length
        ? h('ul', { class: 'plain' }, moves.map((m) => h('li', null, t('members.detail.move', { date: formatDate(m.movedOn), from: organisationName(m.fromCode), to: organisationName(m.toCode) }))))
        : h('p', { class: 'muted' }, t('members.detail.noMoves'))),
    member.status === 'Full' || member.status === 'Probationary'
      ? reserveSection(member, async (text) => {
        Object.assign(member, await api(`/api/membership/members/${id}`));
        render(text);
      })
      : null);
  render();
  return panel;
}

function memberTable(items, organisationName, savedId) {
  const columns = [
    { label: t('members.columns.name'), value: (m) => h('button', {
      type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-label': t('members.detail.open', { name: m.name }), dataset: { memberName: m.name },
    }, m.name) },
    { label: t('members.columns.gender'), value: (m) => labelOf('membership.gender', m.gender) },
    { label: t('members.columns.age'), value: (m) => t('members.age', { age: m.age }) },
    { label: t('members.columns.education'), value: (m) => labelOf('membership.education', m.education) },
    { label: t('members.columns.organisation'), value: (m) => organisationName(m.organisationCode) },
    { label: t('members.columns.grid'), value: (m) => m.gridCode },
    { label: t('members.columns.status'), value: (m) => [
      badge(m.statusLabel, m.status === 'Full' ? 'good' : m.status === 'Probationary' ? 'warn' : ''),
      m.reserveCadreSince ? [' ', badge(t('members.reserveBadge'))] : null,
    ] },
  ];
  const element = table(columns, items, { empty: t('members.noneFound') });
  const rows = element.querySelectorAll?.('tbody tr') ?? [];
  rows.forEach((row, i) => {
    const member = items[i];
    row.dataset.memberId = member.id;
    if (member.id === savedId) row.classList.add('saved');
    const button = row.querySelector('button.link');
    button.addEventListener('click', () => toggleDetail(row, button, member, columns.length, organisationName));
  });
  return element;
}

async function toggleDetail(row, button, member, span, organisationName) {
  const open = row.nextElementSibling?.classList.contains('detail-row') ? row.nextElementSibling : null;
  if (open) {
    open.remove();
    button.setAttribute('aria-expanded', 'false');
    return;
  }
  button.disabled = true;
  try {
    const panel = await detailPanel(member.id, organisationName);
    const close = h('button', { type: 'button', onClick: () => { detailRow.remove(); button.setAttribute('aria-expanded', 'false'); button.focus(); } }, t('members.detail.close'));
    const detailRow = h('tr', { class: 'detail-row' }, h('td', { colspan: span }, panel, h('div', { class: 'actions' }, close)));
    row.after(detailRow);
    button.setAttribute('aria-expanded', 'true');
  } catch (error) {
    row.after(h('tr', { class: 'detail-row' }, h('td', { colspan: span }, h('p', { class: 'form-error', role: 'alert' }, error.message))));
  } finally {
    button.disabled = false;
  }
}

export default async function page(ctx) {
  await loadLabels('membership');
  ctx.setTitle(t('members.title'));
  const [organisations, grids] = await Promise.all([apiAll('/api/membership/organisations'), loadGrids()]);
  const names = new Map(organisations.map((o) => [o.code, o.name]));
  const organisationName = (code) => names.get(code) ?? code;

  const query = Object.fromEntries(FILTERS.map((name) => [name, ctx.query[name]]).filter(([, v]) => v));
  const registerCard = h('section', { class: 'card register', 'aria-labelledby': 'register-title' },
    h('h2', { id: 'register-title' }, t('members.registerTitle')),
    registerForm(ctx, organisations, grids));
  registerCard.hidden = ctx.query.register !== '1';
  const toggle = h('button', { type: 'button', class: 'primary', 'aria-expanded': String(!registerCard.hidden) }, registerCard.hidden ? t('members.register') : t('members.hideRegister'));
  toggle.addEventListener('click', () => {
    registerCard.hidden = !registerCard.hidden;
    toggle.setAttribute('aria-expanded', String(!registerCard.hidden));
    toggle.textContent = registerCard.hidden ? t('members.register') : t('members.hideRegister');
    if (!registerCard.hidden) registerCard.querySelector('input, select')?.focus();
  });

  const list = await pagedList('/api/membership/members', query, (items) => memberTable(items, organisationName, ctx.query.saved));
  const saved = ctx.query.saved && ctx.query.name ? notice(t('members.saved', { name: ctx.query.name })) : null;

  return h('div', { class: 'members-page' },
    pageHead(t('members.title'), toggle),
    saved,
    registerCard,
    filters(ctx, organisations, grids),
    h('div', { class: 'members-list', dataset: { list: 'members' } }, list));
}
