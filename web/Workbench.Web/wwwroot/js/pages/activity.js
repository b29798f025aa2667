// One activity as its organiser runs it: publish, the check-in code shown big on site, sign-ups and attendance,
// completion, and the hours sheet where each computed record is approved as is or adjusted with a reason.

import { h, clear } from '../dom.js';
import { t, formatNumber, formatPercent } from '../i18n.js';
import { loadLabels, labelOf } from '../labels.js';
import { formatDateTime } from '../calendar.js';
import { api, apiAll, ApiError, newIdempotencyKey } from '../api.js';
import { form, rules } from '../forms.js';
import { pageHead, badge, table, notice, problemView } from '../ui.js';
import { hasRole } from '../session.js';
import { ORGANISERS, statusBadges, kindLabel, timeWindow, explainProblem, explained } from './activities.js';

const REASON_MAX = 200;

/** A button that runs one write; its problem (a 409 rule, say) is shown beside it rather than replacing the page. */
function actionButton(text, run, { tone = '', confirmText, testId } = {}) {
  const error = h('span', { class: 'action-error', role: 'alert' });
  const button = h('button', { type: 'button', class: tone, dataset: { action: testId ?? '' } }, text);
  button.addEventListener('click', async () => {
    if (confirmText && !confirm(confirmText)) return;
    button.disabled = true;
    error.textContent = '';
    try {
      await run();
    } catch (problem) {
      if (!(problem instanceof ApiError)) throw problem;
      error.textContent = explainProblem(problem);
      button.disabled = false;
    }
  });
  return h('span', { class: 'action' }, button, error);
}

function infoCard(activity, teamName, gridName) {
  const row = (label, value) => [h('dt', null, label), h('dd', null, value)];
  return h('section', { class: 'card activity-info', 'aria-label': t('activities.detail.info') },
    h('dl', { class: 'facts' },
      row(t('activities.form.kind'), kindLabel(activity)),
      row(t('activities.detail.team'), teamName ?? '—'),
      row(t('activities.detail.grid'), gridName ? `${activity.gridCode} ${gridName}` : activity.gridCode),
      row(t('activities.detail.place'), activity.place),
      row(t('activities.detail.time'), timeWindow(activity.startsAt, activity.endsAt)),
      row(t('activities.detail.capacity'), h('span', { dataset: { places: '' } },
        t('activities.places', { confirmed: activity.confirmed, capacity: activity.capacity }),
        activity.waitlisted ? [' ', badge(t('activities.waitlisted', { count: activity.waitlisted }), 'warn')] : null)),
      row(t('activities.detail.skills'), activity.requiredSkills.length ? activity.requiredSkills.join('、') : t('activities.detail.noSkills')),
      activity.description ? row(t('activities.detail.description'), activity.description) : null,
      activity.cancelReason ? row(t('activities.detail.cancelReason'), activity.cancelReason) : null));
}

function codeCard(code, activity) {
  const card = h('section', { class: 'card checkin-card', 'aria-labelledby': 'code-title' },
    h('h2', { id: 'code-title' }, t('activities.code.title')),
    h('div', { class: 'code', dataset: { checkinCode: code.code }, 'aria-label': code.code.split('').join(' ') }, code.code),
    h('p', null, t('activities.code.help')),
    activity.status === 'Draft'
      ? h('p', { class: 'muted' }, t('activities.code.draftNote'))
      : h('p', { class: 'muted' }, t('activities.code.opensAt', { time: formatDateTime(code.opensAt) })),
    h('details', { class: 'payload' }, h('summary', null, t('activities.code.payload')), h('code', null, code.qrPayload)));
  if (card.requestFullscreen) {
    card.append(h('div', { class: 'actions' },
      h('button', { type: 'button', onClick: () => card.requestFullscreen().catch(() => {}) }, t('activities.code.fullscreen'))));
  }
  return card;
}

/** Stable hooks on a table's rows (data-volunteer, data-record) for tests and for anyone scripting the page. */
function markRows(sheet, items, dataOf) {
  const trs = sheet.querySelectorAll('tbody tr');
  items.forEach((item, i) => trs[i] && Object.assign(trs[i].dataset, dataOf(item)));
}

function signupState(signup) {
  if (signup.noShow) return badge(t('activities.signups.noShow'), 'bad');
  const tone = { Confirmed: 'good', Waitlisted: 'warn', Withdrawn: '' }[signup.status] ?? '';
  return badge(labelOf('volunteer.signupStatus', signup.status), tone);
}

