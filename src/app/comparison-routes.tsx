import { lazy } from 'react';

/** The comparison pages are loaded only when visited (issue 6: not part of the first load). */
export const comparisonRoutes = {
  ComparisonPage: lazy(() => import('../features/comparison/ComparisonPage')),
  CniPage: lazy(() => import('../features/comparison/CniPage')),
  // "Check my files" (issue 13): the doctor and its validators load only on this page.
  CheckPage: lazy(() => import('../features/check/CheckPage')),
};
