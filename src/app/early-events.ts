/**
 * What a visitor does on a prerendered page before its code has hydrated it (issue 15), kept and done
 * again once it has: the click on a filter, the release picked in a select. Plain DOM, no React: it
 * runs in main.tsx before the app is loaded. Links are left alone (they work without JavaScript), unless
 * the page is about to change (a linked view: its links still point at the prerendered release), and so
 * is a <summary> (the browser opens its <details> itself).
 *
 * A click on a control is cancelled (a checkbox would otherwise change under React's feet) and clicked
 * again after hydration. A value typed or picked stays on screen; after hydration the element is told
 * it had the value in the HTML, then given the new one with its event, so React sees the change.
 */
type Early =
  | { kind: 'click'; target: HTMLElement }
  /** A file picked: the files stay on the element; only its change event is sent again. */
  | { kind: 'files'; target: HTMLInputElement }
  | { kind: 'value'; target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement; value: string; event: string };

const CONTROL = 'button, input, select, textarea, label, [role="button"], [role="checkbox"], [role="tab"], [tabindex]';
const VALUE_CONTROL = 'select, textarea, input:not([type="checkbox"]):not([type="radio"]):not([type="file"])';

function isValueControl(el: Element): el is HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  return el.matches(VALUE_CONTROL);
}

/** The value an element had in the HTML (what React will hydrate it as). */
function htmlValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): string {
  if (el instanceof HTMLSelectElement) {
    const selected = [...el.options].find((o) => o.defaultSelected) ?? el.options[0];
    return selected?.value ?? '';
  }
  return el.defaultValue;
}

function setNativeValue(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  if (setter) setter.call(el, value);
  else el.value = value;
}

export interface EarlyEvents {
  /** Does again, in order, what was kept; stops keeping. */
  replay(): void;
}

/**
 * Starts keeping what happens inside `root`; `onIntent` is called (once) at the first sign the visitor
 * is about to use a control: a pointer over it, focus, a touch, a key, a click or a change.
 */
export function keepEarlyEvents(
  root: HTMLElement,
  onIntent: () => void,
  /**
   * Hold links too: the page will change once hydrated (the address or saved answers differ from the
   * HTML), so a link in the HTML may point at the wrong thing (a release) until then.
   */
  holdLinks = false,
): EarlyEvents {
  const kept: Early[] = [];
  let intended = false;
  const intent = () => {
    if (intended) return;
    intended = true;
    onIntent();
  };
  const control = (e: Event) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target || !root.contains(target)) return null;
    if (target.closest('summary')) return null;
    const link = target.closest<HTMLElement>('a[href]');
    // An in-app link (no target): a link to a source opens in its own tab whatever the page shows.
    if (link) return holdLinks && e.type === 'click' && !link.hasAttribute('target') ? link : null;
    return target.closest<HTMLElement>(CONTROL);
  };
  const onNearControl = (e: Event) => {
    if (control(e)) intent();
  };
  const onClick = (e: MouseEvent) => {
    const target = control(e);
    if (!target) return;
    e.preventDefault();
    e.stopImmediatePropagation();
    // A click on a label also clicks its control: keep the label's click only.
    kept.push({ kind: 'click', target });
    intent();
  };
  const onValue = (e: Event) => {
    const target = control(e);
    if (target instanceof HTMLInputElement && target.type === 'file') {
      if (e.type === 'change') kept.push({ kind: 'files', target });
      intent();
      return;
    }
    if (!target || !isValueControl(target)) return;
    const last = kept.at(-1);
    const value = target.value;
    if (last?.kind === 'value' && last.target === target) last.value = value;
    else kept.push({ kind: 'value', target, value, event: target instanceof HTMLSelectElement ? 'change' : 'input' });
    intent();
  };
  const listeners: [string, EventListener][] = [
    ['pointerover', onNearControl],
    ['focusin', onNearControl],
    ['touchstart', onNearControl],
    ['keydown', onNearControl],
    ['click', onClick as EventListener],
    ['input', onValue],
    ['change', onValue],
  ];
  for (const [type, listener] of listeners)
    document.addEventListener(type, listener, { capture: true, passive: type === 'touchstart' });
  return {
    replay() {
      for (const [type, listener] of listeners) document.removeEventListener(type, listener, { capture: true });
      for (const e of kept.splice(0)) {
        if (!e.target.isConnected) continue;
        if (e.kind === 'click') e.target.click();
        else if (e.kind === 'files') e.target.dispatchEvent(new Event('change', { bubbles: true }));
        else {
          // Through the element's own property (React's value tracker), then past it.
          e.target.value = htmlValue(e.target);
          setNativeValue(e.target, e.value);
          e.target.dispatchEvent(new Event(e.event, { bubbles: true }));
        }
      }
    },
  };
}
