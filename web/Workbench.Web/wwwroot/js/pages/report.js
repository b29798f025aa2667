// 半年工作报告: choose the half year, open the report (HTML in a new tab, or Markdown), see a preview, and the frozen
// copies (定稿); the secretary freezes a new version.

import { h, clear } from '../dom.js';
import { t, labels } from '../i18n.js';
import { formatDate, formatDateTime, today } from '../calendar.js';
import { api, apiAll, ApiError, newIdempotencyKey, withQuery } from '../api.js';
import { fieldMessages } from '../forms.js';
import { pageHead, table, notice } from '../ui.js';
import { hasRole, Roles } from '../session.js';

const REPORT = '/api/reports/half-year';
const YEARS_BACK = 5;

/** The half year running today: 1 for January–June, 2 for July–December (the API's default too). */
function runningHalf(day = today()) {
  return { year: Number(day.slice(0, 4)), half: day.slice(5, 7) <= '06' ? 1 : 2 };
}

const periodText = ({ year, half }) => t('report.period', { year, half: t(`report.halfShort.${half}`) });

/** The API refuses a half year that has not begun; say so before asking. */
function hasBegun({ year, half }, day = today()) {
  return `${String(year).padStart(4, '0')}-${half === 1 ? '01' : '07'}-01` <= day;
}

const reportUrl = (period, format) => withQuery(REPORT, { year: period.year, half: period.half, format });

/** A problem as one clear sentence: a service that did not answer (503) is not the person's fault. */
function problemBox(error) {
  if (error instanceof ApiError && error.status === 503) {
    const service = error.problem.service;
    return h('div', { class: 'refused report-unavailable', role: 'alert', dataset: { problem: '503' } },
      h('h3', null, t('report.unavailableTitle')),
      h('p', null, t('report.unavailable')),
      service ? h('p', { class: 'muted small' }, t('report.unavailableService', { service: labels('report.services')[service] ?? service })) : null);
  }
  if (error instanceof ApiError && error.status === 429) {
    return h('div', { class: 'refused', role: 'alert' }, h('p', null, t('report.tooMany')));
  }
  if (error instanceof ApiError && error.status === 403) {
    return h('div', { class: 'refused', role: 'alert' }, h('p', null, t('report.forbidden')));
  }
  const fieldMessages = error instanceof ApiError ? Object.values(fieldMessages(error)).flat() : [];
  return h('div', { class: 'refused', role: 'alert' }, h('p', null, fieldMessages.join(' ') || error.message));
}

async function renderPreview(slot, period) {
  clear(slot, h('p', { class: 'muted', 'aria-busy': 'true' }, t('report.previewLoading')));
  try {
    const report = await api(REPORT, { query: { year: period.year, half: period.half, format: 'json' } });
    if (slot.dataset.period !== `${period.year}-${period.half}`) return; // another period was chosen meanwhile
    clear(slot,
      h('h3', { class: 'report-title' }, report.title),
      h('p', { class: 'muted small' }, t('report.periodRange', { from: formatDate(report.from), to: formatDate(report.to) }),
        ' · ', t('report.generatedAt', { time: formatDateTime(report.generatedAt) })),
      report.sections.map((section) => h('section', { class: 'report-section' },
        h('h4', null, section.title),
        section.paragraphs.map((p) => h('p', null, p.text)))));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    if (slot.dataset.period === `${period.year}-${period.half}`) clear(slot, problemBox(error));
  }
}

function snapshotsTable(snapshots) {
  const newestFirst = [...snapshots].sort((a, b) => Date.parse(b.frozenAt) - Date.parse(a.frozenAt));
  const list = table([
    { label: t('report.snapshots.period'), value: (s) => periodText(s) },
    { label: t('report.snapshots.version'), value: (s) => t('report.snapshots.versionValue', { version: s.version }) },
    { label: t('report.snapshots.frozenAt'), value: (s) => formatDateTime(s.frozenAt) },
    { label: t('report.snapshots.frozenBy'), value: (s) => s.frozenBy },
    { label: t('report.snapshots.open'), value: (s) => h('span', { class: 'links' },
      h('a', { href: s.links.html, target: '_blank', rel: 'noopener', dataset: { snapshotLink: s.id } }, t('report.snapshots.openHtml')),
      h('a', { href: s.links.markdown, download: `${t('report.fileName', { year: s.year, half: t(`report.halfShort.${s.half}`) })}-v${s.version}.md` },
        t('report.snapshots.markdown'))) },
  ], newestFirst, { empty: t('report.snapshots.empty') });
  const trs = list.querySelectorAll('tbody tr');
  newestFirst.forEach((s, i) => { trs[i].dataset.snapshot = s.id; trs[i].dataset.version = String(s.version); });
  return list;
}

