import { preloadable } from './preloadable';

/** The comparison pages are loaded only when visited (issue 6: not part of the first load). */
export const comparisonRoutes = {
  ComparisonPage: preloadable(() => import('../features/comparison/ComparisonPage').then((m) => m.default)),
  CniPage: preloadable<{ id?: string }>(() => import('../features/comparison/CniPage').then((m) => m.default)),
  // "Check my files" (issue 13): the doctor and its validators load only on this page. Not prerendered.
  CheckPage: preloadable(() => import('../features/check/CheckPage').then((m) => m.default)),
};
