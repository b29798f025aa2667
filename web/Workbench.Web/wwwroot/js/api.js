// Talks to the suite's APIs through the gateway, on this same origin. The gateway keeps the person's token in an
// HTTP-only session cookie and adds it to the requests it forwards; a write must carry the X-CSRF header to be
// sent with it, which a form on another site cannot add.

/** An answer that was not 2xx, with the API's problem details (RFC 9457). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem ?? {};
  }

  /** Field errors of a 400, keyed by the API's field names: { title: ['is required …'] }. */
  get fieldErrors() {
    return this.problem.errors ?? {};
  }
}

/** A key for a write the person may retry (a phone on a bad network): the API applies it once. */
export function newIdempotencyKey() {
  if (globalThis.crypto?.randomUUID && globalThis.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function signInUrl(returnUrl = location.pathname + location.search) {
  return `/login?returnUrl=${encodeURIComponent(returnUrl)}`;
}

export function withQuery(path, query) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === '') continue;
    for (const item of Array.isArray(value) ? value : [value]) params.append(key, String(item));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

/**
 * Calls an API path (e.g. '/api/grid/matters') and returns its JSON (null for 204). Throws ApiError for any
 * other status; a 401 means the session ended, so the person is sent to sign in and brought back here.
 */
export async function api(path, { method = 'GET', body, query, idempotencyKey, headers } = {}) {
  const write = method !== 'GET' && method !== 'HEAD';
  const response = await fetch(withQuery(path, query), {
    method,
    credentials: 'same-origin',
    headers: {
      Accept: 'application/json',
      ...(write ? { 'X-CSRF': '1' } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...(idempotencyKey ? { 'Idempotency-Key': idempotencyKey } : {}),
      ...headers,
    },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });

  if (response.status === 401) {
    location.assign(signInUrl());
    throw new ApiError(401, { title: 'Not signed in.' });
  }

  const type = response.headers.get('Content-Type') ?? '';
  const payload = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text();
  if (!response.ok) {
    throw new ApiError(response.status, typeof payload === 'object' ? payload : { detail: payload });
  }
  return payload;
}

/** Every item of a paged list ({ items, nextCursor }) or a plain array, following cursors up to `max` items. */
export async function apiAll(path, query = {}, max = 1000) {
  const items = [];
  let cursor;
  do {
    const page = await api(path, { query: { ...query, cursor, limit: 200 } });
    if (Array.isArray(page)) return page;
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor && items.length < max);
  return items;
}

/** The signed-in person ({ name, userName, roles, grids }) or null. */
export async function currentSession() {
  const response = await fetch('/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  return response.ok ? response.json() : null;
}
