// One inspection, on the inspector's phone: each checklist item a card with big 合格/不合格/不适用 buttons, notes,
// photo references and (for a failed item) severity and deadline; each answer is saved as it is given. Completing
// it turns failed items into hazards, which the page then lists.

import { h, clear } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, labelsOf } from '../labels.js';
import { formatDate, formatDateTime, today } from '../calendar.js';
import { api, apiAll, ApiError, newIdempotencyKey } from '../api.js';
import { fieldMessages, splitList } from '../forms.js';
import { pageHead, badge, meter, notice } from '../ui.js';

const RESULTS = ['Pass', 'Fail', 'NotApplicable'];
const MAX_PHOTOS = 10;
const MAX_PHOTO_LENGTH = 300;
const MAX_NOTES = 500;


/** The answer as the API keeps it, in a form that compares equal when nothing changed. */
const answerKey = (item) => JSON.stringify([item.result ?? null, item.notes ?? null, item.photos ?? [], item.severity ?? null, item.deadline ?? null]);

export default async function inspectionPage(ctx) {
  await loadLabels('safety');
  const inspection = await api(`/api/safety/inspections/${encodeURIComponent(ctx.params.id)}`);
  ctx.setTitle(t('inspections.run.title', { venue: inspection.venueName }));
  const guidance = await checklistGuidance(inspection);
  const root = h('section', { class: 'inspection-page', dataset: { inspectionId: inspection.id, status: inspection.status } });
  if (inspection.status === 'Completed') {
    clear(root, ...(await completedView(inspection, null, guidance)));
  } else {
    clear(root, ...runView(ctx, inspection, guidance, root));
  }
  return root;
}

/** The checklist's guidance per item (how to judge it), which the inspection's copy of the items does not carry. */
async function checklistGuidance(inspection) {
  try {
    const checklist = await api(`/api/safety/checklists/${encodeURIComponent(inspection.templateCode)}/versions/${inspection.templateVersion}`);
    return new Map(checklist.items.map((i) => [i.number, i.guidance]));
  } catch (error) {
    if (error instanceof ApiError) return new Map();
    throw error;
  }
}

function heading(inspection) {
  const kinds = labelsOf('safety.venueKind');
  const statuses = labelsOf('safety.inspectionStatus');
  return [
    pageHead(t('inspections.run.title', { venue: inspection.venueName })),
    h('p', { class: 'inspection-meta meta' },
      badge(statuses[inspection.status] ?? inspection.status, inspection.status === 'Completed' ? 'good' : 'warn'), ' ',
      h('span', null, kinds[inspection.venueKind] ?? inspection.venueKind), ' · ',
      h('span', null, inspection.gridCode), ' · ',
      h('span', null, t('inspections.run.template', { code: inspection.templateCode, version: inspection.templateVersion }))),
    inspection.taskId ? h('p', { class: 'muted' }, t('inspections.run.task')) : null,
  ];
}

function itemHead(item, guidance) {
  const categories = labelsOf('safety.hazardCategory');
  const severities = labelsOf('safety.hazardSeverity');
  return [
    h('h3', { id: `item-${item.number}-title` }, `${item.number}. ${item.question}`),
    h('div', { class: 'meta item-meta' },
      badge(categories[item.category] ?? item.category),
      item.evidenceRequired ? badge(t('inspections.run.evidenceRequired'), 'warn') : null,
      h('span', null, t('inspections.run.severityIfFailed', { severity: severities[item.severityIfFailed] ?? item.severityIfFailed }))),
    guidance.get(item.number) ? h('p', { class: 'hint guidance' }, guidance.get(item.number)) : null,
  ];
}

