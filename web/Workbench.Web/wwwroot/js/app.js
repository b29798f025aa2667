// Starts the workbench: who is signed in, the texts, the menu their roles allow, then the page the address names.

import { h, clear } from './dom.js';
import { loadLanguage, t } from './i18n.js';
import { ApiError, currentSession, signInUrl } from './api.js';
import { problemView } from './ui.js';
import { createRouter } from './router.js';
import { hasRole, Roles } from './session.js';

const { Secretary, Staff, GridWorker, Inspector, VolunteerLeader, Resident } = Roles;

/** Every page: its address, the roles that may open it, and whether (and under which text) it is in the menu. */
const routes = [
  { path: '/', nav: 'nav.home', page: () => import('./pages/home.js') },
  { path: '/members', nav: 'nav.members', roles: [Secretary, Staff], page: () => import('./pages/members.js') },
  { path: '/meetings', nav: 'nav.meetings', roles: [Secretary, Staff], page: () => import('./pages/meetings.js') },
  { path: '/meetings/:id', roles: [Secretary, Staff], page: () => import('./pages/meeting.js') },
  { path: '/matters', nav: 'nav.matters', roles: [Secretary, Staff, GridWorker], page: () => import('./pages/matters.js') },
  { path: '/matters/new', roles: [Secretary, Staff, GridWorker, Resident], page: () => import('./pages/matter-new.js') },
  { path: '/matters/:id', roles: [Secretary, Staff, GridWorker], page: () => import('./pages/matter.js') },
  { path: '/care-list', nav: 'nav.careList', roles: [Secretary, GridWorker], page: () => import('./pages/care-list.js') },
  { path: '/inspections', nav: 'nav.inspections', roles: [Secretary, Staff, Inspector, GridWorker], page: () => import('./pages/inspections.js') },
  { path: '/inspections/:id', roles: [Secretary, Staff, Inspector, GridWorker], page: () => import('./pages/inspection.js') },
  { path: '/hazards', nav: 'nav.hazards', roles: [Secretary, Staff, Inspector, GridWorker], page: () => import('./pages/hazards.js') },
  { path: '/activities', nav: 'nav.activities', roles: [Secretary, Staff, VolunteerLeader], page: () => import('./pages/activities.js') },
  { path: '/activities/:id', roles: [Secretary, Staff, VolunteerLeader], page: () => import('./pages/activity.js') },
  { path: '/report', nav: 'nav.report', roles: [Secretary, Staff], page: () => import('./pages/report.js') },
];

const root = document.getElementById('app');
let session = null;
let main;

function shell() {
  const menu = h('nav', { class: 'menu', 'aria-label': t('nav.label') },
    routes.filter((r) => r.nav && hasRole(session, r.roles)).map((r) => h('a', { href: r.path, dataset: { path: r.path } }, t(r.nav))));
  const toggle = h('button', { class: 'menu-toggle', type: 'button', 'aria-expanded': 'false', 'aria-label': t('nav.toggle'),
    onClick: () => toggle.setAttribute('aria-expanded', String(menu.classList.toggle('open'))) }, '☰');
  main = h('main', { id: 'main', tabindex: '-1' });
  clear(root,
    h('header', { class: 'topbar' },
      toggle,
      h('a', { class: 'brand', href: '/' }, t('app.name')),
      h('div', { class: 'who' },
        h('span', { class: 'who-name' }, session.name),
        h('span', { class: 'who-role' }, session.roles.map((r) => t(`roles.${r}`)).join('、')),
        h('a', { href: '/logout', class: 'signout' }, t('app.signOut')))),
    menu,
    main);
  menu.addEventListener('click', () => { menu.classList.remove('open'); toggle.setAttribute('aria-expanded', 'false'); });
}

function markCurrent(path) {
  for (const link of root.querySelectorAll('.menu a')) {
    const current = link.dataset.path === '/' ? path === '/' : path.startsWith(link.dataset.path);
    if (current) link.setAttribute('aria-current', 'page'); else link.removeAttribute('aria-current');
  }
}

let rendering = 0;
async function render({ route, params, query }) {
  const ticket = ++rendering;
  markCurrent(location.pathname);
  document.title = t('app.name');
  if (!route) {
    clear(main, problemView(new ApiError(404, {})));
    return;
  }
  if (!hasRole(session, route.roles)) {
    // The same answer the API would give, without asking it.
    clear(main, problemView(new ApiError(403, {})));
    return;
  }
  main.setAttribute('aria-busy', 'true');
  // A page reads its records before it shows: say so, rather than leave the last page or nothing on screen.
  clear(main, h('p', { class: 'loading' }, t('common.loading')));
  try {
    const module = await route.page();
    const ctx = {
      session, params, query,
      navigate: (url, options) => router.navigate(url, options),
      refresh: () => router.navigate(location.pathname + location.search, { replace: true }),
      setTitle: (title) => { document.title = `${title} · ${t('app.name')}`; },
    };
    const view = await module.default(ctx);
    if (ticket === rendering) clear(main, view);
  } catch (error) {
    if (ticket === rendering) clear(main, problemView(error));
    if (!(error instanceof ApiError)) console.error(error);
  } finally {
    if (ticket === rendering) main.removeAttribute('aria-busy');
  }
}

const router = createRouter(routes, render);

async function start() {
  await loadLanguage('zh-CN');
  session = await currentSession();
  if (!session) {
    clear(root, h('main', { class: 'welcome' },
      h('h1', null, t('app.name')),
      h('p', null, t('app.welcome')),
      h('a', { class: 'button primary', href: signInUrl() }, t('app.signIn'))));
    return;
  }
  shell();
  await router.start();
}

start();
