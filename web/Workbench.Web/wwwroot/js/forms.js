// Forms that check as the person types, with the rules the API applies, and that put the API's own answer
// (problem details) next to the field it names. Each field names its API field, so both speak of the same thing,
// and a rule broken here or there reads the same: both name it by the API's code (validation.codes.<code>).

import { h, clear } from './dom.js';
import { t, hasText } from './i18n.js';
import { ApiError } from './api.js';
import { today } from './calendar.js';

/**
 * The API's rules, as a form field states them. Each returns the message key and arguments of the first broken
 * rule, or null. They mirror ServiceKit's Validation (RequireText, RequireDateNotAfter, RequireOneOf …).
 */
export const rules = {
  required: () => Object.assign(
    (value) => (value === '' || value === null || value === undefined || value === false || (Array.isArray(value) && value.length === 0) ? ['validation.codes.required'] : null),
    { isRequired: true }),
  maxLength: (max) => (value) => (typeof value === 'string' && value.trim().length > max ? ['validation.codes.max_length', { max }] : null),
  pattern: (regex, messageKey) => (value) => (value && !regex.test(value) ? [messageKey] : null),
  min: (min) => (value) => (value !== '' && value !== null && Number(value) < min ? ['validation.min', { min }] : null),
  max: (max) => (value) => (value !== '' && value !== null && Number(value) > max ? ['validation.max', { max }] : null),
  // Dates are the community's days: "the future" begins at the community's midnight, not the device's.
  notFuture: () => (value) => (value && value > today() ? ['validation.codes.not_future'] : null),
  notPast: () => (value) => (value && value < today() ? ['validation.codes.not_past'] : null),
  /** A list typed one per line or separated by commas: `min`–`max` entries, each at most `length` characters. */
  list: ({ min = 0, max, length }) => (value) => {
    const items = splitList(value);
    if (items.length < min || items.length > max) return min > 0 ? ['validation.listCount', { min, max }] : ['validation.listMax', { max }];
    return items.some((item) => item.length > length) ? ['validation.listLength', { length }] : null;
  },
  /** ServiceKit's RequirePhotoReferences: at most 10 references, each at most 300 characters. */
  photoReferences: () => rules.list({ max: 10, length: 300 }),
  after: (otherField, labelKey) => (value, values) => (value && values[otherField] && value <= values[otherField] ? ['validation.after', { other: t(labelKey) }] : null),
};

/** A list typed one per line or separated by commas (photo references, participants). */
export function splitList(text) {
  return String(text ?? '').split(/[\n,，、;；]+/).map((item) => item.trim()).filter(Boolean);
}

/**
 * A 400's field errors in the person's language, { field: [text] }: each failure's code (the problem's `codes`, in
 * the order of its `errors`) with its arguments; the API's English message only for a code the texts do not know.
 */
export function fieldMessages(error) {
  const codes = error.problem.codes ?? {};
  return Object.fromEntries(Object.entries(error.fieldErrors).map(([field, messages]) =>
    [field, messages.map((message, i) => explainCode(codes[field]?.[i]) ?? message)]));
}

function explainCode(failure) {
  const key = failure && `validation.codes.${failure.code}`;
  const text = key && hasText(key) ? t(key, failure.args) : null;
  // A text whose placeholders this failure does not fill would say less than the API's own words.
  return text && !/\{\w+\}/.test(text) ? text : null;
}

function readValue(input) {
  if (input.type === 'checkbox') return input.checked;
  if (input.multiple) return [...input.selectedOptions].map((o) => o.value);
  return input.value;
}

