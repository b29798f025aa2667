// The 三事 board: one column per status of the loop, in order, with overdue matters highlighted and 督办 marked.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, labelsOf, labelOf, choicesOf } from '../labels.js';
import { api, apiAll, withQuery } from '../api.js';
import { formatDate, today, addDays } from '../calendar.js';
import { pageHead, badge } from '../ui.js';
import { seesWholeCommunity } from '../session.js';

/** The loop's statuses in the order a matter moves through them; the finished ones last. */
const STATUSES = ['Reported', 'Accepted', 'Deliberating', 'Assigned', 'Resolved', 'Closed', 'Returned'];
const FINISHED = new Set(['Closed', 'Returned']);
const ACTIVE = new Set(['Accepted', 'Deliberating', 'Assigned']);
const RECENT_DAYS = 30;
// The API filters by the day reported, not closed: finished matters are read from the last quarter's reports and
// kept when they changed in the last month.
const FINISHED_REPORTED_WITHIN_DAYS = 90;

function daysSince(timestamp) {
  return Math.max(0, Math.floor((Date.now() - new Date(timestamp).getTime()) / 86_400_000));
}

async function loadColumn(status, filters) {
  const query = { status, gridCode: filters.grid, category: filters.category, overdue: filters.overdue ? 'true' : undefined };
  if (!FINISHED.has(status)) return apiAll('/api/grid/matters', query);
  const recentSince = Date.now() - RECENT_DAYS * 86_400_000;
  const items = await apiAll('/api/grid/matters', { ...query, reportedFrom: addDays(today(), -FINISHED_REPORTED_WITHIN_DAYS) });
  return items.filter((m) => new Date(m.updatedDatetime).getTime() >= recentSince);
}

function matterTile(matter) {
  const kinds = labelsOf('grid.reporterKind');
  const when = ACTIVE.has(matter.status) && matter.dueOn
    ? t('matters.board.due', { date: formatDate(matter.dueOn) })
    : daysSince(matter.requestedDatetime) === 0 ? t('matters.board.today') : t('matters.board.age', { days: daysSince(matter.requestedDatetime) });
  return h('a', {
    class: `tile matter-tile ${matter.overdue ? 'overdue' : ''} ${matter.escalated ? 'escalated' : ''}`,
    href: `/matters/${matter.id}`,
    dataset: { matterId: matter.id },
  },
  h('div', { class: 'title' }, matter.description),
  h('div', { class: 'where' }, matter.location),
  h('div', { class: 'meta' },
    h('span', null, matter.categoryLabel),
    h('span', null, matter.gridCode),
    h('span', null, kinds[matter.reporterKind] ?? matter.reporterKind),
    h('span', { class: 'when' }, when)),
  matter.overdue || matter.escalated
    ? h('div', { class: 'flags' },
      matter.overdue ? badge(t('matters.board.overdue'), 'overdue') : null,
      matter.escalated ? badge(t('matters.board.escalated'), 'warn') : null)
    : null);
}

function column(status, matters) {
  const headingId = `col-${status}`;
  return h('section', { class: 'column', dataset: { status }, 'aria-labelledby': headingId },
    h('h2', { id: headingId },
      h('span', null, labelOf('grid.matterStatus', status)),
      h('span', { class: 'count' }, t('matters.board.count', { count: matters.length }))),
    matters.length ? matters.map(matterTile) : h('p', { class: 'muted empty' }, t('matters.board.empty')));
}

function selectField(name, label, choices, value, onChange) {
  const id = `filter-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name, onChange: (e) => onChange(e.target.value) },
      choices.map(([code, text]) => h('option', { value: code, selected: code === (value ?? '') }, text))));
}

async function gridChoices(session) {
  if (!seesWholeCommunity(session)) return (session.grids ?? []).map((code) => [code, code]);
  const grids = await api('/api/grid/grids');
  return grids.map((g) => [g.code, `${g.code} ${g.name}`]);
}

export default async function page(ctx) {
  await loadLabels('grid');
  const { session, query } = ctx;
  ctx.setTitle(t('matters.board.title'));
  const grids = await gridChoices(session);
  // A grid worker's board is their own grids; an address naming another grid is ignored rather than asked for.
  const filters = {
    grid: grids.some(([code]) => code === query.grid) ? query.grid : undefined,
    category: query.category || undefined,
    overdue: query.overdue === '1',
  };

  const columns = await Promise.all(STATUSES.map((status) => loadColumn(status, filters)));

  const go = (change) => {
    const next = { ...filters, ...change };
    ctx.navigate(withQuery('/matters', { grid: next.grid, category: next.category, overdue: next.overdue ? '1' : undefined }), { replace: true });
  };

  const overdueId = 'filter-overdue';
  const toolbar = h('div', { class: 'toolbar matter-filters', role: 'search' },
    selectField('grid', t('matters.board.grid'), [['', t('matters.board.allGrids')], ...grids], filters.grid, (grid) => go({ grid: grid || undefined })),
    selectField('category', t('matters.board.category'), [['', t('matters.board.allCategories')], ...choicesOf('grid.matterCategory')],
      filters.category, (category) => go({ category: category || undefined })),
    h('div', { class: 'field field-checkbox' },
      h('label', { for: overdueId }, t('matters.board.overdueOnly')),
      h('input', { id: overdueId, type: 'checkbox', checked: filters.overdue, onChange: (e) => go({ overdue: e.target.checked }) })));

  const board = h('div', { class: 'board matter-board', tabindex: '0', 'aria-label': t('matters.board.scroll') },
    STATUSES.map((status, i) => column(status, columns[i])));
  // On a phone only one column shows at a time: the counts double as a way to reach the others.
  const jump = h('nav', { class: 'status-jump', 'aria-label': t('matters.board.jump') },
    STATUSES.map((status, i) => h('button', {
      type: 'button',
      class: columns[i].some((m) => m.overdue) ? 'has-overdue' : '',
      onClick: () => board.querySelector(`[data-status="${status}"]`).scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'start' }),
    }, labelOf('grid.matterStatus', status), ' ', h('span', { class: 'n' }, String(columns[i].length)))));

  return h('div', { class: 'matters-page' },
    pageHead(t('matters.board.title'), h('a', { class: 'button primary', href: withQuery('/matters/new', { grid: filters.grid }) }, t('matters.board.report'))),
    toolbar,
    jump,
    board,
    h('p', { class: 'muted hint' }, t('matters.board.recentHint')));
}
