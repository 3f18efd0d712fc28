/**
 * The recommendation panel and the engine it runs load on their own (issue 15, the wizard's first-visit
 * budget). The prerendered wizard already shows the panel for the default answers: while the answers
 * are those, that HTML is kept as it is (DeferredPanel.tsx), and the code loads when the answers change
 * or the visitor reaches for the panel. Saved answers or a link load it before the page hydrates
 * (App.tsx preloadRoute).
 */
import { loadOnce } from '../../lib/load-once';

const panel = loadOnce(() => import('./RecommendationPanel'));

export const loadPanel = panel.load;

/** The panel's module if it has loaded, else null. */
export const panelIfLoaded = panel.ifLoaded;
