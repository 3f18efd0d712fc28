import { lazy } from 'react';

/** The comparison pages are loaded only when visited (issue 6: not part of the first load). */
export const comparisonRoutes = {
  ComparisonPage: lazy(() => import('../features/comparison/ComparisonPage')),
  CniPage: lazy(() => import('../features/comparison/CniPage')),
};
