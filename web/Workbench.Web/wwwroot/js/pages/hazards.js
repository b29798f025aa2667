// The hazard ledger (隐患台账): filter by status, severity, grid and overdue; each hazard with the steps of its
// rectification the person's role may take, as small forms on the hazard itself.

import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, labelsOf } from '../labels.js';
import { formatDate, formatDateTime } from '../calendar.js';
import { api, ApiError, newIdempotencyKey, withQuery } from '../api.js';
import { form, rules, splitList } from '../forms.js';
import { pageHead, badge, pagedList, notice } from '../ui.js';
import { hasRole, Roles } from '../session.js';

const { Secretary, Staff, Inspector, GridWorker } = Roles;
/** SafetyPolicies.FollowUpHazards and SafetyPolicies.Reinspect. */
const FOLLOW_UP = [Secretary, Staff, Inspector, GridWorker];
const REINSPECT = [Secretary, Staff, Inspector];

const STATUSES = ['Open', 'Rectifying', 'Submitted', 'Reopened', 'Closed'];
const SEVERITIES = ['General', 'Major'];


/** The API's list filters from the page's address; without a status the open hazards are shown. */
function filtersOf(query) {
  const status = query.status ?? (query.open === 'false' ? 'all' : 'open');
  return {
    status,
    severity: query.severity ?? '',
    grid: query.grid ?? '',
    overdue: query.overdue === 'true',
    venue: query.venue ?? '',
  };
}

function apiQuery(filters) {
  return {
    status: STATUSES.includes(filters.status) ? filters.status : undefined,
    open: filters.status === 'open' ? true : undefined,
    severity: filters.severity || undefined,
    gridCode: filters.grid || undefined,
    overdue: filters.overdue ? true : undefined,
    venueId: filters.venue || undefined,
  };
}

const pageUrl = (filters) => withQuery('/hazards', {
  status: filters.status === 'open' ? undefined : filters.status,
  severity: filters.severity, grid: filters.grid, overdue: filters.overdue ? 'true' : undefined, venue: filters.venue,
});

export default async function hazardsPage(ctx) {
  await loadLabels('safety');
  ctx.setTitle(t('inspections.hazards.title'));
  const filters = filtersOf(ctx.query);
  const grids = await api('/api/grid/grids').catch((error) => {
    if (error instanceof ApiError) return [];
    throw error;
  });
  const venue = filters.venue ? await api(`/api/safety/venues/${encodeURIComponent(filters.venue)}`).catch(() => null) : null;
  const openForm = { close: () => {} };
  const list = await pagedList('/api/safety/hazards', apiQuery(filters), (hazards) => hazards.length
    ? h('div', { class: 'hazard-list' }, hazards.map((hazard) => hazardCard(ctx, hazard, openForm)))
    : h('p', { class: 'muted' }, t('inspections.hazards.empty')));

  return h('section', { class: 'hazards-page' },
    pageHead(t('inspections.hazards.title')),
    toolbar(ctx, filters, grids),
    venue ? h('p', { class: 'venue-filter' }, t('inspections.hazards.venueFilter', { venue: venue.name }), ' ',
      h('a', { href: pageUrl({ ...filters, venue: '' }) }, t('inspections.hazards.clearVenue'))) : null,
    list);
}

