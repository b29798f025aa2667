// One matter: what was reported, the steps its status allows (each a small form), its timeline, sessions and votes.

import { h } from '../dom.js';
import { t, choices } from '../i18n.js';
import { loadLabels, labelsOf, labelOf, choicesOf } from '../labels.js';
import { formatDate, formatDateTime, today, dayOf } from '../calendar.js';
import { api, ApiError } from '../api.js';
import { form, rules, splitList } from '../forms.js';
import { pageHead, badge, notice } from '../ui.js';
import { hasRole, Roles } from '../session.js';

const note = (name = 'note') => ({ name, label: t('matters.fields.note'), type: 'textarea', rows: 2, rules: [rules.maxLength(500)] });
const reason = (max) => ({ name: 'reason', label: t('matters.fields.reason'), type: 'textarea', rows: 2, rules: [rules.required(), rules.maxLength(max)] });

/** Each step of the loop: its API path, its fields (named as the API names them) and the body they make. */
function actionsFor(matter, session) {
  const reportedOn = dayOf(matter.requestedDatetime);
  const all = {
    accept: { path: 'accept', primary: true, fields: [note()], body: (v) => ({ note: v.note || null }) },
    return: { path: 'return', fields: [reason(500)], body: (v) => ({ reason: v.reason }) },
    deliberate: { path: 'deliberation', fields: [note()], body: (v) => ({ note: v.note || null }) },
    session: {
      path: 'sessions',
      fields: [
        { name: 'venue', label: t('matters.fields.venue'), type: 'select', options: choicesOf('grid.deliberationVenue'), value: 'DeliberationRoom', rules: [rules.required()] },
        { name: 'heldOn', label: t('matters.fields.heldOn'), type: 'date', value: today(), max: today(),
          rules: [rules.required(), rules.notFuture(), (value) => (value && value < reportedOn ? ['matters.validation.beforeReported'] : null)] },
        { name: 'participants', label: t('matters.fields.participants'), type: 'textarea', rows: 2, hint: t('matters.fields.participantsHint'),
          rules: [rules.required(), rules.list({ min: 2, max: 200, length: 50 })] },
        { name: 'minutes', label: t('matters.fields.minutes'), type: 'textarea', rows: 4, rules: [rules.required(), rules.maxLength(10_000)] },
        { name: 'decision', label: t('matters.fields.decision'), type: 'textarea', rows: 2, rules: [rules.required(), rules.maxLength(1000)] },
      ],
      body: (v) => ({ venue: v.venue, heldOn: v.heldOn, participants: splitList(v.participants), minutes: v.minutes, decision: v.decision }),
    },
    assign: {
      path: 'assign',
      fields: [
        { name: 'handler', label: t('matters.fields.handler'), rules: [rules.required(), rules.maxLength(100)] },
        { name: 'dueOn', label: t('matters.fields.dueOn'), type: 'date', min: today(),
          value: matter.dueOn && matter.dueOn >= today() ? matter.dueOn : '', rules: [rules.required(), rules.notPast()] },
      ],
      body: (v) => ({ handler: v.handler, dueOn: v.dueOn }),
    },
    resolve: {
      path: 'resolve', primary: true,
      fields: [{ name: 'resolution', label: t('matters.fields.resolution'), type: 'textarea', rows: 3, rules: [rules.required(), rules.maxLength(2000)] }],
      body: (v) => ({ resolution: v.resolution }),
    },
    close: {
      path: 'close', primary: true,
      fields: [
        { name: 'satisfaction', label: t('matters.fields.satisfaction'), type: 'select', options: choices('matters.satisfaction').reverse(),
          rules: [rules.required(), rules.min(1), rules.max(5)] },
        note(),
      ],
      body: (v) => ({ satisfaction: Number(v.satisfaction), note: v.note || null }),
    },
    rate: {
      path: 'rating', primary: true,
      fields: [
        { name: 'satisfaction', label: t('matters.fields.satisfaction'), type: 'select', options: choices('matters.satisfaction').reverse(),
          rules: [rules.required(), rules.min(1), rules.max(5)] },
        note('comment'),
      ],
      body: (v) => ({ satisfaction: Number(v.satisfaction), comment: v.comment || null }),
    },
    escalate: { path: 'escalate', fields: [reason(200)], body: (v) => ({ reason: v.reason }) },
  };
  // A resident rates what they reported themselves; anything else is rated at the worker's return visit.
  const resolvedSteps = matter.reporterRates ? (hasRole(session, [Roles.Resident]) ? ['rate'] : []) : ['close'];
  // A hazard's matter is resolved and closed by the hazard's re-inspection in the safety service, not here.
  const mirrored = matter.source === 'Hazard';
  // The transitions Matter allows from each status (RequireStatus); 督办 while the matter is still being worked.
  const allowed = {
    Reported: ['accept', 'return', 'escalate'],
    Accepted: ['assign', 'deliberate', 'escalate'],
    Deliberating: ['session', 'assign', 'escalate'],
    Assigned: mirrored ? ['escalate'] : ['resolve', 'escalate'],
    Resolved: resolvedSteps,
  }[matter.status] ?? [];
  return allowed.map((name) => ({ name, ...all[name] }));
}

