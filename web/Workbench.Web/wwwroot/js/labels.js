// The labels of the services' codes (statuses, kinds, categories) are the domain's: a record carries its own
// (statusLabel …), and a choice without a record — a filter, a form's select — reads them from the service that
// owns the codes (GET /api/<service>/labels), once per visit. The resource files hold only the workbench's own texts.

import { api, ApiError } from './api.js';

const loaded = {};

/** Reads the labels of the services named ('grid', 'safety' …) that are not read yet. */
export async function loadLabels(...services) {
  await Promise.all(services.filter((service) => !(service in loaded)).map(async (service) => {
    try {
      loaded[service] = await api(`/api/${service}/labels`);
    } catch (error) {
      // A service that does not answer leaves its codes unlabelled (shown as themselves), not the page unshown.
      if (!(error instanceof ApiError)) throw error;
    }
  }));
}

/** { code: label } of a group, e.g. labelsOf('grid.matterCategory'); empty until loadLabels('grid'). */
export function labelsOf(key) {
  const [service, group] = key.split('.');
  return loaded[service]?.[group] ?? {};
}

/** [[code, label]] of a group in the domain's order: the choices of a select. */
export function choicesOf(key) {
  return Object.entries(labelsOf(key));
}

/** The label of one code, or the code itself when the group does not know it. */
export function labelOf(key, code) {
  return labelsOf(key)[code] ?? code;
}
