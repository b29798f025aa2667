// An inspector's work list: residents' safety matters waiting for a look, inspections under way and lately done,
// this month's patrol quotas — and starting an inspection on a venue picked by grid, kind and name.

import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, labelsOf } from '../labels.js';
import { formatDateTime, today, addDays } from '../calendar.js';
import { api, apiAll, ApiError, newIdempotencyKey } from '../api.js';
import { form, rules, fieldMessages } from '../forms.js';
import { pageHead, stat, badge } from '../ui.js';

const NINE_SMALL = ['SmallShop', 'SmallRestaurant', 'SmallHotel', 'SmallEntertainment', 'SmallInternetCafe', 'SmallBeautyBath', 'SmallSchool', 'SmallClinic', 'SmallWorkshop'];
const OTHER_KINDS = ['ConstructionSite', 'Waters', 'Slope', 'Woodland'];

const daysAgo = (days) => addDays(today(), -days);

/** A list of a page that may not be readable for this role (e.g. statistics): an empty list rather than a failed page. */
const orEmpty = (promise) => promise.catch((error) => {
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) return null;
  throw error;
});

export default async function inspectionsPage(ctx) {
  await loadLabels('safety');
  ctx.setTitle(t('inspections.list.title'));
  const [tasks, running, recent, openHazards, overdueHazards, grids, campaigns, quotas] = await Promise.all([
    apiAll('/api/safety/inspection-tasks', { status: 'Open' }),
    apiAll('/api/safety/inspections', { status: 'InProgress' }),
    apiAll('/api/safety/inspections', { status: 'Completed', completedFrom: daysAgo(30) }),
    apiAll('/api/safety/hazards', { open: true }),
    apiAll('/api/safety/hazards', { overdue: true }),
    orEmpty(api('/api/grid/grids')),
    orEmpty(api('/api/safety/campaigns')),
    orEmpty(api('/api/safety/patrol-quotas')),
  ]);

  const gridCodes = (grids ?? []).map((g) => g.code);
  const startPanel = await startInspection(ctx, { gridCodes, grids: grids ?? [], campaigns: campaigns ?? [], tasks });

  return h('section', { class: 'inspections-page' },
    pageHead(t('inspections.list.title')),
    h('div', { class: 'cards' },
      stat(t('inspections.list.openTasks'), tasks.length, { alert: tasks.length > 0, testId: 'open-tasks' }),
      stat(t('inspections.list.inProgress'), running.length, { testId: 'in-progress' }),
      stat(t('inspections.list.openHazards'), openHazards.length, { href: '/hazards?open=true', testId: 'open-hazards' }),
      stat(t('inspections.list.overdueHazards'), overdueHazards.length, { href: '/hazards?overdue=true', alert: overdueHazards.length > 0, testId: 'overdue-hazards' })),
    startPanel,
    taskList(ctx, tasks),
    inspectionList('running', t('inspections.list.inProgressTitle'), running, t('inspections.list.inProgressEmpty')),
    inspectionList('recent', t('inspections.list.recentTitle'),
      [...recent].sort((a, b) => (b.completedAt ?? '').localeCompare(a.completedAt ?? '')).slice(0, 10), t('inspections.list.recentEmpty')),
    quotas ? patrolQuotas(quotas) : null);
}

