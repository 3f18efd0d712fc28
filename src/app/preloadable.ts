import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { loadOnce } from '../lib/load-once';

export type Preloadable<P extends object> = LazyExoticComponent<ComponentType<P>> & {
  /** Starts (or joins) the load; resolves once the component can render without suspending. */
  preload: () => Promise<void>;
};

/**
 * React.lazy that can be loaded ahead of rendering. main.tsx loads a prerendered page's chunks before it
 * hydrates (issue 15): a component that suspended during hydration would leave its Suspense boundary as
 * server HTML, and the first context update above it (MUI's theme settles after mount) would make React
 * throw that HTML away and render it again. Once loaded, the component is handed to React.lazy as a
 * thenable that resolves at once, which React renders in the same pass.
 */
export function preloadable<P extends object>(load: () => Promise<ComponentType<P>>): Preloadable<P> {
  const component = loadOnce(load);
  const Lazy = lazy<ComponentType<P>>(() => {
    const ready = component.ifLoaded();
    if (ready)
      return { then: (resolve: (m: { default: ComponentType<P> }) => void) => resolve({ default: ready }) } as never;
    return component.load().then((c) => ({ default: c }));
  });
  return Object.assign(Lazy, { preload: () => component.load().then(() => undefined) });
}
