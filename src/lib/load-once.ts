/**
 * A dynamic import started at most once, however many callers ask, and its result once it has
 * arrived: what lets a component render a lazily loaded module in the same pass when it is already
 * there (issue 15: a prerendered page must hydrate without suspending).
 */
export function loadOnce<M>(load: () => Promise<M>): { load: () => Promise<M>; ifLoaded: () => M | null } {
  let loaded: M | null = null;
  let pending: Promise<M> | null = null;
  return {
    load: () =>
      (pending ??= load().then((m) => {
        loaded = m;
        return m;
      })),
    ifLoaded: () => loaded,
  };
}
