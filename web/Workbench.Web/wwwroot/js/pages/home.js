// The home page: a greeting and, for each of the person's roles, the figures of their day. Every figure is read from
// an API the role may call and links to the records behind it; a call that fails leaves its figures at "—".

import { h, s } from '../dom.js';
import { t, formatNumber } from '../i18n.js';
import { loadLabels, labelOf } from '../labels.js';
import { formatDateTime, formatDateLong, today, dayOf, addDays, daysBetween } from '../calendar.js';
import { api } from '../api.js';
import { stat, badge, table } from '../ui.js';
import { hasRole, Roles } from '../session.js';

const { Secretary, Staff, GridWorker, Inspector, VolunteerLeader, Member, Resident } = Roles;

/** Matter statuses before a matter is resolved, closed or returned, in the order of the loop. */
const OPEN_MATTER_STATUSES = ['Reported', 'Accepted', 'Deliberating', 'Assigned'];

/** Lists are counted page by page; past this many items a figure shows "N+" rather than reading on. */
const COUNT_CAP = 5000;

export default async function home(ctx) {
  await loadLabels('grid', 'safety');
  const { session } = ctx;
  ctx.setTitle(t('nav.home'));
  const days = communityDays();

  const sections = [];
  if (hasRole(session, [Secretary, Staff])) sections.push(communitySection(days));
  if (hasRole(session, [GridWorker])) sections.push(gridSection(session, days));
  if (hasRole(session, [Inspector])) sections.push(inspectorSection(days));
  if (hasRole(session, [VolunteerLeader])) sections.push(volunteerLeaderSection(days));
  if (hasRole(session, [Resident])) sections.push(residentSection(days));
  if (hasRole(session, [Member])) sections.push(memberSection(days));
  if (hasRole(session, [Member, Resident])) sections.push(myVolunteeringSection(days));

  return h('div', { class: 'home' }, greeting(session, days), await Promise.all(sections));
}

// ---- sections -------------------------------------------------------------------------------------------------

/** Secretary and staff: the whole community this month. */
async function communitySection(days) {
  const month = { from: days.monthStart, to: days.today };
  const [membership, openMatters, hazardsOpen, hazardsOverdue, overdueCadences, quotas, volunteer, hoursRecords] = await Promise.all([
    attempt(api('/api/membership/statistics', { query: month })),
    attempt(openMattersByStatus()),
    attempt(countItems('/api/safety/hazards', { open: true })),
    attempt(countItems('/api/safety/hazards', { overdue: true })),
    attempt(api('/api/membership/meetings/overdue')),
    attempt(api('/api/safety/patrol-quotas', { query: { month: days.month } })),
    attempt(api('/api/volunteer/statistics', { query: month })),
    attempt(collect('/api/volunteer/service-records', { status: 'Approved', servedFrom: days.monthStart, servedTo: days.today })),
  ]);

  const members = membership?.members;
  const missedMeetings = overdueCadences?.reduce((sum, cadence) => sum + cadence.missedPeriods.length, 0);
  const matters = openMatters && summariseMatters(openMatters.items);

  return section('community', t('home.community.title'), [
    h('div', { class: 'cards' },
      withNote(stat(t('home.community.members'), members?.total, { href: '/members', testId: 'members-active' }),
        members && t('home.community.membersNote', {
          under35: formatNumber(members.byAgeCohort?.Under35 ?? 0), college: formatNumber(members.collegeOrAbove),
        })),
      stat(t('home.matters.open'), countText(matters?.open, openMatters?.capped), { href: '/matters', testId: 'matters-open' }),
      stat(t('home.matters.overdue'), countText(matters?.overdue, openMatters?.capped),
        { href: '/matters?overdue=true', alert: matters?.overdue > 0, testId: 'matters-overdue' }),
      stat(t('home.hazards.open'), countText(hazardsOpen?.count, hazardsOpen?.capped), { href: '/hazards', testId: 'hazards-open' }),
      stat(t('home.hazards.overdue'), countText(hazardsOverdue?.count, hazardsOverdue?.capped),
        { href: '/hazards?overdue=true', alert: hazardsOverdue?.count > 0, testId: 'hazards-overdue' }),
      stat(t('home.community.meetingsHeld'), membership?.meetings?.held, { href: '/meetings', testId: 'meetings-month' }),
      stat(t('home.community.meetingsOverdue'), missedMeetings, { href: '/meetings', alert: missedMeetings > 0, testId: 'meetings-overdue' }),
      withNote(stat(t('home.volunteer.hoursMonth'), hoursText(volunteer?.hours?.approved), { href: '/activities', testId: 'volunteer-hours-month' }),
        volunteer && t('home.volunteer.hoursMonthNote', { people: formatNumber(volunteer.hours.volunteersCredited) }))),
    h('div', { class: 'home-charts' },
      quotaChart(quotas?.plans, quotas === undefined),
      hoursByWeekChart(hoursRecords, days)),
    h('div', { class: 'actions home-links' },
      h('a', { class: 'button primary', href: '/matters/new' }, t('home.links.reportMatter')),
      h('a', { class: 'button', href: '/report' }, t('home.links.report'))),
  ]);
}

