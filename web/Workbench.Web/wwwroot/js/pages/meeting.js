// One meeting: its facts, then either taking attendance (one member per row, big toggles, a reason for every
// absence) or, once held, the counts, minutes and make-ups (补学) of those who were absent.

import { h, clear } from '../dom.js';
import { t, formatPercent } from '../i18n.js';
import { loadLabels, labelsOf } from '../labels.js';
import { formatDate, formatDateTime, today, dayOf } from '../calendar.js';
import { api, apiAll, newIdempotencyKey, ApiError } from '../api.js';
import { form, rules, fieldMessages } from '../forms.js';
import { pageHead, badge, stat, notice } from '../ui.js';
import { attendanceCounts } from './meetings.js';

const STATUS_TONE = { Scheduled: 'warn', Held: 'good', Cancelled: '' };
const REASON_MAX = 200;

/** The meeting's organisation and every organisation under it: a branch's meeting is for its party groups' members too. */
function subtree(organisations, code) {
  const codes = [code];
  for (let i = 0; i < codes.length; i++) {
    codes.push(...organisations.filter((o) => o.parentCode === codes[i]).map((o) => o.code));
  }
  return codes;
}

async function expectedMembers(organisations, code) {
  const lists = await Promise.all(subtree(organisations, code).map((c) => apiAll('/api/membership/members', { organisationCode: c, status: 'Active' })));
  return lists.flat();
}

function facts(meeting, organisationName) {
  const row = (term, value) => [h('dt', null, term), h('dd', null, value)];
  return h('dl', { class: 'card facts meeting-facts' },
    row(t('meetings.meeting.kind'), meeting.kindLabel),
    row(t('meetings.meeting.organisation'), organisationName(meeting.organisationCode)),
    row(t('meetings.meeting.when'), `${formatDateTime(meeting.startsAt)} – ${formatDateTime(meeting.endsAt)}`),
    row(t('meetings.meeting.location'), meeting.location ?? '—'),
    meeting.seriesId ? row(t('meetings.meeting.series'), t('meetings.meeting.seriesYes')) : null,
    meeting.heldOn ? row(t('meetings.meeting.heldOn'), formatDate(meeting.heldOn)) : null,
    meeting.topic ? row(t('meetings.meeting.topic'), meeting.topic) : null);
}

/** One member's row: 出席 / 缺席 as two big pressed-state buttons, and the reason an absence needs. */
function attendeeRow(member, organisationName, onChange) {
  const state = { status: null };
  const reasonId = `reason-${member.id}`;
  const reason = h('input', { id: reasonId, type: 'text', maxlength: 400, 'aria-describedby': `${reasonId}-error`, autocomplete: 'off' });
  const reasonError = h('div', { class: 'field-error', id: `${reasonId}-error`, 'aria-live': 'polite' });
  const reasonField = h('div', { class: 'field reason', hidden: true }, h('label', { for: reasonId }, t('meetings.meeting.reason')), reason, reasonError);
  const rowError = h('div', { class: 'field-error row-error', 'aria-live': 'polite' });
  const present = h('button', { type: 'button', class: 'present', 'aria-pressed': 'false' }, t('meetings.meeting.present'));
  const absent = h('button', { type: 'button', class: 'absent', 'aria-pressed': 'false' }, t('meetings.meeting.absent'));
  const element = h('li', { class: 'attendee', dataset: { memberId: member.id, memberName: member.name } },
    h('div', { class: 'attendee-who' }, h('strong', null, member.name), h('span', { class: 'muted' }, organisationName(member.organisationCode))),
    h('div', { class: 'toggles', role: 'group', 'aria-label': t('meetings.meeting.togglesLabel', { name: member.name }) }, present, absent),
    reasonField,
    rowError);

  function problem() {
    if (!state.status) return t('meetings.meeting.unmarked');
    return null;
  }
  function reasonProblem() {
    if (state.status !== 'Absent') return null;
    const text = reason.value.trim();
    if (!text) return t('meetings.meeting.reasonRequired');
    return text.length > REASON_MAX ? t('validation.codes.max_length', { max: REASON_MAX }) : null;
  }
  function showReason(message) {
    reasonError.textContent = message ?? '';
    reason.setAttribute('aria-invalid', message ? 'true' : 'false');
    reasonField.classList.toggle('invalid', !!message);
  }
  function set(status) {
    state.status = status;
    present.setAttribute('aria-pressed', String(status === 'Present'));
    absent.setAttribute('aria-pressed', String(status === 'Absent'));
    element.dataset.status = status ?? '';
    reasonField.hidden = status !== 'Absent';
    rowError.textContent = '';
    if (status === 'Absent') reason.focus(); else showReason(null);
    onChange();
  }
  present.addEventListener('click', () => set('Present'));
  absent.addEventListener('click', () => set('Absent'));
  reason.addEventListener('input', () => showReason(reasonProblem()));
  reason.addEventListener('blur', () => showReason(reasonProblem()));

  return {
    element,
    member,
    get status() { return state.status; },
    markPresent: () => set('Present'),
    focus: () => (state.status === 'Absent' ? reason : present).focus(),
    /** Shows this row's problems; true when it is complete. */
    check() {
      rowError.textContent = problem() ?? '';
      showReason(reasonProblem());
      return !problem() && !reasonProblem();
    },
    showServer(field, messages) {
      if (field === 'reason') showReason(messages.join(' ')); else rowError.textContent = messages.join(' ');
    },
    entry: () => ({ memberId: member.id, status: state.status, reason: state.status === 'Absent' ? reason.value.trim() : null }),
  };
}

