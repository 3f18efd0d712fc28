import { StrictMode } from 'react';
import { createRoot, hydrateRoot } from 'react-dom/client';
import { App, preloadRoute } from './App';
import { matchRoute, routeKey } from './router';
import { currentPath } from '../lib/location';

const container = document.getElementById('root')!;
const app = (
  <StrictMode>
    <App />
  </StrictMode>
);

// A page prerendered at build time (issue 15, src/app/server.tsx) says which route it holds. It is
// hydrated only on that route: a server's fallback (an unknown path answered with index.html) is
// rendered afresh instead.
const route = matchRoute(currentPath());
if (container.dataset.route && container.dataset.route === routeKey(route)) {
  // The page's chunks first (the HTML preloads them): hydration then suspends nowhere.
  await preloadRoute(route);
  hydrateRoot(container, app, {
    onRecoverableError: (error) => console.error('The prerendered page did not match; React rendered it again.', error),
  });
} else {
  container.replaceChildren();
  createRoot(container).render(app);
}