/** Grid worker: their grids only. */
async function gridSection(session, days) {
  const grids = session.grids ?? [];
  const mine = (item) => grids.includes(item.gridCode);
  const [openMatters, resolvedMonth, hazardsOpen, visitsDue, quotas] = await Promise.all([
    attempt(openMattersByStatus(mine)),
    attempt(countItems('/api/grid/matters', { resolvedFrom: days.monthStart, resolvedTo: days.today }, mine)),
    attempt(countItems('/api/safety/hazards', { open: true }, mine)),
    attempt(api('/api/grid/care-list/visits-due')),
    attempt(api('/api/safety/patrol-quotas', { query: { month: days.month } })),
  ]);

  const matters = openMatters && summariseMatters(openMatters.items);
  const capped = openMatters?.capped;
  const myVisits = visitsDue?.filter(mine);
  const visitsOverdue = myVisits?.filter((visit) => visit.nextVisitDue < days.today).length;
  const visitsToday = myVisits?.filter((visit) => visit.nextVisitDue === days.today).length;
  const toSignFor = (openMatters?.items ?? []).filter((m) => m.status === 'Reported')
    .sort((a, b) => a.requestedDatetime.localeCompare(b.requestedDatetime));

  return section('grid', t('home.grid.title', { grids: grids.join('、') || '—' }), [
    h('div', { class: 'cards' },
      stat(t('home.matters.open'), countText(matters?.open, capped), { href: '/matters', testId: 'matters-open' }),
      stat(t('home.matters.overdue'), countText(matters?.overdue, capped),
        { href: '/matters?overdue=true', alert: matters?.overdue > 0, testId: 'matters-overdue' }),
      stat(t('home.matters.resolvedMonth'), countText(resolvedMonth?.count, resolvedMonth?.capped),
        { href: '/matters', testId: 'matters-resolved-month' }),
      stat(t('home.hazards.open'), countText(hazardsOpen?.count, hazardsOpen?.capped), { href: '/hazards', testId: 'hazards-open' }),
      withNote(stat(t('home.grid.visitsOverdue'), visitsOverdue, { href: '/care-list', alert: visitsOverdue > 0, testId: 'visits-overdue' }),
        visitsToday > 0 && t('home.grid.visitsToday', { count: formatNumber(visitsToday) }))),
    h('h3', null, t('home.grid.byStatus')),
    h('div', { class: 'cards home-statuses' },
      OPEN_MATTER_STATUSES.map((status) => withNote(
        stat(labelOf('grid.matterStatus', status), countText(matters?.byStatus[status], capped),
          { href: `/matters?status=${status}`, testId: `matters-status-${status}` }),
        matters?.overdueByStatus[status] > 0 && badge(t('home.matters.overdueCount', { count: formatNumber(matters.overdueByStatus[status]) }), 'overdue')))),
    h('div', { class: 'home-charts' },
      todoList(toSignFor, openMatters === undefined, days),
      quotaChart(quotas?.plans?.filter(mine), quotas === undefined)),
    h('div', { class: 'actions home-links' },
      h('a', { class: 'button primary', href: '/matters/new' }, t('home.links.reportMatter')),
      h('a', { class: 'button', href: '/matters' }, t('home.links.board'))),
  ]);
}