function recordSection(ctx, meeting, members, organisationName) {
  if (!members.length) return h('p', { class: 'notice' }, t('meetings.meeting.expectedNone'));
  const idempotencyKey = newIdempotencyKey();
  const progress = h('p', { class: 'progress', 'aria-live': 'polite' });
  const listError = h('div', { class: 'field-error', 'aria-live': 'polite' });
  const update = () => {
    const marked = rows.filter((r) => r.status);
    progress.textContent = t('meetings.meeting.progress', {
      marked: marked.length, total: rows.length,
      present: marked.filter((r) => r.status === 'Present').length, absent: marked.filter((r) => r.status === 'Absent').length,
    });
  };
  const rows = members.map((m) => attendeeRow(m, organisationName, () => update()));
  update();
  const allPresent = h('button', { type: 'button', onClick: () => rows.filter((r) => !r.status).forEach((r) => r.markPresent()) }, t('meetings.meeting.allPresent'));

  const meetingDay = dayOf(meeting.startsAt);
  const element = form({
    fields: [
      { name: 'topic', label: t('meetings.meeting.topic'), value: meeting.title, rules: [rules.required(), rules.maxLength(200)] },
      { name: 'heldOn', label: t('meetings.meeting.heldOnField'), type: 'date', value: meetingDay <= today() ? meetingDay : '', max: today(),
        hint: t('meetings.meeting.heldOnHint'), rules: [rules.notFuture()] },
      { name: 'minutes', label: t('meetings.meeting.minutesField'), type: 'textarea', rows: 5, rules: [rules.maxLength(20000)] },
    ],
    submit: t('meetings.meeting.recordSubmit'),
    onSubmit: async (values) => {
      const complete = rows.map((r) => r.check()).every(Boolean);
      if (!complete) {
        const missing = rows.filter((r) => !r.status).length;
        listError.textContent = missing ? t('meetings.meeting.unmarkedSummary', { count: missing }) : '';
        rows.find((r) => !r.check())?.focus();
        throw new ApiError(400, { title: t('validation.fix'), errors: {} });
      }
      listError.textContent = '';
      try {
        return await api(`/api/membership/meetings/${meeting.id}/record`, {
          method: 'POST',
          idempotencyKey,
          body: { topic: values.topic.trim(), heldOn: values.heldOn || null, minutes: values.minutes.trim() || null, attendance: rows.map((r) => r.entry()) },
        });
      } catch (error) {
        throw error instanceof ApiError ? placeAttendanceErrors(error, rows, listError) : error;
      }
    },
    onDone: () => ctx.navigate(`/meetings/${meeting.id}?recorded=1`, { replace: true }),
  });
  element.prepend(
    h('div', { class: 'attendance-take' },
      h('p', { class: 'muted' }, t('meetings.meeting.recordIntro')),
      h('div', { class: 'actions' }, allPresent),
      progress,
      h('ul', { class: 'attendees' }, rows.map((r) => r.element)),
      listError));
  return h('section', { class: 'record', 'aria-labelledby': 'record-title' }, h('h2', { id: 'record-title' }, t('meetings.meeting.recordTitle')), element);
}