/** The inspection while it is being carried out. */
function runView(ctx, inspection, guidance, root) {
  const known = new Map(inspection.items.map((i) => [i.number, i]));
  const cards = new Map();
  const completeKey = newIdempotencyKey();
  const progressText = h('span', { class: 'progress-text', 'aria-live': 'polite' });
  const progressBar = h('div', { class: 'progress-bar' });
  const banner = h('div', { class: 'run-alert', role: 'alert', hidden: true });
  const completeButton = h('button', { type: 'button', class: 'primary complete' }, t('inspections.run.complete'));
  let queue = Promise.resolve();

  function updateProgress() {
    const items = [...known.values()];
    const answered = items.filter((i) => i.result).length;
    const failed = items.filter((i) => i.result === 'Fail').length;
    progressText.textContent = [t('inspections.run.progress', { answered, total: items.length }), failed ? t('inspections.run.failedCount', { count: failed }) : null].filter(Boolean).join(' · ');
    clear(progressBar, meter(answered, items.length));
  }

  function showBanner(message, { reload = false } = {}) {
    clear(banner, h('strong', null, message), reload ? h('button', { type: 'button', onClick: () => ctx.refresh() }, t('inspections.run.reload')) : null);
    banner.hidden = false;
  }

  /** Takes the API's answer to a save: our item as saved, others as someone else may have changed them meanwhile. */
  function accept(fresh) {
    for (const item of fresh.items) {
      const before = known.get(item.number);
      known.set(item.number, item);
      const card = cards.get(item.number);
      if (answerKey(before) !== answerKey(item) && !card.dirty()) card.reset(item);
    }
    updateProgress();
  }

  async function save(number, draft, card) {
    card.status(t('inspections.run.saving'));
    try {
      // The API keeps no version per item, so check that nobody changed this item since we last saw it.
      const current = await api(`/api/safety/inspections/${inspection.id}`);
      if (current.status !== 'InProgress') {
        card.status('');
        showBanner(t('inspections.run.alreadyCompleted'), { reload: true });
        return;
      }
      const now = current.items.find((i) => i.number === number);
      if (answerKey(now) !== answerKey(known.get(number))) {
        card.conflict(t('inspections.run.changedByOther'));
        return;
      }
      const saved = await api(`/api/safety/inspections/${inspection.id}/items/${number}`, { method: 'PUT', body: draft });
      card.saved(draft);
      accept(saved);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.status === 400) card.errors(fieldMessages(error));
      else if (error.status === 409) {
        card.status('');
        showBanner(error.problem.rule === 'inspection.completed' ? t('inspections.run.alreadyCompleted') : t('inspections.run.changedByOther'), { reload: true });
      } else card.conflict(error.message);
    }
  }

  const enqueue = (number, draft, card) => { queue = queue.then(() => save(number, draft, card)); return queue; };

  const list = h('div', { class: 'items' }, inspection.items.map((item) => {
    const card = itemCard(item, guidance, (draft) => enqueue(item.number, draft, card), () => ctx.refresh());
    cards.set(item.number, card);
    return card.element;
  }));

  completeButton.addEventListener('click', async () => {
    banner.hidden = true;
    for (const card of cards.values()) card.mark(false);
    completeButton.disabled = true;
    completeButton.textContent = t('inspections.run.completing');
    try {
      await queue;
      const result = await api(`/api/safety/inspections/${inspection.id}/complete`, { method: 'POST', idempotencyKey: completeKey });
      clear(root, ...(await completedView(result.inspection, result.hazards, guidance)));
      root.dataset.status = result.inspection.status;
      window.scrollTo(0, 0);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const items = Array.isArray(error.problem.items) ? error.problem.items : [];
      if (error.problem.rule === 'inspection.unanswered') showBanner(t('inspections.run.unanswered', { items: items.join('、') }));
      else if (error.problem.rule === 'inspection.evidence-missing') showBanner(t('inspections.run.evidenceMissing', { items: items.join('、') }));
      else if (error.problem.rule === 'inspection.completed') showBanner(t('inspections.run.alreadyCompleted'), { reload: true });
      else showBanner(error.message, { reload: error.status === 409 });
      for (const number of items) cards.get(number)?.mark(true);
      cards.get(items[0])?.element.scrollIntoView({ behavior: 'smooth', block: 'center' });
    } finally {
      completeButton.disabled = false;
      completeButton.textContent = t('inspections.run.complete');
    }
  });

  updateProgress();
  return [
    ...heading(inspection),
    h('div', { class: 'run-progress' }, progressBar),
    list,
    h('div', { class: 'complete-bar' }, banner, h('div', { class: 'complete-row' }, progressText, completeButton)),
  ];
}