/** Inspector: this month's patrols, open tasks, hazards waiting for them. */
async function inspectorSection(days) {
  const [quotas, tasksOpen, inProgress, hazardsOverdue, hazardsSubmitted] = await Promise.all([
    attempt(api('/api/safety/patrol-quotas', { query: { month: days.month } })),
    attempt(countItems('/api/safety/inspection-tasks', { status: 'Open' })),
    attempt(countItems('/api/safety/inspections', { status: 'InProgress' })),
    attempt(countItems('/api/safety/hazards', { overdue: true })),
    attempt(countItems('/api/safety/hazards', { status: 'Submitted' })),
  ]);
  const patrolsToDo = quotas?.plans?.reduce((sum, plan) => sum + Math.max(0, plan.required - plan.held), 0);

  return section('inspector', t('home.inspector.title'), [
    h('div', { class: 'cards' },
      stat(t('home.inspector.patrolsToDo'), patrolsToDo, { href: '/inspections', alert: patrolsToDo > 0, testId: 'patrols-to-do' }),
      stat(t('home.inspector.tasksOpen'), countText(tasksOpen?.count, tasksOpen?.capped), { href: '/inspections', testId: 'inspection-tasks-open' }),
      stat(t('home.inspector.inProgress'), countText(inProgress?.count, inProgress?.capped), { href: '/inspections', testId: 'inspections-in-progress' }),
      stat(t('home.hazards.submitted'), countText(hazardsSubmitted?.count, hazardsSubmitted?.capped),
        { href: '/hazards?status=Submitted', testId: 'hazards-submitted' }),
      stat(t('home.hazards.overdue'), countText(hazardsOverdue?.count, hazardsOverdue?.capped),
        { href: '/hazards?overdue=true', alert: hazardsOverdue?.count > 0, testId: 'hazards-overdue' })),
    h('div', { class: 'home-charts' }, quotaChart(quotas?.plans, quotas === undefined)),
    h('div', { class: 'actions home-links' }, h('a', { class: 'button primary', href: '/inspections' }, t('home.links.inspections'))),
  ]);
}

/** Volunteer team leader: the week ahead and the hours to approve. */
async function volunteerLeaderSection(days) {
  const [upcoming, volunteer] = await Promise.all([
    attempt(collect('/api/volunteer/activities', { status: 'Published', from: days.today, to: days.inAWeek })),
    attempt(api('/api/volunteer/statistics', { query: { from: days.monthStart, to: days.today } })),
  ]);
  // The API filters by the day an activity starts; one that has already ended today is no longer ahead.
  const now = Date.now();
  const activities = upcoming?.filter((a) => Date.parse(a.endsAt) > now).sort((a, b) => a.startsAt.localeCompare(b.startsAt));

  return section('volunteer', t('home.volunteer.title'), [
    h('div', { class: 'cards' },
      stat(t('home.volunteer.upcoming'), activities?.length, { href: '/activities', testId: 'activities-upcoming' }),
      stat(t('home.volunteer.pending'), volunteer?.hours?.pendingRecords,
        { href: '/activities', alert: volunteer?.hours?.pendingRecords > 0, testId: 'hours-pending' }),
      stat(t('home.volunteer.hoursMonth'), hoursText(volunteer?.hours?.approved), { href: '/activities', testId: 'volunteer-hours-month' })),
    h('h3', null, t('home.volunteer.upcomingTitle')),
    activities === undefined
      ? unavailable()
      : table([
        { label: t('home.volunteer.activity'), value: (a) => h('a', { href: `/activities/${a.id}` }, a.title) },
        { label: t('home.volunteer.startsAt'), value: (a) => formatDateTime(a.startsAt) },
        { label: t('home.volunteer.place'), value: (a) => a.place },
        { label: t('home.volunteer.signedUp'), value: (a) => t('home.volunteer.places', { confirmed: formatNumber(a.confirmed), capacity: formatNumber(a.capacity) }) },
      ], activities, { empty: t('home.volunteer.noneUpcoming') }),
  ]);
}