/** The API's errors on attendance[i].reason and the like go to row i; the rest stay with the form. */
function placeAttendanceErrors(error, rows, listError) {
  const rest = {};
  for (const [field, messages] of Object.entries(fieldMessages(error))) {
    const match = /^attendance\[(\d+)\]\.(\w+)$/i.exec(field);
    if (match && rows[Number(match[1])]) rows[Number(match[1])].showServer(match[2].toLowerCase(), messages);
    else if (field.toLowerCase() === 'attendance') listError.textContent = messages.join(' ');
    else rest[field] = messages;
  }
  return new ApiError(error.status, { ...error.problem, errors: rest });
}

function makeUpForm(ctx, meeting, entry) {
  return form({
    fields: [
      { name: 'madeUpOn', label: t('meetings.meeting.madeUpOn'), type: 'date', value: today(), max: today(),
        rules: [rules.required(), rules.notFuture(), (value) => (value && meeting.heldOn && value < meeting.heldOn ? ['meetings.meeting.notBeforeHeld'] : null)] },
      { name: 'note', label: t('meetings.meeting.madeUpNote'), type: 'textarea', rows: 2, rules: [rules.maxLength(500)] },
    ],
    submit: t('meetings.meeting.makeUpSubmit'),
    onSubmit: (values) => api(`/api/membership/meetings/${meeting.id}/attendance/${entry.memberId}/make-up`, {
      method: 'POST', body: { madeUpOn: values.madeUpOn, note: values.note.trim() || null },
    }),
    onDone: () => ctx.navigate(`/meetings/${meeting.id}?madeUp=1`, { replace: true }),
  });
}

function heldSection(ctx, meeting) {
  const counts = attendanceCounts(meeting);
  const total = meeting.attendance.length;
  const statuses = labelsOf('membership.attendanceStatus');
  const sorted = [...meeting.attendance].sort((a, b) => ['Absent', 'MadeUp', 'Present'].indexOf(a.status) - ['Absent', 'MadeUp', 'Present'].indexOf(b.status));
  return h('section', { class: 'held', 'aria-labelledby': 'held-title' },
    h('h2', { id: 'held-title' }, t('meetings.meeting.attendanceTitle')),
    h('div', { class: 'cards' },
      stat(t('meetings.meeting.present'), counts.present, { testId: 'present' }),
      stat(t('meetings.meeting.absent'), counts.absent, { testId: 'absent', alert: counts.absent > 0 }),
      stat(t('meetings.meeting.madeUp'), counts.madeUp, { testId: 'madeUp' }),
      stat(t('meetings.meeting.rate'), formatPercent(total ? (counts.present + counts.madeUp) / total : null), { testId: 'rate' })),
    h('ul', { class: 'attendees held-list' }, sorted.map((a) => {
      const name = a.memberName ?? a.memberId;
      const row = h('li', { class: `attendee ${a.status.toLowerCase()}`, dataset: { memberId: a.memberId, memberName: name, status: a.status } },
        h('div', { class: 'attendee-who' },
          h('strong', null, name),
          badge(statuses[a.status] ?? a.status, a.status === 'Present' ? 'good' : a.status === 'Absent' ? 'bad' : 'warn')),
        a.reason ? h('div', { class: 'muted' }, t('meetings.meeting.reason'), '：', a.reason) : null,
        a.madeUpOn ? h('div', { class: 'muted' }, t('meetings.meeting.madeUpValue', { date: formatDate(a.madeUpOn) }), a.makeUpNote ? `：${a.makeUpNote}` : '') : null);
      if (a.status === 'Absent') {
        const panel = h('div', { class: 'make-up', hidden: true }, h('h3', null, t('meetings.meeting.makeUpTitle', { name })), makeUpForm(ctx, meeting, a));
        const open = h('button', { type: 'button', 'aria-expanded': 'false', onClick: () => {
          panel.hidden = !panel.hidden;
          open.setAttribute('aria-expanded', String(!panel.hidden));
        } }, t('meetings.meeting.makeUp'));
        row.append(h('div', { class: 'actions' }, open), panel);
      }
      return row;
    })),
    h('h2', null, t('meetings.meeting.minutes')),
    meeting.minutes ? h('div', { class: 'card minutes' }, meeting.minutes) : h('p', { class: 'muted' }, t('meetings.meeting.noMinutes')));
}

