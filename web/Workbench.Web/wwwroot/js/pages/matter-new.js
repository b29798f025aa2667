// 问事: report a matter. Grid workers and the office report for anyone; a resident reports as themselves.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { loadLabels, choicesOf } from '../labels.js';
import { api, ApiError, newIdempotencyKey } from '../api.js';
import { form, rules, splitList } from '../forms.js';
import { pageHead, notice } from '../ui.js';
import { hasRole, seesWholeCommunity, Roles } from '../session.js';

const { Secretary, Staff, GridWorker, Resident } = Roles;

/** The roles the API lets report (policy matters.report) and read matters (matters.read, as the route allows). */
const REPORTERS = [Secretary, Staff, GridWorker, Resident];
const HANDLERS = [Secretary, Staff, GridWorker];

/** The grids this person may report in: their own, or every grid for the office. */
async function gridOptions(session) {
  if (seesWholeCommunity(session)) {
    const grids = await api('/api/grid/grids');
    return grids.map((g) => [g.code, `${g.code} ${g.name}`]);
  }
  return (session.grids ?? []).map((code) => [code, code]);
}

export default async function page(ctx) {
  await loadLabels('grid');
  const { session, query } = ctx;
  // The route admits members, but the API's matters.report policy does not: refuse as the API would.
  if (!hasRole(session, REPORTERS)) throw new ApiError(403, {});
  ctx.setTitle(t('matters.new.title'));

  const asResident = hasRole(session, [Resident]) && !hasRole(session, HANDLERS);
  const grids = await gridOptions(session);
  const container = h('section', { class: 'matter-new' });

  function render() {
    const idempotencyKey = newIdempotencyKey();
    const reporterFields = asResident ? [] : [
      { name: 'reporterKind', label: t('matters.fields.reporterKind'), type: 'select',
        options: choicesOf('grid.reporterKind').filter(([code]) => code !== 'System'), value: 'GridWorker', rules: [rules.required()] },
      { name: 'reporterName', label: t('matters.fields.reporterName'), value: session.name, autocomplete: 'name', rules: [rules.required(), rules.maxLength(50)] },
    ];
    const view = form({
      className: 'two',
      fields: [
        { name: 'gridCode', label: t('matters.fields.gridCode'), type: 'select', options: grids,
          value: query.grid ?? (grids.length === 1 ? grids[0][0] : ''), rules: [rules.required()] },
        { name: 'category', label: t('matters.fields.category'), type: 'select', options: choicesOf('grid.matterCategory'), value: query.category, rules: [rules.required()] },
        { name: 'description', label: t('matters.fields.description'), type: 'textarea', rows: 4, rules: [rules.required(), rules.maxLength(2000)] },
        { name: 'location', label: t('matters.fields.location'), rules: [rules.required(), rules.maxLength(200)] },
        ...reporterFields,
        { name: 'photos', label: t('matters.fields.photos'), type: 'textarea', rows: 2, hint: t('matters.fields.photosHint'),
          rules: [rules.photoReferences()] },
      ],
      submit: t('matters.new.submit'),
      onSubmit: (values) => api('/api/grid/matters', {
        method: 'POST',
        idempotencyKey,
        body: {
          gridCode: values.gridCode,
          category: values.category,
          description: values.description,
          location: values.location,
          reporterKind: asResident ? 'Resident' : values.reporterKind,
          reporterName: asResident ? session.name : values.reporterName,
          photos: splitList(values.photos),
        },
      }),
      onDone: (matter) => {
        if (hasRole(session, HANDLERS)) {
          ctx.navigate(`/matters/${matter.id}`);
          return;
        }
        // A resident cannot open the matter page (the route is the handlers'), so the answer is told here.
        container.replaceChildren(
          notice(t('matters.new.done', { id: matter.id.slice(-8), status: matter.statusLabel })),
          h('button', { type: 'button', onClick: render }, t('matters.new.another')));
      },
    });
    container.replaceChildren(h('p', { class: 'muted' }, t('matters.new.intro')), h('div', { class: 'card' }, view));
  }

  render();
  return h('div', null,
    pageHead(t('matters.new.title'), hasRole(session, HANDLERS) ? h('a', { class: 'button', href: '/matters' }, t('matters.detail.back')) : null),
    container);
}
