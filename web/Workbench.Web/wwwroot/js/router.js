// Client-side routes on real paths (/matters/42), so a page can be bookmarked, shared and reloaded; the
// workbench's host answers every such path with the same start page.

/** '/inspections/:id' → a matcher that returns { id } for '/inspections/5', or null. */
function compile(pattern) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:(\w+)/g, (_, name) => { names.push(name); return '([^/]+)'; })}/?$`);
  return (path) => {
    const match = path.match(regex);
    return match ? Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(match[i + 1])])) : null;
  };
}

export function createRouter(routes, render) {
  const compiled = routes.map((route) => ({ ...route, match: compile(route.path) }));

  function resolve(url) {
    const { pathname, searchParams } = new URL(url, location.origin);
    for (const route of compiled) {
      const params = route.match(pathname);
      if (params) return { route, params, query: Object.fromEntries(searchParams) };
    }
    return { route: null, params: {}, query: {} };
  }

  function navigate(url, { replace = false } = {}) {
    history[replace ? 'replaceState' : 'pushState'](null, '', url);
    return render(resolve(url));
  }

  // Links inside the workbench move without reloading; the API's own addresses (a report, sign-out) load as pages.
  document.addEventListener('click', (event) => {
    const link = event.target.closest('a[href]');
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || link.target || link.hasAttribute('download')) return;
    const url = new URL(link.href);
    if (url.origin !== location.origin || /^\/(api|login|logout|session|openapi|account|connect)(\/|$)/.test(url.pathname)) return;
    event.preventDefault();
    navigate(url.pathname + url.search);
  });
  addEventListener('popstate', () => render(resolve(location.href)));

  return { navigate, start: () => render(resolve(location.href)) };
}
