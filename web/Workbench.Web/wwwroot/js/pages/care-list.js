// The care list (重点人员) of the person's grids. Every read of the names is audited by the API with a reason, so the
// page first shows only what needs none (visits due), and opens the list once a reason is chosen.

import { h } from '../dom.js';
import { t, labels, formatNumber } from '../i18n.js';
import { loadLabels, labelOf, choicesOf } from '../labels.js';
import { formatDate, today, daysBetween } from '../calendar.js';
import { api, newIdempotencyKey, withQuery } from '../api.js';
import { form, rules } from '../forms.js';
import { pageHead, stat, badge, notice } from '../ui.js';
import { seesWholeCommunity } from '../session.js';

function dueBadge(nextVisitDue) {
  const late = daysBetween(nextVisitDue, today());
  if (late > 0) return badge(t('care.list.overdueDays', { days: late }), 'overdue');
  if (late === 0) return badge(t('care.list.dueToday'), 'warn');
  return null;
}

async function gridChoices(session) {
  if (!seesWholeCommunity(session)) return (session.grids ?? []).map((code) => [code, code]);
  const grids = await api('/api/grid/grids');
  return grids.map((g) => [g.code, `${g.code} ${g.name}`]);
}

async function dueSummary() {
  const due = await api('/api/grid/care-list/visits-due');
  const overdue = due.filter((p) => p.nextVisitDue < today()).length;
  return h('div', { class: 'cards care-due', dataset: { careDue: due.length } },
    stat(t('care.due.count'), due.length, { alert: due.length > 0, testId: 'care-due' }),
    stat(t('care.due.overdue'), overdue, { alert: overdue > 0, testId: 'care-overdue' }));
}

function reasonForm(ctx, grids) {
  const { query } = ctx;
  return h('div', { class: 'card care-open' }, form({
    className: 'two',
    fields: [
      { name: 'reason', label: t('care.open.reason'), type: 'select', options: Object.entries(labels('care.purpose')), rules: [rules.required()] },
      { name: 'gridCode', label: t('care.open.grid'), type: 'select', options: grids, value: query.grid, placeholder: t('common.all') },
      { name: 'category', label: t('care.open.category'), type: 'select', options: choicesOf('grid.careCategory'), value: query.category, placeholder: t('common.all') },
    ],
    submit: t('care.open.submit'),
    onSubmit: async (values) => values,
    onDone: (values) => ctx.navigate(withQuery('/care-list', { reason: values.reason, grid: values.gridCode, category: values.category })),
  }));
}

function fact(label, value) {
  return value ? [h('dt', null, label), h('dd', null, value)] : [];
}

function personCard(entry, openVisit) {
  const { record, details } = entry;
  const late = daysBetween(record.nextVisitDue, today()) > 0;
  const body = h('div', { class: 'visit-slot' });
  const card = h('article', { class: `card care-person ${late ? 'overdue' : ''}`, dataset: { careId: record.id } },
    h('header', { class: 'care-head' },
      h('h3', null, details.name),
      h('div', { class: 'badges' },
        badge(labelOf('grid.careCategory', record.category)),
        badge(`${t('care.list.risk')} ${labelOf('grid.riskLevel', record.risk)}`, record.risk === 'High' ? 'bad' : record.risk === 'Medium' ? 'warn' : ''))),
    h('dl', { class: 'facts' },
      fact(t('care.list.grid'), record.gridCode),
      fact(t('care.list.phone'), details.phone),
      fact(t('care.list.address'), details.address),
      fact(t('care.list.lastVisit'), record.lastVisitedOn ? formatDate(record.lastVisitedOn) : t('care.list.never')),
      [h('dt', null, t('care.list.nextVisit')), h('dd', { dataset: { nextVisit: record.nextVisitDue } }, formatDate(record.nextVisitDue), ' ', dueBadge(record.nextVisitDue))]),
    details.circumstances ? h('p', { class: 'circumstances' }, h('span', { class: 'muted' }, t('care.list.circumstances'), '：'), details.circumstances) : null,
    h('div', { class: 'actions' }, h('button', { type: 'button', 'aria-expanded': 'false', onClick: (e) => openVisit(entry, body, e.currentTarget) }, t('care.list.record'))),
    body);
  return card;
}

async function careList(ctx, reasonText, refreshDue) {
  const { query } = ctx;
  const people = await api('/api/grid/care-list', { query: { reason: reasonText, gridCode: query.grid, category: query.category } });
  people.sort((a, b) => a.record.nextVisitDue.localeCompare(b.record.nextVisitDue));
  const list = h('div', { class: 'care-people' });
  let openSlot = null;

  // One visit form at a time, so its field ids are unique on the page.
  function openVisit(entry, slot, button) {
    if (openSlot && openSlot !== slot) openSlot.replaceChildren();
    list.querySelectorAll('[aria-expanded="true"]').forEach((b) => b.setAttribute('aria-expanded', 'false'));
    openSlot = slot;
    button.setAttribute('aria-expanded', 'true');
    const idempotencyKey = newIdempotencyKey();
    const view = form({
      fields: [
        { name: 'visitedOn', label: t('care.visit.visitedOn'), type: 'date', value: today(), max: today(), rules: [rules.required(), rules.notFuture()] },
        { name: 'notes', label: t('care.visit.notes'), type: 'textarea', rows: 3, rules: [rules.required(), rules.maxLength(4000)] },
      ],
      submit: t('care.visit.submit'),
      secondary: h('button', { type: 'button', onClick: () => { slot.replaceChildren(); button.setAttribute('aria-expanded', 'false'); } }, t('common.cancel')),
      onSubmit: (values) => api(`/api/grid/care-list/${entry.record.id}/visits`, { method: 'POST', idempotencyKey, body: values }),
      onDone: (summary) => {
        const updated = { ...entry, record: summary };
        const card = personCard(updated, openVisit);
        card.querySelector('.visit-slot').append(notice(t('care.visit.done', { date: formatDate(summary.nextVisitDue) })));
        slot.closest('.care-person').replaceWith(card);
        openSlot = null;
        refreshDue();
      },
    });
    slot.replaceChildren(view);
    view.querySelector('textarea')?.focus();
  }

  list.replaceChildren(...people.map((entry) => personCard(entry, openVisit)));
  return h('section', { class: 'care-list', 'aria-labelledby': 'care-list-title' },
    h('div', { class: 'care-list-head' },
      h('h2', { id: 'care-list-title' }, t('care.list.count', { count: formatNumber(people.length) })),
      h('span', { class: 'muted' }, t('care.open.reasonShown', { reason: reasonText }), ' '),
      h('a', { href: '/care-list' }, t('care.open.change'))),
    people.length ? list : h('p', { class: 'muted' }, t('common.empty')));
}

export default async function page(ctx) {
  await loadLabels('grid');
  ctx.setTitle(t('care.title'));
  const reasonText = labels('care.purpose')[ctx.query.reason];
  // The due counts come first: a 403 for a role without the care list propagates to the shell's refusal.
  const due = h('div', null, await dueSummary());
  const refreshDue = async () => due.replaceChildren(await dueSummary());
  const content = reasonText ? await careList(ctx, reasonText, refreshDue) : reasonForm(ctx, await gridChoices(ctx.session));
  return h('div', { class: 'care-page' },
    pageHead(t('care.title')),
    h('p', { class: 'care-warning', role: 'note' }, t('care.sensitive')),
    h('h2', null, t('care.due.title')),
    h('p', { class: 'muted' }, t('care.due.hint')),
    due,
    content);
}
