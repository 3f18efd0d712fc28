/**
 * What waits for the first paint of a prerendered page (issue 15): the module preloads of the chunks
 * it hydrates with. scripts/prerender.ts writes them inside `<template id=…>` in <head>, where they are
 * inert; main.tsx moves them into <head> once the first frame is on screen.
 */
export const AFTER_PAINT_PRELOADS = 'after-paint-preloads';

/** Resolves after the next frame has been painted (at once in a hidden tab, which paints no frames). */
export function afterPaint(): Promise<void> {
  if (document.visibilityState !== 'visible') return Promise.resolve();
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

/** Starts the preloads the page's HTML held back (none on a page without them). */
export function startHeldPreloads(): void {
  const held = document.getElementById(AFTER_PAINT_PRELOADS);
  if (held instanceof HTMLTemplateElement) document.head.append(held.content);
}