function attendance(at, minutes, key, method) {
  if (!at) return '—';
  const methods = { Code: 'byCode', Organiser: 'byOrganiser', LateRecord: 'byLateRecord' };
  return h('span', null, formatDateTime(at),
    method ? h('span', { class: 'muted small' }, ` · ${t(`activities.signups.${methods[method]}`)}`) : null,
    minutes > 0 ? [' ', badge(t(`activities.signups.${key}`, { minutes }), 'warn')] : null);
}

function signupsCard(activity, signups, volunteers, reload) {
  const running = activity.status === 'Published';
  const attend = (row, kind) => actionButton(t(`activities.signups.${kind === 'check-in' ? 'doCheckIn' : 'doCheckOut'}`), async () => {
    await api(`/api/volunteer/activities/${activity.id}/${kind}`, { method: 'POST', body: { volunteerId: row.signup.volunteerId }, idempotencyKey: key });
    await reload(t(`activities.signups.${kind === 'check-in' ? 'checkedIn' : 'checkedOut'}`, { name: row.displayName }));
  }, { testId: `${kind}-${row.signup.volunteerId}` });
  // One key per rendering of the sheet: a button clicked twice on a slow network checks in once.
  const key = newIdempotencyKey();

  const checkedIn = signups.filter((r) => r.signup.checkedInAt).length;
  const confirmed = signups.filter((r) => r.signup.status === 'Confirmed').length;
  const waitlisted = signups.filter((r) => r.signup.status === 'Waitlisted').length;
  const sheet = table([
    { label: t('activities.signups.volunteer'), value: (r) => r.displayName },
    { label: t('activities.signups.state'), value: (r) => signupState(r.signup) },
    { label: t('activities.signups.checkIn'), value: (r) => attendance(r.signup.checkedInAt, r.signup.lateMinutes, 'late', r.signup.checkInMethod) },
    { label: t('activities.signups.checkOut'), value: (r) => attendance(r.signup.checkedOutAt, r.signup.earlyLeaveMinutes, 'early') },
    ...(running ? [{ label: t('activities.signups.actions'), value: (r) => {
      if (r.signup.status !== 'Confirmed') return '—';
      if (!r.signup.checkedInAt) return attend(r, 'check-in');
      return r.signup.checkedOutAt ? '—' : attend(r, 'check-out');
    } }] : []),
  ], signups, { empty: t('activities.signups.empty') });

  markRows(sheet, signups, (r) => ({ volunteer: r.signup.volunteerId }));

  const signedUp = new Map(signups.map((r) => [r.signup.volunteerId, r.signup]));
  const open = running && Date.now() < Date.parse(activity.startsAt);
  const candidates = volunteers.filter((v) => v.active && (!signedUp.has(v.id) || signedUp.get(v.id).status === 'Withdrawn'));
  const signUpKey = newIdempotencyKey();
  const signUp = open && candidates.length
    ? h('details', { class: 'signup-add' },
      h('summary', null, t('activities.signups.add')),
      form({
        submit: t('activities.signups.submit'),
        fields: [
          { name: 'volunteerId', label: t('activities.signups.volunteerId'), type: 'select', rules: [rules.required()],
            options: candidates.map((v) => [v.id, volunteerLabel(v)]) },
          { name: 'waitlist', label: t('activities.signups.waitlist'), type: 'checkbox', value: true },
        ],
        onSubmit: (values) => explained(api(`/api/volunteer/activities/${activity.id}/signups`, { method: 'POST', body: values, idempotencyKey: signUpKey })),
        onDone: () => reload(t('activities.signups.added')),
      }))
    : null;

  return h('section', { class: 'card signups', 'aria-labelledby': 'signups-title' },
    h('h2', { id: 'signups-title' }, t('activities.signups.title')),
    h('p', { class: 'muted' }, t('activities.signups.summary', { confirmed, waitlisted, checkedIn })),
    sheet,
    signUp);
}

/** Member volunteers are all 党员志愿者 in this register (names stay in membership): grid, skills and a short id tell them apart. */
function volunteerLabel(v) {
  const tail = v.phone ? `尾号${v.phone.slice(-4)}` : `#${v.id.slice(-4)}`;
  return [v.displayName, v.gridCode, v.skills?.length ? v.skills.join('、') : null, tail].filter(Boolean).join(' · ');
}