function cancelSection(ctx, meeting) {
  const panel = h('div', { class: 'card', hidden: true }, form({
    fields: [{ name: 'reason', label: t('meetings.meeting.cancelReason'), rules: [rules.required(), rules.maxLength(200)] }],
    submit: t('meetings.meeting.cancelSubmit'),
    onSubmit: (values) => api(`/api/membership/meetings/${meeting.id}/cancel`, { method: 'POST', body: { reason: values.reason.trim() } }),
    onDone: () => ctx.navigate(`/meetings/${meeting.id}?cancelled=1`, { replace: true }),
  }));
  const open = h('button', { type: 'button', class: 'danger', 'aria-expanded': 'false', onClick: () => {
    panel.hidden = !panel.hidden;
    open.setAttribute('aria-expanded', String(!panel.hidden));
  } }, t('meetings.meeting.cancel'));
  return h('section', { class: 'cancel' }, h('div', { class: 'actions' }, open), panel);
}

export default async function page(ctx) {
  await loadLabels('membership');
  const [meeting, organisations] = await Promise.all([
    api(`/api/membership/meetings/${encodeURIComponent(ctx.params.id)}`),
    apiAll('/api/membership/organisations'),
  ]);
  const names = new Map(organisations.map((o) => [o.code, o.name]));
  const organisationName = (code) => names.get(code) ?? code;
  ctx.setTitle(meeting.title);

  const saved = ctx.query.recorded ? t('meetings.meeting.recorded')
    : ctx.query.madeUp ? t('meetings.meeting.madeUpSaved')
      : ctx.query.cancelled ? t('meetings.meeting.cancelledSaved') : null;

  let body;
  if (meeting.status === 'Held') {
    body = heldSection(ctx, meeting);
  } else if (meeting.status === 'Cancelled') {
    body = h('p', { class: 'refused' }, t('meetings.meeting.cancelled', { reason: meeting.cancellationReason ?? '—' }));
  } else if (dayOf(meeting.startsAt) > today()) {
    body = [h('p', { class: 'notice' }, t('meetings.meeting.notYet')), cancelSection(ctx, meeting)];
  } else {
    const members = await expectedMembers(organisations, meeting.organisationCode);
    body = [recordSection(ctx, meeting, members, organisationName), cancelSection(ctx, meeting)];
  }

  const statuses = labelsOf('membership.meetingStatus');
  return h('div', { class: 'meeting-page', dataset: { meetingStatus: meeting.status } },
    h('p', { class: 'back' }, h('a', { href: '/meetings' }, '← ', t('meetings.meeting.back'))),
    pageHead([meeting.title, ' ', badge(statuses[meeting.status] ?? meeting.status, STATUS_TONE[meeting.status])],
      h('a', { class: 'button', href: `/api/membership/meetings/${meeting.id}/calendar`, download: `meeting-${meeting.id}.ics` }, t('meetings.meeting.calendar'))),
    saved ? notice(saved) : null,
    facts(meeting, organisationName),
    clear(h('div', { class: 'meeting-body' }), body));
}
