import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, preloadRoute } from './App';
import type { Route } from './routes';

/**
 * React and the app: main.tsx imports this once the page has painted (issue 15). Hydrates a prerendered
 * page in place, or renders into an empty #root. Resolves once the page has committed, so main.tsx can
 * replay what the visitor did before the code was there.
 */
export async function start(container: HTMLElement, route: Route, hydrate: boolean): Promise<void> {
  let done: () => void = () => {};
  const committed = new Promise<void>((resolve) => (done = resolve));
  const app = (
    <StrictMode>
      <App onReady={done} />
    </StrictMode>
  );
  if (hydrate) {
    // The page's chunks first (a prerendered page preloads them): hydration then suspends nowhere.
    await preloadRoute(route);
    hydrateRoot(container, app, {
      onRecoverableError: (error) =>
        console.error('The prerendered page did not match; React rendered it again.', error),
    });
  } else {
    container.replaceChildren();
    createRoot(container).render(app);
  }
  return committed;
}
