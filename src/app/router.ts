import { useSyncExternalStore } from 'react';
import { currentLocation, currentPath, urlFor } from '../lib/location';

export { matchRoute, routeKey, type Route } from './routes';

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
