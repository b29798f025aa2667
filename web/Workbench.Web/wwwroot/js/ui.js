// The workbench's recurring pieces: page headings, figure cards, lists that page, badges and simple charts.

import { h, s, clear } from './dom.js';
import { t, formatNumber } from './i18n.js';
import { api } from './api.js';

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

/** Horizontal bars: [{ label, value, tone? }], with the value printed at the end of each bar. */
export function barChart(data, { title, max, unit = '' } = {}) {
  const rowHeight = 26;
  const labelWidth = 120;
  const width = 560;
  const top = Math.max(max ?? 0, ...data.map((d) => d.value), 1);
  const height = data.length * rowHeight + 8;
  return h('figure', { class: 'card' },
    title ? h('figcaption', null, h('h3', null, title)) : null,
    s('svg', { class: 'chart', viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': title ?? '' },
      data.map((d, i) => {
        const y = i * rowHeight + 4;
        const barWidth = Math.max(2, ((width - labelWidth - 60) * d.value) / top);
        return s('g', null,
          s('text', { x: labelWidth - 6, y: y + 15, 'text-anchor': 'end' }, d.label),
          s('rect', { class: `bar ${d.tone ?? ''}`, x: labelWidth, y, width: barWidth, height: rowHeight - 8, rx: 3 }),
          s('text', { x: labelWidth + barWidth + 6, y: y + 15 }, `${formatNumber(d.value, 1)}${unit}`));
      })));
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
