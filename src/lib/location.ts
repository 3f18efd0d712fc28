/**
 * Where the app keeps its route. The served app uses the path (`/compare?release=…`, History API).
 * The one-file build (`npm run build:single`, opened from file://) cannot change the path of a file
 * URL, so there the route lives in the hash and the query stays the query:
 * `rke2-cni-wizard.html?release=…#/compare`. Components read and write routes only through here.
 */
// `?.`: Playwright and tsx load this module outside Vite, where import.meta.env does not exist.
export const HASH_ROUTING: boolean = import.meta.env?.MODE === 'single';

let lastHashPath = '/';

/** The route's path: `/`, `/compare`, `/cni/cilium`. */
export function currentPath(): string {
  if (!HASH_ROUTING) return window.location.pathname;
  const hash = window.location.hash;
  // An in-page anchor (the skip link's #main-content) is not a route: stay where we are.
  if (hash.startsWith('#/')) lastHashPath = hash.slice(1);
  else if (hash === '' || hash === '#') lastHashPath = '/';
  return lastHashPath;
}

/** The URL (for href, pushState, replaceState) of an in-app location such as `/cni/calico?release=…`. */
export function urlFor(to: string): string {
  if (!HASH_ROUTING) return to;
  const q = to.indexOf('?');
  const path = q < 0 ? to : to.slice(0, q);
  const search = q < 0 ? '' : to.slice(q);
  return `${window.location.pathname}${search}#${path}`;
}

/** The current in-app location, comparable with what urlFor takes. */
export function currentLocation(): string {
  return currentPath() + window.location.search;
}

/** The address of the app's first page, without query or hash: what a shared link builds on. */
export function appRootUrl(): string {
  if (!HASH_ROUTING) return window.location.origin + '/';
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}