/** Resident: the matters they reported, and a way to report another. */
async function residentSection() {
  const mine = await attempt(collect('/api/grid/matters', {}));
  const matters = mine?.sort((a, b) => b.requestedDatetime.localeCompare(a.requestedDatetime));
  const open = matters?.filter((m) => m.open311Status === 'open').length;

  return section('resident', t('home.resident.title'), [
    h('a', { class: 'button primary home-report', href: '/matters/new' }, t('home.links.reportMatter')),
    h('div', { class: 'cards' },
      stat(t('home.resident.open'), open, { testId: 'my-matters-open' }),
      stat(t('home.resident.total'), matters?.length, { testId: 'my-matters' })),
    matters === undefined
      ? unavailable()
      : table([
        { label: t('home.resident.matter'), value: (m) => h('span', null, h('strong', null, m.categoryLabel), ' ', m.location) },
        { label: t('home.resident.status'), value: (m) => matterBadge(m) },
        { label: t('home.resident.reportedAt'), value: (m) => formatDateTime(m.requestedDatetime) },
      ], matters.slice(0, 20), { empty: t('home.resident.none') }),
  ]);
}

/** Party member: the organisational life ahead. Members may not read or report matters (the grid API refuses them). */
async function memberSection(days) {
  const meetings = await attempt(api('/api/membership/meetings', {
    query: { status: 'Scheduled', from: days.today, to: days.inAMonth, limit: 50 },
  }));
  const upcoming = meetings?.items.sort((a, b) => a.startsAt.localeCompare(b.startsAt)).slice(0, 10);

  return section('member', t('home.member.title'), [
    h('div', { class: 'cards' }, stat(t('home.member.meetings'), upcoming?.length, { testId: 'meetings-upcoming' })),
    upcoming === undefined
      ? unavailable()
      : table([
        { label: t('home.member.meeting'), value: (m) => h('span', null, h('strong', null, m.kindLabel), ' ', m.title) },
        { label: t('home.member.startsAt'), value: (m) => formatDateTime(m.startsAt) },
        { label: t('home.member.location'), value: (m) => m.location },
      ], upcoming, { empty: t('home.member.none') }),
  ]);
}

/**
 * Member or resident: their own volunteer hours, when their account is linked to a volunteer profile. One call: the
 * API answers 409 for an account not linked, and this month's hours are summed from the history it returns.
 */
async function myVolunteeringSection(days) {
  let hours;
  let notLinked = false;
  try {
    hours = await api('/api/volunteer/me/hours');
  } catch (error) {
    notLinked = error.status === 409;
  }
  const month = hours?.history
    .filter((row) => row.status === 'Approved' && row.servedOn >= days.monthStart && row.servedOn <= days.today)
    .reduce((sum, row) => sum + row.hours, 0);

  return section('mine', t('home.mine.title'), [
    notLinked
      ? h('p', { class: 'muted' }, t('home.mine.notLinked'))
      : h('div', { class: 'cards' },
        stat(t('home.mine.hoursTotal'), hoursText(hours?.approvedHours), { testId: 'my-hours' }),
        stat(t('home.mine.hoursMonth'), hoursText(month), { testId: 'my-hours-month' }),
        stat(t('home.mine.pending'), hoursText(hours?.pendingHours), { testId: 'my-hours-pending' })),
  ]);
}

// ---- pieces ---------------------------------------------------------------------------------------------------

function greeting(session, days) {
  return h('header', { class: 'home-greeting' },
    h('h1', null, t('home.greeting', { name: session.name })),
    h('p', { class: 'muted' },
      h('span', null, session.roles.map((role) => t(`roles.${role}`)).join('、')),
      ' · ',
      h('time', { datetime: days.today }, days.todayText)));
}

function section(name, title, content) {
  return h('section', { class: `home-section home-${name}`, 'aria-labelledby': `home-${name}-title` },
    h('h2', { id: `home-${name}-title` }, title), content);
}

