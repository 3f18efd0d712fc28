/**
 * The entry: small on purpose, it imports no React. A page prerendered at build time (issue 15,
 * src/app/server.tsx) is already on screen when this runs; the app (start.tsx) is imported only once
 * that first paint is done, so the code never holds the page's first paint back. The wizard hydrates
 * right then; /compare and the CNI pages when the visitor reaches for a control, or at once when the
 * address or saved answers change what they show (routes.ts hydratesOnIntent). What the visitor did
 * before hydration is done again after it (early-events.ts).
 */
import { hydratesOnIntent, matchRoute, routeKey } from './routes';
import { keepEarlyEvents } from './early-events';
import { currentPath } from '../lib/location';
import { hasStoredAnswers } from '../lib/answers-storage';
import { afterPaint, startHeldPreloads } from './after-paint';

const container = document.getElementById('root')!;
const route = matchRoute(currentPath());
// Hydrated only on the route it holds: a server's fallback (an unknown path answered with index.html)
// is rendered afresh instead.
const prerendered = container.dataset.route !== undefined && container.dataset.route === routeKey(route);

/** Marks the page as live (React owns it); tests wait for it before they act on what React does. */
function markLive(): void {
  document.documentElement.dataset.live = 'true';
}

if (!prerendered) {
  void import('./start').then(({ start }) => start(container, route, false)).then(markLive);
} else {
  let started = false;
  // The address or saved answers change what the page shows once it hydrates (so it hydrates at once).
  const changes = window.location.search !== '' || hasStoredAnswers();
  const early = keepEarlyEvents(container, () => void run(), changes);
  const run = async () => {
    if (started) return;
    started = true;
    const { start } = await import('./start');
    await start(container, route, true);
    early.replay();
    markLive();
  };
  await afterPaint();
  startHeldPreloads();
  if (!hydratesOnIntent(route) || changes) void run();
}