/** The panel that starts an inspection: narrow the venues, pick one, optionally a campaign; the API picks the checklist. */
async function startInspection(ctx, { grids, campaigns, tasks }) {
  const task = tasks.find((x) => x.id === ctx.query.task);
  const kindLabels = labelsOf('safety.venueKind');
  const idempotency = new Map();
  const errorSlots = {};
  const fieldError = (name) => (errorSlots[name] = h('div', { class: 'field-error', id: `start-${name}-error`, 'aria-live': 'polite' }));

  const gridSelect = h('select', { id: 'start-grid' },
    h('option', { value: '' }, t('common.all')),
    grids.map((g) => h('option', { value: g.code, selected: g.code === (ctx.query.grid ?? task?.gridCode) }, `${g.code} ${g.name ?? ''}`)));
  const kindSelect = h('select', { id: 'start-kind' },
    h('option', { value: '' }, t('common.all')),
    h('optgroup', { label: t('inspections.start.nineSmall') }, NINE_SMALL.map((k) => h('option', { value: k }, kindLabels[k]))),
    h('optgroup', { label: t('inspections.start.otherKinds') }, OTHER_KINDS.map((k) => h('option', { value: k }, kindLabels[k]))));
  const search = h('input', { id: 'start-search', type: 'search', placeholder: t('inspections.start.searchHint'), autocomplete: 'off' });
  const venueSelect = h('select', { id: 'start-venueId', name: 'venueId', required: true, 'aria-describedby': 'start-venueId-error start-venue-count' });
  const venueCount = h('div', { class: 'hint', id: 'start-venue-count', 'aria-live': 'polite' });
  const campaignSelect = h('select', { id: 'start-campaignId', name: 'campaignId', 'aria-describedby': 'start-campaignId-error' });
  const templateHint = h('div', { class: 'hint', id: 'start-template' });
  const summary = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('inspections.start.submit'));
  let taskId = task?.id ?? null;
  let venues = [];
  let checklists = new Map();

  const selectedVenue = () => venues.find((v) => v.id === venueSelect.value);

  function showVenues() {
    const needle = search.value.trim();
    const shown = venues.filter((v) => !needle || v.name.includes(needle) || (v.address ?? '').includes(needle));
    const keep = venueSelect.value;
    clear(venueSelect,
      h('option', { value: '' }, t('common.choose')),
      shown.map((v) => h('option', { value: v.id, selected: v.id === keep },
        `${v.name} · ${v.kindLabel} · ${v.gridCode}${v.address ? ` · ${v.address}` : ''}`)));
    venueCount.textContent = shown.length ? t('inspections.start.venueCount', { count: shown.length }) : t('inspections.start.noVenues');
    onVenue();
  }

  async function loadVenues() {
    venues = await apiAll('/api/safety/venues', { gridCode: gridSelect.value, kind: kindSelect.value });
    showVenues();
  }

  // Mirrors the API's choice: the campaign's checklist, else the office's own for the kind before the shipped one, newest first.
  async function describeChecklist() {
    const venue = selectedVenue();
    const campaign = campaigns.find((c) => c.id === campaignSelect.value);
    if (!venue) { templateHint.textContent = t('inspections.start.templateNone'); return; }
    if (!checklists.has(venue.kind)) checklists.set(venue.kind, await api('/api/safety/checklists', { query: { venueKind: venue.kind } }).catch(() => []));
    const candidates = checklists.get(venue.kind);
    const chosen = campaign?.templateCode
      ? candidates.find((c) => c.code === campaign.templateCode) ?? { name: campaign.templateCode }
      : [...candidates].sort((a, b) => Number(a.shipped) - Number(b.shipped) || b.createdAt.localeCompare(a.createdAt))[0];
    templateHint.textContent = chosen ? t('inspections.start.templateDefault', { name: chosen.name }) : t('inspections.start.templateNone');
  }

  function onVenue() {
    const venue = selectedVenue();
    const day = today();
    const keep = campaignSelect.value;
    const running = campaigns.filter((c) => c.startsOn <= day && c.endsOn >= day && (!venue || c.venueKinds.length === 0 || c.venueKinds.includes(venue.kind)));
    clear(campaignSelect,
      h('option', { value: '' }, t('inspections.start.noCampaign')),
      running.map((c) => h('option', { value: c.id, selected: c.id === keep }, c.name)));
    if (venue) errorSlots.venueId.textContent = '';
    describeChecklist();
  }

  gridSelect.addEventListener('change', loadVenues);
  kindSelect.addEventListener('change', loadVenues);
  search.addEventListener('input', showVenues);
  venueSelect.addEventListener('change', onVenue);
  campaignSelect.addEventListener('change', describeChecklist);

  const taskLine = h('div', { class: 'field start-task', hidden: !task },
    h('span', { class: 'label' }, t('inspections.start.taskId')),
    h('div', null, task ? t('inspections.start.taskOf', { location: task.location, grid: task.gridCode }) : '',
      ' ', h('button', { type: 'button', class: 'link', onClick: () => { taskId = null; taskLine.hidden = true; } }, t('inspections.start.taskClear'))),
    fieldError('taskId'));

  const field = (id, label, control, ...extra) => h('div', { class: 'field', dataset: { field: id } }, h('label', { for: `start-${id}` }, label), control, ...extra);

  const element = h('form', { class: 'form two start-form', novalidate: true, 'aria-labelledby': 'start-title' },
    field('grid', t('inspections.start.grid'), gridSelect),
    field('kind', t('inspections.start.kind'), kindSelect),
    field('search', t('inspections.start.search'), search),
    field('venueId', [t('inspections.start.venueId'), h('span', { class: 'req', 'aria-hidden': 'true' }, ' *')], venueSelect, venueCount, fieldError('venueId')),
    field('campaignId', t('inspections.start.campaignId'), campaignSelect, fieldError('campaignId')),
    h('div', { class: 'field', dataset: { field: 'templateCode' } }, h('span', { class: 'label' }, t('inspections.start.templateCode')), templateHint, fieldError('templateCode')),
    taskLine,
    summary,
    h('div', { class: 'actions' }, submit));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    summary.hidden = true;
    for (const slot of Object.values(errorSlots)) slot.textContent = '';
    const venue = selectedVenue();
    if (!venue) {
      errorSlots.venueId.textContent = t('validation.codes.required');
      venueSelect.focus();
      return;
    }
    const body = { venueId: venue.id, campaignId: campaignSelect.value || null, taskId };
    const keyOf = JSON.stringify(body);
    if (!idempotency.has(keyOf)) idempotency.set(keyOf, newIdempotencyKey());
    submit.disabled = true;
    try {
      const started = await api('/api/safety/inspections', { method: 'POST', body, idempotencyKey: idempotency.get(keyOf) });
      ctx.navigate(`/inspections/${started.id}`);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = [];
      for (const [name, messages] of Object.entries(fieldMessages(error))) {
        if (errorSlots[name]) errorSlots[name].textContent = messages.join(' '); else unplaced.push(`${name}: ${messages.join(' ')}`);
      }
      clear(summary, h('strong', null, error.status === 400 ? t('validation.fix') : error.message), unplaced.length ? h('ul', null, unplaced.map((m) => h('li', null, m))) : null);
      summary.hidden = false;
    } finally {
      submit.disabled = false;
    }
  });

  await loadVenues();
  return h('section', { class: 'card start-panel', id: 'start' }, h('h2', { id: 'start-title' }, t('inspections.start.title')), element);
}