/** Small print under a figure (e.g. the under-35s under the member count). */
function withNote(card, note) {
  if (note) card.append(h('div', { class: 'note' }, note));
  return card;
}

function unavailable() {
  return h('p', { class: 'muted' }, t('home.unavailable'));
}

function matterBadge(matter) {
  const tone = matter.overdue ? 'overdue' : matter.status === 'Closed' || matter.status === 'Resolved' ? 'good' : matter.status === 'Returned' ? 'bad' : 'warn';
  const text = labelOf('grid.matterStatus', matter.status);
  return matter.overdue ? h('span', null, badge(text, tone), ' ', badge(t('home.matters.overdueBadge'), 'overdue')) : badge(text, tone);
}

/** Today's to-do of a grid worker: matters waiting to be signed for, oldest first. */
function todoList(matters, failed, days) {
  return h('section', { class: 'card home-todo', 'aria-labelledby': 'home-todo-title' },
    h('h3', { id: 'home-todo-title' }, t('home.grid.todo', { count: formatNumber(matters.length) })),
    failed
      ? unavailable()
      : matters.length === 0
        ? h('p', { class: 'muted' }, t('home.grid.todoNone'))
        : h('ul', { class: 'home-list' }, matters.slice(0, 8).map((m) => h('li', null,
          h('a', { class: 'tile', href: `/matters/${m.id}` },
            h('div', { class: 'title' }, m.categoryLabel, ' · ', m.location),
            h('div', { class: 'meta' },
              h('span', null, m.gridCode),
              h('span', null, age(m.requestedDatetime, days))))))),
    matters.length > 8 ? h('a', { href: '/matters?status=Reported' }, t('home.grid.todoAll', { count: formatNumber(matters.length) })) : null);
}

function age(instant, days) {
  const n = daysBetween(dayOf(instant), days.today);
  return n <= 0 ? t('home.grid.reportedToday') : t('home.grid.reportedDaysAgo', { days: n });
}

/**
 * This month's patrol quotas, one bar per plan: patrols held, with a dashed mark at the quota. The figures are in
 * the bars' labels and, for screen readers, in the chart's label.
 */
function quotaChart(plans, failed) {
  const title = t('home.quota.title');
  if (failed) return h('figure', { class: 'card' }, h('figcaption', null, h('h3', null, title)), unavailable());
  if (!plans?.length) return h('figure', { class: 'card' }, h('figcaption', null, h('h3', null, title)), h('p', { class: 'muted' }, t('home.quota.none')));
  const rows = [...plans]
    .sort((a, b) => a.gridCode.localeCompare(b.gridCode) || a.kind.localeCompare(b.kind))
    .map((plan) => ({
      label: `${plan.gridCode} ${labelOf('safety.patrolKind', plan.kind)}`,
      value: plan.held,
      target: plan.required,
      tone: plan.held >= plan.required ? 'good' : plan.finished ? '' : 'secondary',
      text: t('home.quota.bar', { held: formatNumber(plan.held), required: formatNumber(plan.required) }),
    }));
  const attained = plans.filter((plan) => plan.held >= plan.required).length;
  return chart(title, rows, t('home.quota.summary', { attained: formatNumber(attained), plans: formatNumber(plans.length) }));
}

/** Approved hours this month by week of the month (days 1–7, 8–14, …), from the service records. */
function hoursByWeekChart(records, days) {
  const title = t('home.volunteer.byWeek');
  if (records === undefined) return h('figure', { class: 'card' }, h('figcaption', null, h('h3', null, title)), unavailable());
  const lastDay = Number(days.today.slice(8, 10));
  const weeks = [];
  for (let first = 1; first <= lastDay; first += 7) {
    const last = Math.min(first + 6, lastDay);
    const hours = records
      .filter((r) => { const day = Number(r.servedOn.slice(8, 10)); return day >= first && day <= last; })
      .reduce((sum, r) => sum + r.hours, 0);
    weeks.push({
      label: t('home.volunteer.week', { first, last }),
      value: hours,
      tone: '',
      text: t('home.volunteer.hours', { hours: formatNumber(hours, 1) }),
    });
  }
  return chart(title, weeks);
}

