// 志愿活动: the activities organisers run, filtered by status, kind, team and grid, and planning a new one (a draft).

import { h } from '../dom.js';
import { t, labels } from '../i18n.js';
import { loadLabels, choicesOf } from '../labels.js';
import { formatDateTime, formatTime, dayOf, fromLocalInput } from '../calendar.js';
import { api, apiAll, withQuery, ApiError } from '../api.js';
import { form, rules } from '../forms.js';
import { pageHead, badge, table, pagedList } from '../ui.js';
import { hasRole, Roles } from '../session.js';

/** Roles the volunteer API lets plan, publish, complete activities and approve hours (VolunteerPolicies' organisers). */
export const ORGANISERS = [Roles.Secretary, Roles.Staff, Roles.VolunteerLeader];

// The API's own limits (Activity.Plan, Skills).
const TITLE_MAX = 100;
const PLACE_MAX = 200;
const DESCRIPTION_MAX = 2000;
const CAPACITY_MAX = 500;
const SKILLS_MAX = 20;
const SKILL_MAX_LENGTH = 30;
const MAX_DURATION_MS = 24 * 60 * 60 * 1000;

/** The API's rule refusals (409 with a `rule` code) and rate limits, in the person's language; other problems as the API put them. */
export function explainProblem(error) {
  if (!(error instanceof ApiError)) return String(error);
  if (error.status === 429) return t('activities.problems.tooMany');
  const rule = error.problem.rule;
  const known = rule && labels('activities.problems')[rule];
  return known || error.message;
}

/** Runs an API call and, when it is refused, rethrows the problem with its explanation as the detail a form shows. */
export async function explained(call) {
  try {
    return await call;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status === 400) throw error;
    throw new ApiError(error.status, { ...error.problem, detail: explainProblem(error) });
  }
}

/** Where a published activity stands in time: the API has one status for the whole published stretch. */
function phaseOf(activity, now = Date.now()) {
  if (activity.status !== 'Published') return null;
  if (now < Date.parse(activity.startsAt)) return 'upcoming';
  return now < Date.parse(activity.endsAt) ? 'ongoing' : 'ended';
}

export function statusBadges(activity) {
  const tone = { Draft: 'warn', Published: 'good', Completed: '', Cancelled: 'bad' }[activity.status] ?? '';
  const phase = phaseOf(activity);
  return h('span', { class: 'status-badges', dataset: { status: activity.status } },
    badge(activity.statusLabel, tone),
    phase ? badge(t(`activities.phase.${phase}`), phase === 'ended' ? 'overdue' : '') : null);
}

export function kindLabel(activity) {
  return activity.kindLabel;
}

/** "11月30日 08:00 至 10:00": the end's date only when it is another day. */
export function timeWindow(startsAt, endsAt) {
  const endText = dayOf(startsAt) === dayOf(endsAt) ? formatTime(endsAt) : formatDateTime(endsAt);
  return t('activities.timeWindow', { start: formatDateTime(startsAt), end: endText });
}

/** Skills as a person types them (急救、电工, CPR) → the API's list. */
function parseSkills(text) {
  return (text ?? '').split(/[,，、;；\n]/).map((s) => s.trim()).filter(Boolean);
}

const futureRule = () => (value) => (value && Date.parse(fromLocalInput(value)) <= Date.now() ? ['activities.form.future'] : null);
const maxDurationRule = () => (value, values) =>
  (value && values.startsAt && Date.parse(fromLocalInput(value)) - Date.parse(fromLocalInput(values.startsAt)) > MAX_DURATION_MS ? ['activities.form.maxDuration'] : null);
const skillsRule = () => (value) => {
  const skills = parseSkills(value);
  if (skills.length > SKILLS_MAX) return ['activities.form.skillsCount', { max: SKILLS_MAX }];
  if (skills.some((s) => s.length > SKILL_MAX_LENGTH)) return ['activities.form.skillLength', { max: SKILL_MAX_LENGTH }];
  return null;
};

function createForm(teams, grids, onDone) {
  const kinds = choicesOf('volunteer.activityKind');
  return form({
    className: 'two',
    submit: t('activities.form.submit'),
    fields: [
      { name: 'title', label: t('activities.form.title'), rules: [rules.required(), rules.maxLength(TITLE_MAX)] },
      { name: 'kind', label: t('activities.form.kind'), type: 'select', options: kinds, rules: [rules.required()] },
      { name: 'teamId', label: t('activities.form.teamId'), type: 'select', options: teams.map((team) => [team.id, team.name]), rules: [rules.required()] },
      { name: 'gridCode', label: t('activities.form.gridCode'), type: 'select', options: grids.map((g) => [g.code, `${g.code} ${g.name}`]), rules: [rules.required()] },
      { name: 'place', label: t('activities.form.place'), rules: [rules.required(), rules.maxLength(PLACE_MAX)] },
      { name: 'capacity', label: t('activities.form.capacity'), type: 'number', inputmode: 'numeric', min: 1, max: CAPACITY_MAX, step: 1,
        rules: [rules.required(), rules.min(1), rules.max(CAPACITY_MAX)] },
      { name: 'startsAt', label: t('activities.form.startsAt'), type: 'datetime-local', rules: [rules.required(), futureRule()] },
      { name: 'endsAt', label: t('activities.form.endsAt'), type: 'datetime-local',
        rules: [rules.required(), rules.after('startsAt', 'activities.form.startsAt'), maxDurationRule()] },
      { name: 'requiredSkills', label: t('activities.form.requiredSkills'), hint: t('activities.form.requiredSkillsHint'), rules: [skillsRule()] },
      { name: 'description', label: t('activities.form.description'), type: 'textarea', rules: [rules.maxLength(DESCRIPTION_MAX)] },
    ],
    onSubmit: (values) => api('/api/volunteer/activities', {
      method: 'POST',
      body: {
        ...values,
        capacity: values.capacity === '' ? null : Number(values.capacity),
        startsAt: fromLocalInput(values.startsAt),
        endsAt: fromLocalInput(values.endsAt),
        requiredSkills: parseSkills(values.requiredSkills),
        description: values.description.trim() || null,
      },
    }),
    onDone,
  });
}