function toolbar(ctx, filters, grids) {
  const statuses = labelsOf('safety.hazardStatus');
  const severities = labelsOf('safety.hazardSeverity');
  const select = (name, label, value, options) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('select', { id: `filter-${name}`, name }, options.map(([code, text]) => h('option', { value: code, selected: code === value }, text))));
  const element = h('form', { class: 'toolbar hazard-filters', role: 'search' },
    select('status', t('inspections.hazards.status'), filters.status,
      [['all', t('common.all')], ['open', t('inspections.hazards.openOnly')], ...STATUSES.map((s) => [s, statuses[s]])]),
    select('severity', t('inspections.hazards.severity'), filters.severity, [['', t('common.all')], ...SEVERITIES.map((s) => [s, severities[s]])]),
    grids.length > 1 || filters.grid
      ? select('grid', t('inspections.hazards.grid'), filters.grid, [['', t('common.all')], ...grids.map((g) => [g.code, `${g.code} ${g.name ?? ''}`])])
      : null,
    h('div', { class: 'field field-checkbox' },
      h('label', { for: 'filter-overdue' }, t('inspections.hazards.overdue')),
      h('input', { id: 'filter-overdue', name: 'overdue', type: 'checkbox', checked: filters.overdue })));
  // Each change applies at once, and lands in the address so the list can be bookmarked and shared.
  element.addEventListener('change', () => {
    const data = new FormData(element);
    ctx.navigate(pageUrl({
      status: data.get('status'), severity: data.get('severity') ?? '', grid: data.get('grid') ?? filters.grid,
      overdue: data.get('overdue') === 'on', venue: filters.venue,
    }));
  });
  element.addEventListener('submit', (event) => event.preventDefault());
  return element;
}

function hazardCard(ctx, hazard, openForm) {
  const kinds = labelsOf('safety.venueKind');
  const formSlot = h('div', { class: 'hazard-form' });

  const done = (updated) => {
    Object.assign(hazard, updated);
    openForm.close = () => {};
    const fresh = hazardCard(ctx, hazard, openForm);
    card.replaceWith(fresh);
    fresh.prepend(notice(t('inspections.hazards.changed', { status: hazard.statusLabel })));
    fresh.querySelector('.title')?.focus?.();
  };

  // One inline form at a time: the form helper names its inputs by the API's field names.
  const show = (builder) => {
    openForm.close();
    clear(formSlot, builder());
    openForm.close = () => clear(formSlot);
    formSlot.querySelector('input, textarea, select')?.focus();
  };
  const cancel = h('button', { type: 'button', onClick: () => { clear(formSlot); openForm.close = () => {}; } }, t('inspections.hazards.cancel'));

  const actions = [];
  if (hasRole(ctx.session, FOLLOW_UP) && ['Open', 'Reopened'].includes(hazard.status)) {
    actions.push(h('button', { type: 'button', dataset: { action: 'rectification' }, onClick: () => show(() => startForm(hazard, done, cancel)) }, t('inspections.hazards.startRectification')));
  }
  if (hasRole(ctx.session, FOLLOW_UP) && ['Open', 'Rectifying', 'Reopened'].includes(hazard.status)) {
    actions.push(h('button', { type: 'button', dataset: { action: 'submission' }, onClick: () => show(() => submitForm(hazard, done, cancel)) }, t('inspections.hazards.submitRectification')));
  }
  if (hasRole(ctx.session, REINSPECT) && hazard.status === 'Submitted') {
    actions.push(h('button', { type: 'button', dataset: { action: 'reinspection' }, onClick: () => show(() => reinspectForm(hazard, done, cancel)) }, t('inspections.hazards.reinspect')));
  }

  const card = h('article', {
    class: `hazard card ${hazard.overdue ? 'overdue' : ''} severity-${hazard.severity}`,
    dataset: { hazardId: hazard.id, status: hazard.status },
    'aria-labelledby': `hazard-${hazard.id}-title`,
  },
    h('div', { class: 'hazard-badges' },
      badge(hazard.statusLabel, hazard.status === 'Closed' ? 'good' : hazard.status === 'Reopened' ? 'bad' : 'warn'),
      badge(hazard.severityLabel, hazard.severity === 'Major' ? 'bad' : ''),
      badge(hazard.categoryLabel),
      hazard.overdue ? badge(t('inspections.hazards.overdueBadge'), 'overdue') : null),
    h('h3', { class: 'title', id: `hazard-${hazard.id}-title`, tabindex: '-1' }, hazard.summary),
    h('dl', { class: 'hazard-facts' },
      fact(t('inspections.hazards.venue'), `${hazard.venueName}（${kinds[hazard.venueKind] ?? hazard.venueKind} · ${hazard.gridCode}）`),
      fact(t('inspections.hazards.deadline'), h('span', { class: hazard.overdue ? 'late' : '' }, formatDate(hazard.deadline))),
      fact(t('inspections.hazards.responsible'), hazard.responsibleParty),
      hazard.notes ? fact(t('inspections.hazards.notes'), hazard.notes) : null,
      hazard.photos?.length ? fact(t('inspections.hazards.photos'), hazard.photos.join('、')) : null,
      hazard.measures ? fact(t('inspections.hazards.measures'), hazard.measures) : null,
      hazard.rectificationPhotos?.length ? fact(t('inspections.hazards.rectificationPhotos'), hazard.rectificationPhotos.join('、')) : null),
    h('p', { class: 'meta muted' }, t('inspections.hazards.foundAt', { at: formatDateTime(hazard.foundAt) }), ' · ',
      h('a', { href: `/inspections/${hazard.inspectionId}` }, t('inspections.hazards.fromInspection'))),
    hazard.timeline?.length ? h('details', { class: 'hazard-timeline' },
      h('summary', null, t('inspections.hazards.timeline')),
      h('ol', null, hazard.timeline.map((step) => h('li', null, h('time', { datetime: step.at }, formatDateTime(step.at)), ' ', step.note)))) : null,
    actions.length ? h('div', { class: 'actions' }, actions) : null,
    formSlot);
  return card;
}