/** Horizontal bars sized for a phone: [{ label, value, target?, tone, text }]. */
function chart(title, rows, summary) {
  const width = 360;
  const labelWidth = 118;
  const textWidth = 64;
  const rowHeight = 28;
  const top = Math.max(1, ...rows.map((r) => Math.max(r.value, r.target ?? 0)));
  const scale = (value) => ((width - labelWidth - textWidth) * value) / top;
  const described = rows.map((r) => `${r.label} ${r.text}`).join('；');
  return h('figure', { class: 'card home-chart' },
    h('figcaption', null, h('h3', null, title), summary ? h('p', { class: 'muted' }, summary) : null),
    s('svg', { class: 'chart', viewBox: `0 0 ${width} ${rows.length * rowHeight + 6}`, role: 'img', 'aria-label': `${title}：${described}` },
      rows.map((r, i) => {
        const y = i * rowHeight + 4;
        const barWidth = Math.max(2, scale(r.value));
        const end = labelWidth + Math.max(barWidth, r.target ? scale(r.target) : 0);
        return s('g', null,
          s('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, r.label),
          s('rect', { class: `bar ${r.tone}`, x: labelWidth, y, width: barWidth, height: rowHeight - 10, rx: 3 }),
          r.target ? s('line', { class: 'target', x1: labelWidth + scale(r.target), x2: labelWidth + scale(r.target), y1: y - 2, y2: y + rowHeight - 8 }) : null,
          s('text', { x: end + 6, y: y + 15 }, r.text));
      })));
}

// ---- reading the APIs -----------------------------------------------------------------------------------------

/** A call whose failure leaves its figures blank ("—") instead of failing the page. */
async function attempt(promise) {
  try {
    return await promise;
  } catch (error) {
    console.warn('home: a figure could not be read', error);
    return undefined;
  }
}

/** Every item of a paged list (up to COUNT_CAP) that `keep` accepts: { items, count, capped }. */
async function readList(path, query, keep = () => true) {
  const items = [];
  let cursor;
  let read = 0;
  do {
    const page = await api(path, { query: { ...query, cursor, limit: 200 } });
    read += page.items.length;
    items.push(...page.items.filter(keep));
    cursor = page.nextCursor;
  } while (cursor && read < COUNT_CAP);
  return { items, count: items.length, capped: Boolean(cursor) };
}

async function countItems(path, query, keep) {
  return readList(path, query, keep);
}

async function collect(path, query, keep) {
  return (await readList(path, query, keep)).items;
}

/** The open matters (per open status, read in parallel) the person may see and `keep` accepts. */
async function openMattersByStatus(keep) {
  const lists = await Promise.all(OPEN_MATTER_STATUSES.map((status) => readList('/api/grid/matters', { status }, keep)));
  return { items: lists.flatMap((list) => list.items), capped: lists.some((list) => list.capped) };
}

function summariseMatters(items) {
  const byStatus = Object.fromEntries(OPEN_MATTER_STATUSES.map((status) => [status, 0]));
  const overdueByStatus = { ...byStatus };
  for (const matter of items) {
    byStatus[matter.status] += 1;
    if (matter.overdue) overdueByStatus[matter.status] += 1;
  }
  return { open: items.length, overdue: items.filter((m) => m.overdue).length, byStatus, overdueByStatus };
}

/** Hours keep one decimal (service hours are recorded to the half hour). */
function hoursText(hours) {
  return hours === undefined || hours === null ? undefined : formatNumber(hours, 1);
}

function countText(count, capped) {
  if (count === undefined || count === null) return undefined;
  return capped ? `${formatNumber(count)}+` : count;
}

/** The days a dashboard counts from, in the community's calendar. */
function communityDays() {
  const day = today();
  return {
    today: day,
    month: day.slice(0, 7),
    monthStart: `${day.slice(0, 7)}-01`,
    inAWeek: addDays(day, 7),
    inAMonth: addDays(day, 30),
    todayText: formatDateLong(day),
  };
}