function adjustForm(record, name, maxHours, reload, close) {
  const key = newIdempotencyKey();
  return h('div', { class: 'adjust', dataset: { adjust: record.id } },
    h('h3', null, t('activities.hours.adjustTitle', { name })),
    form({
      submit: t('activities.hours.submitAdjust'),
      secondary: h('button', { type: 'button', onClick: close }, t('common.cancel')),
      fields: [
        { name: 'hours', label: t('activities.hours.hoursLabel'), type: 'number', inputmode: 'decimal', min: 0, max: maxHours, step: 0.5,
          value: String(record.computedHours), hint: t('activities.hours.hoursHint', { max: formatNumber(maxHours, 2) }),
          rules: [rules.required(), rules.min(0), rules.max(maxHours), rules.pattern(/^\d+(\.\d{1,2})?$/, 'activities.hours.twoDecimals')] },
        { name: 'reason', label: t('activities.hours.reasonLabel'), type: 'textarea', rules: [rules.required(), rules.maxLength(REASON_MAX)] },
      ],
      onSubmit: (values) => explained(api(`/api/volunteer/service-records/${record.id}/adjust`, {
        method: 'POST', body: { hours: Number(values.hours), reason: values.reason }, idempotencyKey: key,
      })),
      onDone: () => reload(t('activities.hours.approvedDone', { name })),
    }));
}

function hoursCard(activity, records, signups, reload) {
  const names = new Map(signups.map((r) => [r.signup.volunteerId, r.displayName]));
  const nameOf = (record) => names.get(record.volunteerId) ?? '—';
  const maxHours = Math.floor((Date.parse(activity.endsAt) - Date.parse(activity.startsAt)) / 60000) / 60;
  const slot = h('div', { class: 'adjust-slot' });
  const close = () => clear(slot);

  const decide = (record) => {
    if (record.status === 'Approved') {
      return h('div', { class: 'credited', dataset: { credited: String(record.hours) } },
        badge(t('activities.hours.approved', { hours: formatNumber(record.hours, 2) }), 'good'),
        record.adjustmentReason ? h('div', { class: 'muted small' }, t('activities.hours.adjustedReason', { reason: record.adjustmentReason })) : null);
    }
    return h('div', { class: 'actions' },
      actionButton(t('activities.hours.approve'), async () => {
        await api(`/api/volunteer/service-records/${record.id}/approve`, { method: 'POST' });
        await reload(t('activities.hours.approvedDone', { name: nameOf(record) }));
      }, { tone: 'primary', testId: `approve-${record.id}` }),
      h('button', { type: 'button', dataset: { action: `adjust-${record.id}` }, onClick: () => {
        clear(slot, adjustForm(record, nameOf(record), maxHours, reload, close));
        slot.querySelector('input')?.focus();
      } }, t('activities.hours.adjust')));
  };

  const sheet = table([
    { label: t('activities.hours.volunteer'), value: (r) => h('span', { class: 'who-served' }, nameOf(r), ' ',
      h('a', { class: 'small certificate', href: `/api/volunteer/volunteers/${r.volunteerId}/certificate`, target: '_blank', rel: 'noopener' },
        t('activities.hours.certificate'))) },
    { label: t('activities.hours.present'), value: (r) => t('activities.hours.presentValue', { minutes: r.presentMinutes, share: formatPercent(r.presenceShare) }) },
    { label: t('activities.hours.computed'), value: (r) => t('activities.hours.hoursValue', { hours: formatNumber(r.computedHours, 2) }) },
    { label: t('activities.hours.status'), value: (r) => badge(labelOf('volunteer.serviceRecordStatus', r.status), r.status === 'Approved' ? 'good' : 'warn') },
    { label: t('activities.hours.credited'), value: decide },
  ], records, { empty: t('activities.hours.empty') });
  markRows(sheet, records, (r) => ({ record: r.id, volunteer: r.volunteerId }));

  const noShows = signups.filter((r) => r.signup.noShow);
  const total = records.filter((r) => r.status === 'Approved').reduce((sum, r) => sum + r.hours, 0);
  return h('section', { class: 'card hours-sheet', 'aria-labelledby': 'hours-title' },
    h('h2', { id: 'hours-title' }, t('activities.hours.title')),
    h('p', { class: 'muted' }, t('activities.hours.intro')),
    sheet,
    slot,
    h('p', { class: 'hours-total', dataset: { totalHours: String(total) } }, t('activities.hours.total', { hours: formatNumber(total, 2) })),
    h('div', { class: 'no-shows', dataset: { noShows: String(noShows.length) } },
      h('h3', null, t('activities.hours.noShows', { count: noShows.length })),
      noShows.length ? h('ul', null, noShows.map((r) => h('li', null, r.displayName))) : h('p', { class: 'muted' }, t('activities.hours.noNoShows'))));
}