function filterBar(ctx, teams, grids) {
  const select = (name, label, options) => h('div', { class: 'field' },
    h('label', { for: `filter-${name}` }, label),
    h('select', { id: `filter-${name}`, name },
      h('option', { value: '' }, t('common.all')),
      options.map(([value, text]) => h('option', { value, selected: ctx.query[name] === value }, text))));

  const bar = h('form', { class: 'toolbar activity-filters', role: 'search', 'aria-label': t('activities.list.filters') },
    select('status', t('activities.columns.status'), choicesOf('volunteer.activityStatus')),
    select('kind', t('activities.form.kind'), choicesOf('volunteer.activityKind')),
    select('teamId', t('activities.columns.team'), teams.map((team) => [team.id, team.name])),
    select('gridCode', t('activities.columns.grid'), grids.map((g) => [g.code, `${g.code} ${g.name}`])),
    ['status', 'kind', 'teamId', 'gridCode'].some((name) => ctx.query[name]) ? h('a', { class: 'button', href: '/activities' }, t('activities.list.reset')) : null);
  // Each choice applies at once and stays in the address, so a filtered list can be bookmarked.
  bar.addEventListener('change', () => {
    const query = Object.fromEntries([...new FormData(bar)].filter(([, v]) => v));
    ctx.navigate(withQuery('/activities', query), { replace: true });
  });
  bar.addEventListener('submit', (event) => event.preventDefault());
  return bar;
}

/** Running first, then the coming ones soonest first, then the rest newest first. */
function order(items) {
  const rank = (a) => ({ ongoing: 0, ended: 1, upcoming: 2 }[phaseOf(a)] ?? (a.status === 'Draft' ? 3 : 4));
  return [...items].sort((a, b) => rank(a) - rank(b)
    || (rank(a) === 2 || rank(a) === 3 ? Date.parse(a.startsAt) - Date.parse(b.startsAt) : Date.parse(b.startsAt) - Date.parse(a.startsAt)));
}

function rows(items, teamNames, gridNames) {
  return table([
    { label: t('activities.columns.title'), value: (a) => h('div', { class: 'activity-title' },
      h('a', { href: `/activities/${a.id}`, dataset: { activity: a.id } }, a.title), h('div', { class: 'muted small' }, kindLabel(a))) },
    { label: t('activities.columns.team'), value: (a) => teamNames.get(a.teamId) ?? '—' },
    { label: t('activities.columns.grid'), value: (a) => gridNames.get(a.gridCode) ?? a.gridCode },
    { label: t('activities.columns.place'), value: (a) => a.place },
    { label: t('activities.columns.time'), value: (a) => timeWindow(a.startsAt, a.endsAt) },
    { label: t('activities.columns.places'), value: (a) => h('span', { class: 'places' },
      t('activities.places', { confirmed: a.confirmed, capacity: a.capacity }),
      a.waitlisted ? h('span', null, ' ', badge(t('activities.waitlisted', { count: a.waitlisted }), 'warn')) : null) },
    { label: t('activities.columns.status'), value: (a) => statusBadges(a) },
  ], order(items), { empty: t('activities.list.empty') });
}

export default async function page(ctx) {
  await loadLabels('volunteer');
  ctx.setTitle(t('activities.list.title'));
  const [teams, grids] = await Promise.all([apiAll('/api/volunteer/teams'), api('/api/grid/grids')]);
  const gridList = Array.isArray(grids) ? grids : grids.items;
  const teamNames = new Map(teams.map((team) => [team.id, team.name]));
  const gridNames = new Map(gridList.map((g) => [g.code, g.name]));
  const organiser = hasRole(ctx.session, ORGANISERS);

  const createCard = h('section', { class: 'card activity-create', hidden: ctx.query.new !== '1', 'aria-labelledby': 'create-title' },
    h('h2', { id: 'create-title' }, t('activities.list.createTitle')),
    h('p', { class: 'muted' }, t('activities.list.createHint')),
    organiser ? createForm(teams, gridList, (activity) => ctx.navigate(`/activities/${activity.id}`)) : null);
  const toggle = organiser
    ? h('button', { type: 'button', class: 'primary', 'aria-expanded': String(!createCard.hidden), 'aria-controls': 'create-panel',
      onClick: () => {
        createCard.hidden = !createCard.hidden;
        toggle.setAttribute('aria-expanded', String(!createCard.hidden));
        toggle.textContent = createCard.hidden ? t('activities.list.create') : t('activities.list.closeCreate');
        if (!createCard.hidden) createCard.querySelector('input, select')?.focus();
      } }, createCard.hidden ? t('activities.list.create') : t('activities.list.closeCreate'))
    : null;
  createCard.id = 'create-panel';

  const { status, kind, teamId, gridCode } = ctx.query;
  const list = await pagedList('/api/volunteer/activities', { status, kind, teamId, gridCode }, (items) => rows(items, teamNames, gridNames));

  return h('div', { class: 'activities-page' },
    pageHead(t('activities.list.title'), toggle),
    createCard,
    filterBar(ctx, teams, gridList),
    h('div', { class: 'activity-list' }, list));
}
