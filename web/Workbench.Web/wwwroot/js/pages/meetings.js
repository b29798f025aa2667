// 组织生活: the meetings of the party organisations, the cadences they missed, and scheduling a new meeting.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, labelsOf, choicesOf } from '../labels.js';
import { formatDate, formatDateTime, today, addDays, toLocalInput, fromLocalInput } from '../calendar.js';
import { api, apiAll, withQuery } from '../api.js';
import { form, rules } from '../forms.js';
import { pageHead, table, badge, filterSelect } from '../ui.js';

const FILTERS = ['organisationCode', 'kind', 'status', 'from', 'to'];
const STATUS_TONE = { Scheduled: 'warn', Held: 'good', Cancelled: '' };

/** The API's rule: a meeting ends within 12 hours of its start. */
const within12Hours = () => (value, values) => {
  if (!value || !values.startsAt) return null;
  return Date.parse(fromLocalInput(value)) - Date.parse(fromLocalInput(values.startsAt)) > 12 * 3600 * 1000 ? ['meetings.form.within12h'] : null;
};

/** "2026-10" → 2026年10月, "2026-Q3" → 2026年第3季度 (the API's period labels). */
function periodLabel(code) {
  const quarter = /^(\d{4})-Q(\d)$/.exec(code);
  if (quarter) return t('meetings.overdue.quarter', { year: quarter[1], quarter: quarter[2] });
  const month = /^(\d{4})-(\d{2})$/.exec(code);
  return month ? t('meetings.overdue.month', { year: month[1], month: Number(month[2]) }) : code;
}

export function attendanceCounts(meeting) {
  const count = (status) => meeting.attendance.filter((a) => a.status === status).length;
  return { present: count('Present'), absent: count('Absent'), madeUp: count('MadeUp') };
}

function overdueCard(overdue) {
  if (!overdue.length) return h('p', { class: 'notice', dataset: { overdue: '0' } }, t('meetings.overdue.none'));
  return h('section', { class: 'card overdue-cadences', 'aria-labelledby': 'overdue-title', dataset: { overdue: String(overdue.length) } },
    h('h2', { id: 'overdue-title' }, t('meetings.overdue.title'), ' ', badge(String(overdue.length), 'overdue')),
    h('p', { class: 'muted' }, t('meetings.overdue.intro')),
    h('ul', { class: 'cadences' }, overdue.map((o) => h('li', null,
      h('div', { class: 'cadence-head' },
        badge(t('meetings.overdue.badge'), 'overdue'),
        h('strong', null, o.organisationName),
        h('span', null, o.kindLabel),
        h('span', { class: 'muted' }, o.period === 'Month' ? t('meetings.overdue.periodMonth') : t('meetings.overdue.periodQuarter'))),
      h('div', { class: 'muted' },
        t('meetings.overdue.missed', { periods: o.missedPeriods.map(periodLabel).join('、') }), '；',
        o.lastHeldOn ? t('meetings.overdue.lastHeld', { date: formatDate(o.lastHeldOn) }) : t('meetings.overdue.neverHeld'))))));
}

function filters(ctx, organisations) {
  const q = ctx.query;
  const dateField = (name) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, t(`meetings.filters.${name}`)),
    h('input', { id: `filter-${name}`, name, type: 'date', value: q[name] ?? '' }));
  const element = h('form', { class: 'toolbar meeting-filters', role: 'search', 'aria-label': t('meetings.filters.label') },
    filterSelect('organisationCode', t('meetings.filters.organisation'), organisations.map((o) => [o.code, o.name]), q.organisationCode),
    filterSelect('kind', t('meetings.filters.kind'), choicesOf('membership.meetingKind'), q.kind),
    filterSelect('status', t('meetings.filters.status'), choicesOf('membership.meetingStatus'), q.status),
    dateField('from'),
    dateField('to'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'primary' }, t('meetings.filters.search')),
      h('a', { class: 'button', href: '/meetings' }, t('meetings.filters.reset'))));
  element.addEventListener('submit', (event) => {
    event.preventDefault();
    const data = new FormData(element);
    ctx.navigate(withQuery('/meetings', Object.fromEntries(FILTERS.map((name) => [name, String(data.get(name) ?? '')]))));
  });
  return element;
}

