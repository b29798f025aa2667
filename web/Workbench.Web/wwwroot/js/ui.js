// The workbench's recurring pieces: page headings, refusals, figure cards, lists that page, badges and meters.

import { h, clear } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { api, ApiError } from './api.js';

export function pageHead(title, ...actions) {
  return h('div', { class: 'page-head' }, h('h1', null, title), actions.length ? h('div', { class: 'actions' }, actions) : null);
}

/** A figure on a dashboard; `href` opens the records behind it. */
export function stat(label, value, { href, alert = false, testId } = {}) {
  const body = [h('div', { class: 'value' }, typeof value === 'number' ? formatNumber(value) : value ?? '—'), h('div', { class: 'label' }, label)];
  return href
    ? h('a', { class: `stat ${alert ? 'alert' : ''}`, href, dataset: { stat: testId ?? '' } }, body)
    : h('div', { class: `stat ${alert ? 'alert' : ''}`, dataset: { stat: testId ?? '' } }, body);
}

export function badge(text, tone = '') {
  return h('span', { class: `badge ${tone}` }, text);
}

/**
 * table([{ label: '姓名', value: (row) => row.name }], rows). On a phone each row becomes a card whose cells
 * carry their column's label.
 */
export function table(columns, rows, { empty = t('common.empty') } = {}) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', { class: 'list' },
    h('thead', null, h('tr', null, columns.map((c) => h('th', { scope: 'col' }, c.label)))),
    h('tbody', null, rows.map((row) => h('tr', null, columns.map((c) => h('td', { 'data-label': c.label }, c.value(row)))))));
}

/**
 * A list read page by page from a paged API ({ items, nextCursor }): the first page now, "load more" after.
 * `renderRows(items)` returns the element for the items read so far.
 */
export async function pagedList(path, query, renderRows) {
  const items = [];
  const container = h('div', { class: 'paged' });
  const more = h('button', { type: 'button', onClick: () => load() }, t('common.more'));
  let cursor;

  async function load() {
    more.disabled = true;
    const page = await api(path, { query: { ...query, cursor, limit: 50 } });
    const batch = Array.isArray(page) ? page : page.items;
    items.push(...batch);
    cursor = Array.isArray(page) ? null : page.nextCursor;
    clear(container, renderRows(items), cursor ? h('div', { class: 'actions' }, more) : null);
    more.disabled = false;
  }

  await load();
  return container;
}

/** How far a figure is towards its target, as a bar that turns red below the target. */
export function meter(done, target) {
  const ratio = target > 0 ? Math.min(1, done / target) : 1;
  return h('div', { class: `meter ${ratio < 1 ? 'low' : ''}`, role: 'meter', 'aria-valuemin': 0, 'aria-valuemax': target, 'aria-valuenow': done },
    h('span', { style: `width:${Math.round(ratio * 100)}%` }));
}

/** A filter of a list: a select whose empty choice means "any". `choices` are [[value, label]]. */
export function filterSelect(name, label, choices, value, anyLabel = t('common.all')) {
  const id = `filter-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name },
      h('option', { value: '' }, anyLabel),
      choices.map(([code, text]) => h('option', { value: code, selected: code === value }, text))));
}

/** A short confirmation above a page's content after a change was saved. */
export function notice(text) {
  return h('div', { class: 'notice', role: 'status' }, text);
}

/** A page that cannot be shown: refused (403), not found (404), or failed with the API's own words. */
export function problemView(error) {
  if (error instanceof ApiError && error.status === 403) {
    return h('section', { class: 'refused', role: 'alert' }, h('h1', null, t('errors.forbiddenTitle')), h('p', null, t('errors.forbidden')));
  }
  if (error instanceof ApiError && error.status === 404) {
    return h('section', { class: 'refused', role: 'alert' }, h('h1', null, t('errors.notFoundTitle')), h('p', null, t('errors.notFound')));
  }
  return h('section', { class: 'refused', role: 'alert' }, h('h1', null, t('errors.failedTitle')), h('p', null, error.message));
}