function taskList(ctx, tasks) {
  return h('section', { id: 'tasks' },
    h('h2', null, t('inspections.list.tasksTitle')),
    tasks.length
      ? h('div', { class: 'task-list' }, tasks.map((task) => taskTile(ctx, task)))
      : h('p', { class: 'muted' }, t('inspections.list.tasksEmpty')));
}

function taskTile(ctx, task) {
  const slot = h('div', { class: 'task-close' });
  const closeForm = () => form({
    fields: [{ name: 'outcome', label: t('inspections.list.taskOutcome'), type: 'textarea', hint: t('inspections.list.taskOutcomeHint'), rules: [rules.required(), rules.maxLength(500)] }],
    submit: t('inspections.list.taskClose'),
    onSubmit: (values) => api(`/api/safety/inspection-tasks/${task.id}/close`, { method: 'POST', body: values }),
    onDone: () => ctx.refresh(),
    secondary: h('button', { type: 'button', onClick: () => clear(slot) }, t('common.cancel')),
  });
  return h('article', { class: 'tile task', dataset: { taskId: task.id } },
    h('div', { class: 'title' }, task.location),
    h('div', { class: 'meta' }, h('span', null, task.gridCode), h('span', null, t('inspections.list.taskReported', { at: formatDateTime(task.reportedAt) }))),
    h('div', { class: 'actions' },
      h('a', { class: 'button primary', href: `/inspections?task=${task.id}&grid=${encodeURIComponent(task.gridCode)}` }, t('inspections.list.taskInspect')),
      h('button', { type: 'button', onClick: () => clear(slot, closeForm()) }, t('inspections.list.taskClose'))),
    slot);
}

function inspectionList(id, title, inspections, empty) {
  const kindLabels = labelsOf('safety.venueKind');
  return h('section', { id },
    h('h2', null, title),
    inspections.length
      ? h('div', { class: 'inspection-list' }, inspections.map((i) => h('a', { class: 'tile', href: `/inspections/${i.id}`, dataset: { inspectionId: i.id } },
        h('div', { class: 'title' }, i.venueName),
        h('div', { class: 'meta' },
          h('span', null, kindLabels[i.venueKind] ?? i.venueKind),
          h('span', null, i.gridCode),
          h('span', null, t('inspections.list.items', { count: i.items })),
          i.failed ? badge(t('inspections.list.failed', { count: i.failed }), 'bad') : null,
          h('span', null, i.completedAt
            ? t('inspections.list.completedAt', { at: formatDateTime(i.completedAt) })
            : t('inspections.list.startedAt', { at: formatDateTime(i.startedAt) }))))))
      : h('p', { class: 'muted' }, empty));
}

function patrolQuotas(report) {
  const kinds = labelsOf('safety.patrolKind');
  return h('section', { id: 'patrols' },
    h('h2', null, t('inspections.list.patrolTitle', { month: report.month })),
    report.plans.length
      ? h('div', { class: 'inspection-list' }, report.plans.map((p) => h('div', { class: `tile ${p.missed ? 'overdue' : ''}`, dataset: { planId: p.planId } },
        h('div', { class: 'title' }, `${p.gridCode} · ${kinds[p.kind] ?? p.kind}`),
        h('div', { class: 'meta' },
          h('span', null, t('inspections.list.patrolHeld', { held: p.held, required: p.required })),
          p.attained ? badge(t('inspections.list.patrolAttained'), 'good')
            : p.missed ? badge(t('inspections.list.patrolMissed'), 'overdue') : badge(t('inspections.list.patrolShort'), 'warn')))))
      : h('p', { class: 'muted' }, t('inspections.list.patrolEmpty')));
}