/** One checklist item as a card; `onSave(draft)` sends the answer. */
function itemCard(item, guidance, onSave, reload) {
  const n = item.number;
  const id = (name) => `item-${n}-${name}`;
  const severities = labelsOf('safety.hazardSeverity');
  const resultLabels = labelsOf('safety.answerResult');
  const errorSlot = (name) => h('div', { class: 'field-error', id: id(`${name}-error`), 'aria-live': 'polite' });
  const slots = { result: errorSlot('result'), notes: errorSlot('notes'), photos: errorSlot('photos'), severity: errorSlot('severity'), deadline: errorSlot('deadline') };
  const notes = h('textarea', { id: id('notes'), name: 'notes', rows: 2, 'aria-describedby': id('notes-error') });
  const photos = h('textarea', { id: id('photos'), name: 'photos', rows: 2, 'aria-describedby': `${id('photos-hint')} ${id('photos-error')}` });
  const severity = h('select', { id: id('severity'), name: 'severity', 'aria-describedby': id('severity-error') },
    Object.entries(severities).map(([code, label]) => h('option', { value: code }, label)));
  const deadline = h('input', { id: id('deadline'), name: 'deadline', type: 'date', min: today(), 'aria-describedby': `${id('deadline-hint')} ${id('deadline-error')}` });
  const statusLine = h('div', { class: 'item-status', role: 'status', 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'button', class: 'save-item' }, t('inspections.run.saveDetails'));
  const photoWarning = h('div', { class: 'photo-needed', hidden: true }, t('inspections.run.photoNeeded'));
  const field = (name, label, control, hint) => h('div', { class: `field field-${name}`, dataset: { field: name } },
    h('label', { for: id(name) }, label), control, hint ? h('div', { class: 'hint', id: id(`${name}-hint`) }, hint) : null, slots[name]);
  const failOnly = h('div', { class: 'fail-only two-up' },
    field('severity', t('inspections.run.severity'), severity),
    field('deadline', t('inspections.run.deadline'), deadline, t('inspections.run.deadlineHint')));
  const details = h('div', { class: 'item-details' },
    field('notes', t('inspections.run.notes'), notes),
    field('photos', t('inspections.run.photos'), photos, t('inspections.run.photosHint')),
    photoWarning,
    failOnly,
    h('div', { class: 'actions' }, saveButton));
  const buttons = RESULTS.map((code) => h('button', {
    type: 'button', class: `answer answer-${code}`, 'aria-pressed': 'false', dataset: { result: code },
    onClick: () => { result = code; touched = true; refreshView(); submit(); },
  }, resultLabels[code]));
  const element = h('article', { class: 'item', dataset: { itemId: String(n) }, 'aria-labelledby': id('title') },
    ...itemHead(item, guidance),
    h('div', { class: 'answers', role: 'group', 'aria-label': t('inspections.run.answerGroup', { number: n }) }, buttons),
    slots.result,
    details,
    statusLine);

  let result = null;
  let touched = false;

  function reset(from) {
    result = from.result ?? null;
    notes.value = from.notes ?? '';
    photos.value = (from.photos ?? []).join('\n');
    severity.value = from.severity ?? from.severityIfFailed;
    deadline.value = from.deadline ?? '';
    touched = false;
    for (const slot of Object.values(slots)) slot.textContent = '';
    refreshView();
  }

  function draft() {
    const failed = result === 'Fail';
    return {
      result,
      notes: notes.value.trim() || null,
      photos: splitList(photos.value),
      // Only an override is sent: the checklist's own severity applies when none is given.
      severity: failed && severity.value !== item.severityIfFailed ? severity.value : null,
      deadline: failed && deadline.value ? deadline.value : null,
    };
  }

  /** The API's rules for an answer, checked as the person types (Inspection.Answer, RequirePhotoReferences). */
  function validate() {
    const d = draft();
    const problems = {
      result: d.result ? null : t('validation.codes.required'),
      notes: notes.value.trim().length > MAX_NOTES ? t('validation.codes.max_length', { max: MAX_NOTES }) : null,
      photos: d.photos.length > MAX_PHOTOS ? t('validation.listMax', { max: MAX_PHOTOS })
        : d.photos.some((p) => p.length > MAX_PHOTO_LENGTH) ? t('validation.listLength', { length: MAX_PHOTO_LENGTH }) : null,
      deadline: d.deadline && d.deadline < today() ? t('validation.codes.not_past') : null,
      severity: null,
    };
    for (const [name, message] of Object.entries(problems)) {
      if (name === 'result' && !touched) continue;
      slots[name].textContent = message ?? '';
      element.querySelector(`#${id(name)}`)?.setAttribute('aria-invalid', message ? 'true' : 'false');
    }
    return Object.values(problems).every((m) => !m);
  }

  function refreshView() {
    for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.result === result));
    element.classList.toggle('passed', result === 'Pass');
    element.classList.toggle('failed', result === 'Fail');
    element.classList.toggle('not-applicable', result === 'NotApplicable');
    element.dataset.result = result ?? '';
    failOnly.hidden = result !== 'Fail';
    details.hidden = !result;
    photoWarning.hidden = !(result === 'Fail' && item.evidenceRequired && splitList(photos.value).length === 0);
    saveButton.hidden = !isDirty();
  }

  const isDirty = () => result !== null && answerKey({ ...item, ...draft() }) !== answerKey(savedItem);
  let savedItem = item;

  function submit() {
    if (!validate()) return;
    onSave(draft());
  }

  for (const input of [notes, photos, severity, deadline]) {
    input.addEventListener('input', () => { validate(); refreshView(); });
    input.addEventListener('change', () => { validate(); refreshView(); });
  }
  saveButton.addEventListener('click', submit);

  reset(item);

  return {
    element,
    dirty: isDirty,
    reset: (from) => { savedItem = from; reset(from); },
    status: (text) => { statusLine.textContent = text; },
    saved: (sent) => {
      // What was sent is what is saved; anything typed while it travelled stays as a pending change.
      savedItem = { ...item, ...sent };
      statusLine.textContent = t('inspections.run.saved');
      element.classList.remove('missing', 'conflict');
      refreshView();
    },
    conflict: (message) => {
      element.classList.add('conflict');
      clear(statusLine, h('span', { class: 'field-error' }, message), ' ', h('button', { type: 'button', onClick: reload }, t('inspections.run.reload')));
    },
    errors: (fieldErrors) => {
      statusLine.textContent = '';
      for (const [name, messages] of Object.entries(fieldErrors)) {
        const slot = slots[name] ?? slots.result;
        slot.textContent = messages.join(' ');
      }
    },
    mark: (on) => element.classList.toggle('missing', on),
  };
}