export default async function page(ctx) {
  ctx.setTitle(t('report.title'));
  const secretary = hasRole(ctx.session, [Roles.Secretary]);
  const day = today();
  const start = runningHalf(day);
  const wanted = { year: Number(ctx.query.year) || start.year, half: Number(ctx.query.half) === 1 || Number(ctx.query.half) === 2 ? Number(ctx.query.half) : start.half };
  let period = wanted;
  let freezeKey = newIdempotencyKey();

  const yearSelect = h('select', { id: 'report-year', name: 'year' },
    Array.from({ length: YEARS_BACK + 1 }, (_, i) => start.year - i)
      .map((year) => h('option', { value: String(year), selected: year === period.year }, t('report.yearValue', { year }))));
  const halfSelect = h('select', { id: 'report-half', name: 'half' },
    ['1', '2'].map((half) => h('option', { value: half, selected: Number(half) === period.half }, t(`report.halves.${half}`))));
  const openLink = h('a', { class: 'button primary', target: '_blank', rel: 'noopener', dataset: { reportLink: 'html' } }, t('report.open'));
  const markdownLink = h('a', { class: 'button', dataset: { reportLink: 'markdown' } }, t('report.markdown'));
  const periodError = h('p', { class: 'field-error', role: 'alert', 'aria-live': 'polite' });
  const preview = h('div', { class: 'report-preview', 'aria-live': 'polite' });
  const snapshotsSlot = h('div', { class: 'snapshots-list' });
  const messages = h('div', { class: 'report-messages' });

  async function loadSnapshots() {
    try {
      clear(snapshotsSlot, snapshotsTable(await apiAll(`${REPORT}/snapshots`)));
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(snapshotsSlot, problemBox(error));
    }
  }

  function choose() {
    period = { year: Number(yearSelect.value), half: Number(halfSelect.value) };
    freezeKey = newIdempotencyKey();
    const begun = hasBegun(period, day);
    periodError.textContent = begun ? '' : t('report.notBegun', { period: periodText(period) });
    halfSelect.setAttribute('aria-invalid', String(!begun));
    for (const link of [openLink, markdownLink]) {
      link.toggleAttribute('aria-disabled', !begun);
      link.classList.toggle('disabled', !begun);
    }
    openLink.href = reportUrl(period, 'html');
    markdownLink.href = reportUrl(period, 'markdown');
    markdownLink.setAttribute('download', `${t('report.fileName', { year: period.year, half: t(`report.halfShort.${period.half}`) })}.md`);
    if (freezeButton) freezeButton.disabled = !begun;
    preview.dataset.period = `${period.year}-${period.half}`;
    if (begun) renderPreview(preview, period); else clear(preview);
    // Keep the choice in the address, so a reload or a shared link shows the same half year.
    history.replaceState(null, '', withQuery('/report', period));
  }

  for (const link of [openLink, markdownLink]) {
    link.addEventListener('click', (event) => { if (link.hasAttribute('aria-disabled')) event.preventDefault(); });
  }

  const freezeButton = secretary ? h('button', { type: 'button', class: 'primary', dataset: { action: 'freeze' } }, t('report.freeze.button')) : null;
  freezeButton?.addEventListener('click', async () => {
    const chosen = { ...period };
    if (!confirm(t('report.freeze.confirm', { period: periodText(chosen) }))) return;
    freezeButton.disabled = true;
    clear(messages);
    try {
      const snapshot = await api(`${REPORT}/snapshots`, { method: 'POST', body: chosen, idempotencyKey: freezeKey });
      freezeKey = newIdempotencyKey();
      clear(messages, notice(t('report.freeze.done', { period: periodText(snapshot), version: snapshot.version })));
      await loadSnapshots();
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      clear(messages, problemBox(error));
    } finally {
      freezeButton.disabled = !hasBegun(period, day);
    }
  });

  yearSelect.addEventListener('change', choose);
  halfSelect.addEventListener('change', choose);

  const view = h('div', { class: 'report-page' },
    pageHead(t('report.title'), freezeButton),
    h('p', { class: 'muted' }, t('report.intro')),
    messages,
    h('section', { class: 'card report-choose', 'aria-labelledby': 'choose-title' },
      h('h2', { id: 'choose-title' }, t('report.choose')),
      h('div', { class: 'toolbar' },
        h('div', { class: 'field' }, h('label', { for: 'report-year' }, t('report.year')), yearSelect),
        h('div', { class: 'field' }, h('label', { for: 'report-half' }, t('report.half')), halfSelect)),
      periodError,
      h('div', { class: 'actions' }, openLink, markdownLink),
      h('p', { class: 'hint' }, t('report.openHint'))),
    h('section', { class: 'card report-snapshots', 'aria-labelledby': 'snapshots-title' },
      h('h2', { id: 'snapshots-title' }, t('report.snapshots.title')),
      h('p', { class: 'muted small' }, t('report.snapshots.intro')),
      secretary ? null : h('p', { class: 'muted small' }, t('report.freeze.secretaryOnly')),
      snapshotsSlot),
    h('section', { class: 'card report-preview-card', 'aria-labelledby': 'preview-title' },
      h('h2', { id: 'preview-title' }, t('report.preview')),
      preview));

  choose();
  await loadSnapshots();
  return view;
}