function scheduleForm(ctx, organisations) {
  const start = `${addDays(today(), 1)}T14:30`;
  const end = toLocalInput(Date.parse(fromLocalInput(start)) + 2 * 3600 * 1000);
  const element = form({
    className: 'two',
    fields: [
      { name: 'organisationCode', label: t('meetings.form.organisationCode'), type: 'select', options: organisations.map((o) => [o.code, o.name]),
        value: ctx.query.organisationCode, rules: [rules.required()] },
      { name: 'kind', label: t('meetings.form.kind'), type: 'select', options: choicesOf('membership.meetingKind'), rules: [rules.required()] },
      { name: 'title', label: t('meetings.form.title'), rules: [rules.required(), rules.maxLength(200)] },
      { name: 'location', label: t('meetings.form.location'), hint: t('meetings.form.locationHint'), rules: [rules.maxLength(200)] },
      { name: 'startsAt', label: t('meetings.form.startsAt'), type: 'datetime-local', value: start, rules: [rules.required()] },
      { name: 'endsAt', label: t('meetings.form.endsAt'), type: 'datetime-local', value: end,
        rules: [rules.required(), rules.after('startsAt', 'meetings.form.startsAt'), within12Hours()] },
    ],
    submit: t('meetings.scheduleSubmit'),
    onSubmit: (values) => api('/api/membership/meetings', {
      method: 'POST',
      body: {
        organisationCode: values.organisationCode,
        kind: values.kind,
        title: values.title.trim(),
        startsAt: fromLocalInput(values.startsAt),
        endsAt: fromLocalInput(values.endsAt),
        location: values.location.trim() || null,
      },
    }),
    onDone: (meeting) => ctx.navigate(`/meetings/${meeting.id}`),
  });
  // Moving the start keeps the meeting's length, so the end rarely needs touching.
  const startsAt = element.querySelector('#f-startsAt');
  const endsAt = element.querySelector('#f-endsAt');
  let previous = startsAt.value;
  startsAt.addEventListener('change', () => {
    if (previous && startsAt.value && endsAt.value) {
      const length = Date.parse(fromLocalInput(endsAt.value)) - Date.parse(fromLocalInput(previous));
      if (length > 0) endsAt.value = toLocalInput(Date.parse(fromLocalInput(startsAt.value)) + length);
    }
    previous = startsAt.value;
  });
  return element;
}

/** A scheduled meeting whose day has come: its attendance is still to be recorded. */
function awaitingRecord(meeting) {
  return meeting.status === 'Scheduled' && new Date(meeting.startsAt) <= new Date();
}

function meetingTable(meetings, organisationName) {
  const statuses = labelsOf('membership.meetingStatus');
  const element = table([
    { label: t('meetings.columns.title'), value: (m) => h('a', { href: `/meetings/${m.id}` }, m.title) },
    { label: t('meetings.columns.when'), value: (m) => formatDateTime(m.startsAt) },
    { label: t('meetings.columns.kind'), value: (m) => m.kindLabel },
    { label: t('meetings.columns.organisation'), value: (m) => organisationName(m.organisationCode) },
    { label: t('meetings.columns.location'), value: (m) => m.location ?? '—' },
    { label: t('meetings.columns.status'), value: (m) => [
      badge(statuses[m.status] ?? m.status, STATUS_TONE[m.status]),
      awaitingRecord(m) ? [' ', badge(t('meetings.awaitingRecord'), 'overdue')] : null,
    ] },
    { label: t('meetings.columns.attendance'), value: (m) => (m.status === 'Held' ? t('meetings.attendanceSummary', attendanceCounts(m)) : '—') },
  ], meetings, { empty: t('meetings.empty') });
  element.querySelectorAll('tbody tr').forEach((row, i) => { row.dataset.meetingId = meetings[i].id; });
  return element;
}

export default async function page(ctx) {
  await loadLabels('membership');
  ctx.setTitle(t('meetings.title'));
  const query = Object.fromEntries(FILTERS.map((name) => [name, ctx.query[name]]).filter(([, v]) => v));
  // The API pages by record id; the whole (small) list is read so it can be shown newest first.
  const [organisations, meetings, overdue] = await Promise.all([
    apiAll('/api/membership/organisations'),
    apiAll('/api/membership/meetings', query),
    api('/api/membership/meetings/overdue', { query: { organisationCode: query.organisationCode } }),
  ]);
  const names = new Map(organisations.map((o) => [o.code, o.name]));
  const organisationName = (code) => names.get(code) ?? code;
  // Meetings still to be held (or recorded) come first, soonest first; the others follow, newest first.
  const upcoming = meetings.filter((m) => m.status === 'Scheduled').sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = meetings.filter((m) => m.status !== 'Scheduled').sort((a, b) => b.startsAt.localeCompare(a.startsAt));

  const scheduleCard = h('section', { class: 'card schedule', 'aria-labelledby': 'schedule-title' },
    h('h2', { id: 'schedule-title' }, t('meetings.scheduleTitle')),
    scheduleForm(ctx, organisations));
  scheduleCard.hidden = ctx.query.schedule !== '1';
  const toggle = h('button', { type: 'button', class: 'primary', 'aria-expanded': String(!scheduleCard.hidden) },
    scheduleCard.hidden ? t('meetings.schedule') : t('meetings.hideSchedule'));
  toggle.addEventListener('click', () => {
    scheduleCard.hidden = !scheduleCard.hidden;
    toggle.setAttribute('aria-expanded', String(!scheduleCard.hidden));
    toggle.textContent = scheduleCard.hidden ? t('meetings.schedule') : t('meetings.hideSchedule');
    if (!scheduleCard.hidden) scheduleCard.querySelector('select, input')?.focus();
  });

  return h('div', { class: 'meetings-page' },
    pageHead(t('meetings.title'), toggle),
    scheduleCard,
    overdueCard(overdue),
    filters(ctx, organisations),
    h('section', { class: 'meetings-list', dataset: { list: 'upcoming' }, 'aria-labelledby': 'upcoming-title' },
      h('h2', { id: 'upcoming-title' }, t('meetings.upcoming'), ' ', badge(String(upcoming.length))),
      meetingTable(upcoming, organisationName)),
    h('section', { class: 'meetings-list', dataset: { list: 'past' }, 'aria-labelledby': 'past-title' },
      h('h2', { id: 'past-title' }, t('meetings.past'), ' ', badge(String(past.length))),
      meetingTable(past, organisationName)));
}