/** A completed inspection: the answers as given and the hazards its failed items opened. */
async function completedView(inspection, hazards, guidance) {
  const opened = hazards ?? (await apiAll('/api/safety/hazards', { venueId: inspection.venueId })).filter((x) => x.inspectionId === inspection.id);
  const resultLabels = labelsOf('safety.answerResult');
  const tone = { Pass: 'good', Fail: 'bad', NotApplicable: '' };
  return [
    ...heading(inspection),
    hazards ? notice(t('inspections.run.completedTitle')) : null,
    h('p', { class: 'muted' }, t('inspections.run.completedAt', { at: formatDateTime(inspection.completedAt) })),
    h('section', { class: 'opened-hazards', 'aria-labelledby': 'opened-title' },
      h('h2', { id: 'opened-title' }, t('inspections.run.hazardsTitle')),
      opened.length ? h('div', { class: 'hazard-list' }, opened.map(hazardTile)) : h('p', { class: 'muted' }, t('inspections.run.noHazards')),
      opened.length ? h('p', null, h('a', { href: `/hazards?venue=${inspection.venueId}` }, t('inspections.run.allHazards'))) : null),
    h('h2', null, t('inspections.run.readOnly')),
    h('div', { class: 'items' }, inspection.items.map((item) => h('article', { class: `item ${item.result === 'Fail' ? 'failed' : item.result === 'Pass' ? 'passed' : ''}`, dataset: { itemId: String(item.number), result: item.result ?? '' } },
      ...itemHead(item, guidance),
      h('p', null, badge(resultLabels[item.result] ?? '—', tone[item.result] ?? '')),
      item.notes ? h('p', null, item.notes) : null,
      item.photos?.length ? h('ul', { class: 'photos' }, item.photos.map((p) => h('li', null, p))) : null))),
  ];
}

function hazardTile(hazard) {
  return h('a', { class: `tile hazard-tile ${hazard.overdue ? 'overdue' : ''}`, href: `/hazards?venue=${hazard.venueId}`, dataset: { hazardId: hazard.id } },
    h('div', { class: 'title' }, `${hazard.itemNumber}. ${hazard.summary}`),
    h('div', { class: 'meta' },
      badge(hazard.categoryLabel),
      badge(hazard.severityLabel, hazard.severity === 'Major' ? 'bad' : 'warn'),
      badge(hazard.statusLabel),
      h('span', null, t('inspections.hazards.deadlineOn', { date: formatDate(hazard.deadline) }))));
}