/** A 409 names the rule in English: say what happened in the person's language, and keep the API's words. */
function explainConflict(error) {
  if (!(error instanceof ApiError) || error.status !== 409) return error;
  const current = error.problem.currentStatus;
  const text = current
    ? t('matters.detail.conflict', { status: labelOf('grid.matterStatus', current) })
    : t('errors.conflict');
  return new ApiError(409, { ...error.problem, detail: `${text}（${error.problem.detail ?? error.problem.title}）` });
}

function actionPanel(matter, session, onChanged) {
  const actions = actionsFor(matter, session);
  if (!actions.length) return h('p', { class: 'muted' }, t(matter.status === 'Resolved' ? 'matters.detail.awaitingRating' : 'matters.detail.noActions'));
  const slot = h('div', { class: 'action-form' });
  const buttons = actions.map((action) => h('button', {
    type: 'button',
    class: action.primary ? 'primary' : '',
    'aria-expanded': 'false',
    dataset: { action: action.name },
    onClick: () => open(action),
  }, t(`matters.action.${action.name}`)));

  function open(action) {
    buttons.forEach((b) => b.setAttribute('aria-expanded', String(b.dataset.action === action.name)));
    // One form at a time, so field ids (reason, note) never repeat on the page.
    const view = form({
      fields: action.fields,
      submit: t(`matters.action.${action.name}Submit`),
      secondary: h('button', { type: 'button', onClick: () => close() }, t('common.cancel')),
      onSubmit: async (values) => {
        try {
          return await api(`/api/grid/matters/${matter.id}/${action.path}`, { method: 'POST', body: action.body(values) });
        } catch (error) {
          throw explainConflict(error);
        }
      },
      onDone: () => onChanged(),
    });
    slot.replaceChildren(h('div', { class: 'card', dataset: { actionForm: action.name } }, h('h3', null, t(`matters.action.${action.name}`)), view));
    view.querySelector('input, select, textarea')?.focus();
  }

  function close() {
    buttons.forEach((b) => b.setAttribute('aria-expanded', 'false'));
    slot.replaceChildren();
  }

  return h('div', { class: 'matter-actions' }, h('div', { class: 'actions' }, buttons), slot);
}

function facts(matter) {
  const rows = [
    ['grid', matter.gridCode],
    ['category', matter.categoryLabel],
    ['location', matter.location],
    ['reporter', labelOf('grid.reporterKind', matter.reporterKind)],
    ['source', labelOf('grid.matterSource', matter.source)],
    ['reportedAt', formatDateTime(matter.requestedDatetime)],
    ['handler', matter.handler],
    ['dueOn', matter.dueOn ? formatDate(matter.dueOn) : null],
    ['satisfaction', matter.satisfaction ? t('matters.detail.satisfactionValue', { value: matter.satisfaction }) : null],
  ].filter(([, value]) => value);
  return h('dl', { class: 'facts' }, rows.flatMap(([key, value]) => [h('dt', null, t(`matters.detail.${key}`)), h('dd', { dataset: { fact: key } }, value)]));
}

