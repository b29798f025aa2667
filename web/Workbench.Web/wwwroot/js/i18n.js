// Every text the workbench shows comes from resource files (i18n/<language>/<area>.json), so a second language
// is a translation away. Keys are dotted paths, the area first (t('matters.board.title')); the common area's keys
// need no prefix (t('app.name')). {name} placeholders are filled from the arguments.

/** One resource file per area of the workbench, so each page's texts live beside each other. */
const AREAS = ['common', 'home', 'members', 'meetings', 'matters', 'care', 'inspections', 'activities', 'report'];

let strings = {};
/** The language of the texts loaded, for formatting numbers and dates in it. */
export let language = 'zh-CN';

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

/** Whether the resource files hold a text for `key`. */
export function hasText(key) {
  return typeof key.split('.').reduce((node, part) => node?.[part], strings) === 'string';
}

export function t(key, args) {
  const text = key.split('.').reduce((node, part) => node?.[part], strings);
  if (typeof text !== 'string') {
    console.warn(`missing text: ${key}`);
    return key;
  }
  return args ? text.replace(/\{(\w+)\}/g, (match, name) => (name in args ? String(args[name]) : match)) : text;
}

/** A group of the workbench's own texts keyed by code, e.g. labels('care.purpose'); the services' codes are labels.js's. */
export function labels(key) {
  return key.split('.').reduce((node, part) => node?.[part], strings) ?? {};
}

/** [[code, text]] of such a group, in the resource file's order: the choices of a select. */
export function choices(key) {
  return Object.entries(labels(key));
}

export const formatNumber = (value, digits = 0) => new Intl.NumberFormat(language, { maximumFractionDigits: digits }).format(value ?? 0);
export const formatPercent = (value) => value === null || value === undefined ? '—' : new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 }).format(value);