function control(field) {
  const id = `f-${field.name}`;
  const common = { id, name: field.name, 'aria-describedby': `${id}-error`, required: field.rules?.some((r) => r.isRequired) };
  switch (field.type) {
    case 'select':
      return h('select', { ...common, multiple: field.multiple },
        field.multiple ? null : h('option', { value: '' }, field.placeholder ?? t('common.choose')),
        (field.options ?? []).map(([value, label]) => h('option', { value, selected: [].concat(field.value ?? '').includes(value) }, label)));
    case 'textarea':
      return h('textarea', { ...common, rows: field.rows ?? 3, value: field.value ?? '' });
    case 'checkbox':
      return h('input', { ...common, type: 'checkbox', checked: !!field.value });
    default:
      return h('input', {
        ...common, type: field.type ?? 'text', value: field.value ?? '', inputmode: field.inputmode,
        min: field.min, max: field.max, step: field.step, autocomplete: field.autocomplete ?? 'off', placeholder: field.placeholder,
      });
  }
}

/**
 * form({ fields: [{ name, label, type, options, rules: [rules.required(), rules.maxLength(200)], value, hint }],
 *        submit: '上报', onSubmit: async (values) => …, onDone })
 * `onSubmit` calls the API; an ApiError's field errors are shown by their fields, the rest above the buttons.
 */
export function form({ fields, submit, onSubmit, onDone, secondary, className }) {
  const inputs = new Map();
  const errors = new Map();
  const touched = new Set();
  const summary = h('div', { class: 'form-error', role: 'alert', hidden: true });
  const button = h('button', { type: 'submit', class: 'primary' }, submit);

  const values = () => Object.fromEntries([...inputs].map(([name, input]) => [name, readValue(input)]));

  function show(name, messages) {
    const slot = errors.get(name);
    const input = inputs.get(name);
    if (!slot) return false;
    slot.textContent = messages.join(' ');
    input.setAttribute('aria-invalid', messages.length ? 'true' : 'false');
    input.closest('.field')?.classList.toggle('invalid', messages.length > 0);
    return true;
  }

  function check(field, all) {
    const value = readValue(inputs.get(field.name));
    for (const rule of field.rules ?? []) {
      const broken = rule(value, all);
      if (broken) return t(...broken);
    }
    return null;
  }

  function validate(onlyTouched) {
    const all = values();
    let valid = true;
    for (const field of fields) {
      const message = check(field, all);
      if (message) valid = false;
      if (!onlyTouched || touched.has(field.name)) show(field.name, message ? [message] : []);
    }
    return valid;
  }

  const element = h('form', { class: `form ${className ?? ''}`, novalidate: true },
    fields.map((field) => {
      const input = control(field);
      inputs.set(field.name, input);
      const error = h('div', { class: 'field-error', id: `f-${field.name}-error`, 'aria-live': 'polite' });
      errors.set(field.name, error);
      const mark = () => { touched.add(field.name); validate(true); };
      input.addEventListener('input', mark);
      input.addEventListener('change', mark);
      input.addEventListener('blur', mark);
      return h('div', { class: `field field-${field.type ?? 'text'}`, dataset: { field: field.name } },
        h('label', { for: `f-${field.name}` }, field.label, field.rules?.some((r) => r.isRequired) ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
        input,
        field.hint ? h('div', { class: 'hint' }, field.hint) : null,
        error);
    }),
    summary,
    h('div', { class: 'actions' }, button, secondary ?? null));

  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    fields.forEach((f) => touched.add(f.name));
    summary.hidden = true;
    if (!validate(false)) {
      element.querySelector('[aria-invalid="true"]')?.focus();
      return;
    }
    button.disabled = true;
    try {
      const result = await onSubmit(values());
      onDone?.(result);
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      const unplaced = [];
      for (const [apiField, messages] of Object.entries(fieldMessages(error))) {
        const name = fields.find((f) => f.name.toLowerCase() === apiField.toLowerCase() || apiField.toLowerCase().startsWith(`${f.name.toLowerCase()}[`))?.name;
        if (!name || !show(name, messages)) unplaced.push(...messages.map((m) => `${apiField}: ${m}`));
      }
      const headline = error.status === 400 ? t('validation.fix') : error.message;
      clear(summary, h('strong', null, headline), unplaced.length ? h('ul', null, unplaced.map((m) => h('li', null, m))) : null);
      summary.hidden = false;
    } finally {
      button.disabled = false;
    }
  });

  element.values = values;
  return element;
}
