/**
 * The known-issues registry (issue 13 §3) loads on its own. The prerendered wizard (issue 15) was
 * rendered with the registry: when its panel shows known issues, the registry loads before it hydrates
 * (App.tsx preloadRoute), so the panel hydrates with the same list; when it shows none, the panel
 * trusts that until the answers change, and the first visit does not fetch the registry at all.
 */
import { loadOnce } from '../../lib/load-once';

const registry = loadOnce(() => import('../../domain/known-issues'));

export const loadKnownIssues = registry.load;

let prerenderedWithout = false;

/** The prerendered wizard about to hydrate shows no known issues for its answers. */
export function markPrerenderedWithoutKnownIssues(): void {
  prerenderedWithout = true;
}

/** Whether the panel now hydrating may trust the prerendered page's "none"; true once only. */
export function takePrerenderedWithoutKnownIssues(): boolean {
  const was = prerenderedWithout;
  prerenderedWithout = false;
  return was;
}

/** The registry if it has loaded, else null. */
export const knownIssuesIfLoaded = registry.ifLoaded;

/** The test id of the panel's known-issues section: a prerendered page that has one preloads the registry. */
export const KNOWN_ISSUES_TEST_ID = 'known-issues';
