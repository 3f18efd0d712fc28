import { useSyncExternalStore } from 'react';
import { currentLocation, currentPath, urlFor } from '../lib/location';

/** A tiny History API router: three routes do not justify a routing library in the first load. */
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

const NAVIGATE_EVENT = 'app:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('hashchange', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

function getPathname(): string {
  return currentPath();
}

/** The route's path; `serverPath` is the page being prerendered (the server has no address). */
export function usePathname(serverPath?: string): string {
  return useSyncExternalStore(subscribe, getPathname, serverPath === undefined ? getPathname : () => serverPath);
}

/** Client-side navigation; keeps the query string (the answers) only for the wizard. */
export function navigate(to: string): void {
  if (to === currentLocation()) return;
  window.history.pushState(null, '', urlFor(to));
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
  window.scrollTo(0, 0);
}
