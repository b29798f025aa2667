// Every text the workbench shows comes from resource files (i18n/<language>/<area>.json), so a second language
// is a translation away. Keys are dotted paths, the area first (t('matters.board.title')); the common area's keys
// need no prefix (t('app.name')). {name} placeholders are filled from the arguments.

/** One resource file per area of the workbench, so each page's texts live beside each other. */
const AREAS = ['common', 'home', 'members', 'meetings', 'matters', 'care', 'inspections', 'activities', 'report'];

let strings = {};
let language = 'zh-CN';

export async function loadLanguage(preferred = 'zh-CN') {
  const files = await Promise.all(AREAS.map(async (area) => {
    const response = await fetch(`/i18n/${preferred}/${area}.json`);
    if (!response.ok) throw new Error(`no ${area} texts for ${preferred}`);
    return [area, await response.json()];
  }));
  strings = {};
  for (const [area, texts] of files) {
    if (area === 'common') Object.assign(strings, texts); else strings[area] = texts;
  }
  language = preferred;
  document.documentElement.lang = preferred;
}

export function t(key, args) {
  const text = key.split('.').reduce((node, part) => node?.[part], strings);
  if (typeof text !== 'string') {
    console.warn(`missing text: ${key}`);
    return key;
  }
  return args ? text.replace(/\{(\w+)\}/g, (match, name) => (name in args ? String(args[name]) : match)) : text;
}

/** The labels of a group of codes (statuses, categories), e.g. labels('matter.status'). */
export function labels(key) {
  return key.split('.').reduce((node, part) => node?.[part], strings) ?? {};
}

/** [[code, label]] of a group of labels, in the resource file's order: the choices of a select. */
export function choices(key) {
  return Object.entries(labels(key));
}

export const formatDate = (value) => value ? new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(new Date(value)) : '';
export const formatDateTime = (value) => value ? new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(value)) : '';
export const formatNumber = (value, digits = 0) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value ?? 0);
export const formatPercent = (value) => value === null || value === undefined ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
