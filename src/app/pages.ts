/**
 * The pages prerendered at build time (issue 15, src/app/server.tsx, scripts/prerender.ts): their
 * paths, files and routes. Plain data, so the bench and the tests read it without React.
 */
import { hydratesOnIntent, matchRoute, routeKey } from './routes';
import { PROFILE_IDS } from '../domain/cni/profiles';
import { COMPARISON_ONLY } from '../domain/facts/cni-names';

export interface PrerenderedPage {
  /** The path it answers, e.g. /cni/cilium. */
  path: string;
  /** The file under dist/ that static servers answer the path with (`vite preview`, nginx `$uri.html`). */
  file: string;
  /** What main.tsx compares with the address before it hydrates (router.ts routeKey). */
  route: string;
  /** Source modules of the page's lazily loaded chunks. */
  modules: string[];
  /**
   * Whether the HTML names those chunks as module preloads: for a page that hydrates at once. A page
   * that hydrates on intent (routes.ts hydratesOnIntent) fetches them only then.
   */
  preload: boolean;
}

const COMPARISON_MODULES = ['src/features/comparison/ComparisonPage.tsx'];
const CNI_MODULES = ['src/features/comparison/CniPage.tsx'];
// start.tsx: React and the app, imported by main.tsx once the page has painted.
const WIZARD_MODULES = ['src/app/start.tsx', 'src/app/WizardRoute.tsx'];
const CHECK_MODULES = ['src/app/start.tsx', 'src/features/check/CheckPage.tsx'];

const page = (path: string, file: string, modules: string[]): PrerenderedPage => ({
  path,
  file,
  route: routeKey(matchRoute(path)),
  modules,
  preload: !hydratesOnIntent(matchRoute(path)),
});

/** The wizard's first screen, /compare (the newest release) and every /cni/<id> page. */
export const PAGES: readonly PrerenderedPage[] = [
  page('/', 'index.html', WIZARD_MODULES),
  page('/compare', 'compare.html', COMPARISON_MODULES),
  ...[...PROFILE_IDS, ...COMPARISON_ONLY].map((id) => page(`/cni/${id}`, `cni/${id}.html`, CNI_MODULES)),
];

/**
 * Routes that are not prerendered but still get a file of their own: the built index.html as it is
 * (an empty #root, no data-route, so main.tsx renders it in the browser) with its chunks preloaded.
 * Without it a static server would answer /check with index.html, the prerendered wizard, and the
 * wizard would paint until the check page replaced it.
 */
export const SHELL_PAGES: readonly PrerenderedPage[] = [page('/check', 'check.html', CHECK_MODULES)];
