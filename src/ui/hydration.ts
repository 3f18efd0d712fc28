import { useSyncExternalStore } from 'react';

const noSubscription = () => () => {};

/**
 * False while the server prerenders a page (issue 15) and while the browser hydrates that HTML; true
 * from the render after hydration, and from the start when the page was not prerendered. Components
 * that read the address or the browser's storage render the first visit's state (default answers, the
 * newest release) until this turns true, so the hydrated tree matches the HTML exactly, then update.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
}