function cancelPanel(activity, reload) {
  const key = newIdempotencyKey();
  return h('details', { class: 'cancel-panel' },
    h('summary', null, t('activities.detail.cancel')),
    form({
      submit: t('activities.detail.confirmCancel'),
      fields: [{ name: 'reason', label: t('activities.detail.cancelReasonLabel'), type: 'textarea', rules: [rules.required(), rules.maxLength(REASON_MAX)] }],
      onSubmit: (values) => explained(api(`/api/volunteer/activities/${activity.id}/cancel`, { method: 'POST', body: values, idempotencyKey: key })),
      onDone: () => reload(t('activities.detail.cancelled')),
    }));
}

async function load(id, organiser) {
  const activity = await api(`/api/volunteer/activities/${id}`);
  const live = activity.status === 'Draft' || activity.status === 'Published';
  const [team, grids, signups, code, records, volunteers] = await Promise.all([
    api(`/api/volunteer/teams/${activity.teamId}`).catch(() => null),
    api('/api/grid/grids').catch(() => []),
    api(`/api/volunteer/activities/${id}/signups`),
    organiser && live ? api(`/api/volunteer/activities/${id}/check-in-code`) : null,
    activity.status === 'Completed' ? apiAll('/api/volunteer/service-records', { activityId: id }) : [],
    organiser && activity.status === 'Published' && Date.now() < Date.parse(activity.startsAt)
      ? apiAll('/api/volunteer/volunteers', { active: true }).catch(() => []) : [],
  ]);
  const gridList = Array.isArray(grids) ? grids : grids.items ?? [];
  return { activity, team, gridName: gridList.find((g) => g.code === activity.gridCode)?.name, signups, code, records, volunteers };
}

export default async function page(ctx) {
  await loadLabels('volunteer');
  const organiser = hasRole(ctx.session, ORGANISERS);
  const root = h('div', { class: 'activity-page' });

  async function reload(message) {
    try {
      render(await load(ctx.params.id, organiser), message);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(root, problemView(error));
    }
  }

  function render({ activity, team, gridName, signups, code, records, volunteers }, message) {
    ctx.setTitle(activity.title);
    const started = Date.now() >= Date.parse(activity.startsAt);
    const actions = organiser ? [
      activity.status === 'Draft' ? actionButton(t('activities.detail.publish'), async () => {
        await api(`/api/volunteer/activities/${activity.id}/publish`, { method: 'POST' });
        await reload(t('activities.detail.published'));
      }, { tone: 'primary', confirmText: t('activities.detail.confirmPublish'), testId: 'publish' }) : null,
      activity.status === 'Published' && started ? actionButton(t('activities.detail.complete'), async () => {
        const result = await api(`/api/volunteer/activities/${activity.id}/complete`, { method: 'POST' });
        await reload(t('activities.detail.completed', { participants: result.participants, noShows: result.noShows }));
      }, { tone: 'primary', confirmText: t('activities.detail.confirmComplete'), testId: 'complete' }) : null,
    ].filter(Boolean) : [];

    clear(root,
      h('a', { class: 'back', href: '/activities' }, `← ${t('activities.detail.back')}`),
      pageHead(activity.title, statusBadges(activity), ...actions),
      message ? notice(message) : null,
      organiser && activity.status === 'Published' && !started ? h('p', { class: 'muted small' }, t('activities.detail.notStarted')) : null,
      h('div', { class: 'activity-layout' },
        h('div', { class: 'activity-main' },
          infoCard(activity, team?.name, gridName),
          code ? codeCard(code, activity) : null),
        h('div', { class: 'activity-side' },
          signupsCard(activity, signups, volunteers, reload),
          activity.status === 'Completed' ? hoursCard(activity, records, signups, reload) : null,
          organiser && (activity.status === 'Draft' || activity.status === 'Published') ? cancelPanel(activity, reload) : null)));
    root.dataset.status = activity.status;
  }

  render(await load(ctx.params.id, organiser));
  return root;
}