function fact(label, value) {
  return h('div', null, h('dt', null, label), h('dd', null, value));
}

function startForm(hazard, done, cancel) {
  return form({
    fields: [{ name: 'measures', label: t('inspections.hazards.measuresLabel'), type: 'textarea', rules: [rules.required(), rules.maxLength(500)] }],
    submit: t('inspections.hazards.startRectification'),
    secondary: cancel,
    onSubmit: (values) => api(`/api/safety/hazards/${hazard.id}/rectification`, { method: 'POST', body: { measures: values.measures.trim() } }),
    onDone: done,
  });
}

function submitForm(hazard, done, cancel) {
  const idempotencyKey = newIdempotencyKey();
  return form({
    fields: [
      { name: 'photos', label: t('inspections.hazards.submitPhotos'), type: 'textarea', hint: t('inspections.hazards.submitPhotosHint'), rules: [rules.required(), rules.photoReferences()] },
      { name: 'notes', label: t('inspections.hazards.submitNotes'), type: 'textarea', rules: [rules.maxLength(500)] },
    ],
    submit: t('inspections.hazards.submitRectification'),
    secondary: cancel,
    onSubmit: (values) => api(`/api/safety/hazards/${hazard.id}/submission`, {
      method: 'POST', idempotencyKey, body: { notes: values.notes.trim() || null, photos: splitList(values.photos) },
    }),
    onDone: done,
  });
}

function reinspectForm(hazard, done, cancel) {
  const idempotencyKey = newIdempotencyKey();
  const failed = (values) => values.passed === 'false';
  return form({
    fields: [
      { name: 'passed', label: t('inspections.hazards.passed'), type: 'select', options: [['true', t('inspections.hazards.passedYes')], ['false', t('inspections.hazards.passedNo')]], rules: [rules.required()] },
      {
        name: 'notes', label: t('inspections.hazards.reinspectNotes'), type: 'textarea', hint: t('inspections.hazards.reinspectNotesHint'),
        rules: [rules.maxLength(500), (value, values) => (failed(values) && !value.trim() ? ['inspections.hazards.notesRequiredWhenFailed'] : null)],
      },
      {
        name: 'deadline', label: t('inspections.hazards.newDeadline'), type: 'date', hint: t('inspections.hazards.newDeadlineHint'),
        rules: [rules.notPast(), (value, values) => (value && !failed(values) ? ['inspections.hazards.deadlineOnlyWhenFailed'] : null)],
      },
    ],
    submit: t('inspections.hazards.reinspect'),
    secondary: cancel,
    onSubmit: (values) => api(`/api/safety/hazards/${hazard.id}/reinspection`, {
      method: 'POST', idempotencyKey,
      body: { passed: values.passed === '' ? null : values.passed === 'true', notes: values.notes.trim() || null, deadline: values.deadline || null },
    }),
    onDone: done,
  });
}