function timeline(entries) {
  const status = labelsOf('grid.matterStatus');
  return h('ol', { class: 'timeline' }, entries.map((entry) => h('li', null,
    h('span', { class: 'at' }, formatDateTime(entry.at), ' · ', status[entry.status] ?? entry.status,
      entry.actorName ? ` · ${entry.actorName}` : ''),
    h('span', { class: 'note' }, entry.note))));
}

function sessions(list) {
  if (!list.length) return h('p', { class: 'muted' }, t('matters.detail.noSessions'));
  return h('ul', { class: 'sessions' }, list.map((s) => h('li', null,
    h('strong', null, labelOf('grid.deliberationVenue', s.venue), ' · ', formatDate(s.heldOn)),
    h('div', null, t('matters.detail.participants', { count: s.participants.length, names: s.participants.join('、') })),
    h('div', null, h('span', { class: 'muted' }, t('matters.detail.decision'), '：'), s.decision),
    h('details', null, h('summary', null, t('matters.detail.minutes')), h('p', { class: 'description' }, s.minutes)))));
}

function votes(list) {
  return h('ul', { class: 'votes' }, list.map((v) => h('li', null,
    t('matters.detail.vote', { question: v.question, consents: v.consents, eligible: v.eligibleHouseholds, threshold: v.consentThreshold }), ' ',
    v.open ? badge(t('matters.detail.voteOpen'), 'warn') : badge(t(v.passed ? 'matters.detail.votePassed' : 'matters.detail.voteFailed'), v.passed ? 'good' : 'bad'))));
}

function view(detail, session, message, reload) {
  const { matter } = detail;
  const statusLabel = matter.statusLabel;
  return h('article', { class: 'matter-page', dataset: { matterId: matter.id } },
    pageHead(t('matters.detail.title'), h('a', { class: 'button', href: '/matters' }, t('matters.detail.back'))),
    message ? notice(message) : null,
    h('div', { class: 'matter-status' },
      h('span', { class: 'badge status', dataset: { matterStatus: matter.status } }, statusLabel),
      matter.overdue ? badge(t('matters.board.overdue'), 'overdue') : null,
      matter.escalated ? badge(t('matters.board.escalated'), 'warn') : null),
    h('div', { class: 'layout' },
      h('div', null,
        h('section', { class: 'card' },
          h('p', { class: 'description' }, matter.description),
          facts(matter),
          matter.photos.length ? [h('h3', null, t('matters.detail.photos')), h('ul', { class: 'photo-refs' }, matter.photos.map((p) => h('li', null, p)))] : null),
        h('section', { class: 'card', 'aria-labelledby': 'matter-actions-title' },
          h('h2', { id: 'matter-actions-title' }, t('matters.detail.actions')),
          actionPanel(matter, session, reload))),
      h('div', null,
        h('section', { class: 'card' }, h('h2', null, t('matters.detail.timeline')), timeline(detail.timeline)),
        detail.sessions.length || matter.status === 'Deliberating'
          ? h('section', { class: 'card' }, h('h2', null, t('matters.detail.sessions')), sessions(detail.sessions))
          : null,
        detail.votes.length ? h('section', { class: 'card' }, h('h2', null, t('matters.detail.votes')), votes(detail.votes)) : null)));
}

export default async function page(ctx) {
  await loadLabels('grid');
  ctx.setTitle(t('matters.detail.title'));
  const path = `/api/grid/matters/${encodeURIComponent(ctx.params.id)}`;
  const container = h('div', null, view(await api(path), ctx.session, null, reload));

  async function reload() {
    try {
      const detail = await api(path);
      const status = detail.matter.statusLabel;
      container.replaceChildren(view(detail, ctx.session, t('matters.detail.done', { status }), reload));
      container.querySelector('.notice')?.scrollIntoView({ block: 'nearest' });
    } catch {
      // The step was saved; if the matter can no longer be read here, the shell says why.
      ctx.refresh();
    }
  }

  return container;
}
