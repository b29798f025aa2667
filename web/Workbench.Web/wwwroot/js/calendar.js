// The community's calendar. The APIs' dates (yyyy-MM-dd) are days in the community's time zone (China Standard
// Time, as ServiceKit's CommunityTime keeps them), whatever zone the device is set to; every day the workbench
// shows, compares or offers in a form is one of those days, and every wall-clock time is the community's.

import { language } from './i18n.js';

const COMMUNITY_TIME_ZONE = 'Asia/Shanghai';

// China Standard Time has kept +08:00 all year since 1991, so a wall-clock time converts by a fixed offset.
const OFFSET = '+08:00';
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const isoDay = new Intl.DateTimeFormat('en-CA', { timeZone: COMMUNITY_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The community's day of an instant (a Date, ISO text or milliseconds), yyyy-MM-dd. */
export function dayOf(instant) {
  return isoDay.format(new Date(instant));
}

/** Today in the community, yyyy-MM-dd. */
export function today() {
  return dayOf(Date.now());
}

// A day's arithmetic on its UTC midnight: no zone and no daylight saving can move it.
const utcMidnight = (day) => Date.parse(`${day}T00:00:00Z`);

export function addDays(day, count) {
  return new Date(utcMidnight(day) + count * DAY_MS).toISOString().slice(0, 10);
}

/** yyyy-MM-dd moved by whole years the way .NET's DateOnly.AddYears does (29 Feb becomes 28 Feb). */
export function addYears(day, years) {
  const [y, m, d] = day.split('-').map(Number);
  const year = y + years;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const date = m === 2 && d === 29 && !leap ? 28 : d;
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** Whole days from one yyyy-MM-dd to another (negative when `to` comes first). */
export function daysBetween(from, to) {
  return Math.round((utcMidnight(to) - utcMidnight(from)) / DAY_MS);
}

/** An instant as the community's wall clock, the value of a datetime-local input (yyyy-MM-ddTHH:mm). */
export function toLocalInput(instant) {
  return new Date(new Date(instant).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** A datetime-local value, read as the community's wall clock, as the ISO instant the API asks for. */
export function fromLocalInput(local) {
  return local ? new Date(`${local}${OFFSET}`).toISOString() : null;
}

// A day alone is shown as itself, not as the instant of its midnight somewhere.
const when = (value) => (DAY.test(value) ? new Date(`${value}T12:00:00${OFFSET}`) : new Date(value));
const format = (options) => (value) => value ? new Intl.DateTimeFormat(language, { ...options, timeZone: COMMUNITY_TIME_ZONE }).format(when(value)) : '';

export const formatDate = format({ dateStyle: 'medium' });
export const formatDateLong = format({ dateStyle: 'full' });
export const formatDateTime = format({ dateStyle: 'medium', timeStyle: 'short' });
export const formatTime = format({ timeStyle: 'short' });
