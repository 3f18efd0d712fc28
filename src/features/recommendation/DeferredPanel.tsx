import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { useHydrated } from '../../ui/hydration';
import { Box } from '@mui/material';
import { Spinner } from '../../ui/Button';
import { loadPanel, panelIfLoaded } from './panel-loader';

type PanelModule = NonNullable<ReturnType<typeof panelIfLoaded>>;

/** The child indices from `root` down to `node`. */
function pathTo(root: Element, node: Element): number[] {
  const path: number[] = [];
  for (let n: Element | null = node; n && n !== root; n = n.parentElement)
    path.unshift(n.parentElement ? [...n.parentElement.children].indexOf(n) : 0);
  return path;
}

function follow(root: Element, path: number[]): HTMLElement | null {
  let n: Element | undefined = root;
  for (const i of path) n = n?.children[i];
  return n instanceof HTMLElement ? n : null;
}

/**
 * Part of the recommendation panel (panel-loader.ts). Hydrating the prerendered wizard before the panel's
 * code has loaded, it keeps the server's HTML untouched (an element React does not look inside) until
 * `wanted` turns true or the visitor points at, focuses or clicks it; a click is done again on the same
 * element once the panel is live. Mounted in the browser otherwise, it loads the code and says so meanwhile.
 */
export function DeferredPanel({
  wanted,
  label,
  children,
}: {
  /** The answers differ from the prerendered ones: the panel must run. */
  wanted: boolean;
  label: string;
  /** Given the module, and whether the prerendered HTML was kept until now (it showed `since`). */
  children: (panel: PanelModule, wasDeferred: boolean) => ReactNode;
}) {
  const hydrated = useHydrated();
  const [panel, setPanel] = useState(panelIfLoaded);
  // Only while hydrating the prerendered page: elsewhere there is no server HTML to keep.
  const [keepHtml] = useState(() => !hydrated && !panelIfLoaded());
  const [asked, setAsked] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const click = useRef<number[] | null>(null);

  const need = !panel && (wanted || asked || !keepHtml);
  useEffect(() => {
    if (need) void loadPanel().then(setPanel);
  }, [need]);
  useEffect(() => {
    const path = click.current;
    if (!panel || !path || !box.current) return;
    click.current = null;
    follow(box.current, path)?.click();
  }, [panel]);

  if (panel) {
    return (
      <div ref={box} style={{ display: 'contents' }}>
        {children(panel, keepHtml)}
      </div>
    );
  }
  if (!keepHtml)
    return (
      <Box role="status" sx={{ my: 2, display: 'flex', alignItems: 'center', gap: 1 }}>
        <Spinner aria-hidden="true" /> Loading {label}…
      </Box>
    );
  const ask = () => setAsked(true);
  const onClickCapture = (e: MouseEvent<HTMLDivElement>) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target || !box.current || target.closest('a[href], summary')) return;
    e.preventDefault();
    e.stopPropagation();
    click.current = pathTo(box.current, target);
    ask();
  };
  return (
    <div
      ref={box}
      style={{ display: 'contents' }}
      onPointerOver={ask}
      onFocus={ask}
      onClickCapture={onClickCapture}
      // An empty string, never content: it only tells React to leave the server's children alone while
      // it hydrates (React does not hydrate inside such an element; suppressHydrationWarning).
      // eslint-disable-next-line no-restricted-syntax
      dangerouslySetInnerHTML={{ __html: '' }}
      suppressHydrationWarning
    />
  );
}
