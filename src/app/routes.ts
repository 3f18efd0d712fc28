/**
 * The routes as plain data (no React): what main.tsx reads before it loads the app, what pages.ts
 * and the bench read. router.ts adds the History API hooks.
 */
/** A tiny History API router (router.ts): a handful of routes do not justify a routing library. */
export type Route =
  | { name: 'wizard' }
  | { name: 'compare' }
  | { name: 'cni'; id: string }
  | { name: 'check' }
  | { name: 'not-found'; path: string };

/** A route as one string: what a prerendered page says it holds (main.tsx hydrates it only on that route). */
export function routeKey(route: Route): string {
  return route.name === 'cni' ? `cni/${route.id}` : route.name === 'not-found' ? 'not-found' : route.name;
}

export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/' || path === '/wizard') return { name: 'wizard' };
  if (path === '/compare') return { name: 'compare' };
  if (path === '/check') return { name: 'check' };
  const cni = /^\/cni\/([a-z0-9-]{1,40})$/.exec(path);
  if (cni) return { name: 'cni', id: cni[1]! };
  return { name: 'not-found', path };
}

/**
 * How a prerendered page becomes interactive (issue 15). The wizard hydrates right after its first
 * paint: almost every visit answers a question. /compare and the CNI pages are read more than they
 * are used, and work without JavaScript (the table, the links): their code loads when the visitor
 * reaches for a control (main.tsx), or at once when the address or saved answers change what they show.
 */
export function hydratesOnIntent(route: Route): boolean {
  return route.name === 'compare' || route.name === 'cni';
}
