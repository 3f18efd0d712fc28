/**
 * The known-issues registry (issue 13 §3) loads on its own. The prerendered wizard (issue 15) was
 * rendered with the registry: when its panel shows known issues, the registry loads before it hydrates
 * (App.tsx preloadRoute), so the panel hydrates with the same list; when it shows none, the panel
 * trusts that until the answers change, and the first visit does not fetch the registry at all.
 */
type KnownIssuesModule = typeof import('../../domain/known-issues');

let loaded: KnownIssuesModule | null = null;
let pending: Promise<KnownIssuesModule> | null = null;

export function loadKnownIssues(): Promise<KnownIssuesModule> {
  return (pending ??= import('../../domain/known-issues').then((m) => (loaded = m)));
}

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
export function knownIssuesIfLoaded(): KnownIssuesModule | null {
  return loaded;
}

/** The test id of the panel's known-issues section: a prerendered page that has one preloads the registry. */
export const KNOWN_ISSUES_TEST_ID = 'known-issues';
