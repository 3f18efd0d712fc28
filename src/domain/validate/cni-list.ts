import type { Reporter } from './issues';
import { show } from './issues';
import { nearest } from './suggest';

/** rancher/rke2 pkg/cli/types.go CNIItems; `none` is accepted too, `multus` only first of two. */
export const CNI_ITEMS = ['calico', 'canal', 'cilium', 'flannel'] as const;
export type CniPrimary = (typeof CNI_ITEMS)[number] | 'none';

export interface CniSelection {
  primary: CniPrimary;
  multus: boolean;
  /** What the user wrote, for messages ("multus,canal"). */
  text: string;
  /** Charts this selection leaves enabled (everything else is added to `disable`). */
  enabledCharts: ReadonlySet<string>;
}

export function selectionFrom(primary: CniPrimary, multus: boolean, text: string): CniSelection {
  const charts = new Set<string>();
  if (primary !== 'none') charts.add(`rke2-${primary}`);
  if (primary === 'calico') charts.add('rke2-calico-crd');
  if (multus) {
    charts.add('rke2-multus');
    charts.add('rke2-multus-crd');
  }
  return { primary, multus, text, enabledCharts: charts };
}

function invalidHint(value: string): string {
  const all: readonly string[] = [...CNI_ITEMS, 'none'];
  if (value !== value.trim() && all.includes(value.trim()))
    return ` RKE2 does not trim spaces: write "${value.trim()}" without the space (e.g. cni: [multus, ${value.trim()}]).`;
  if (all.includes(value.toLowerCase())) return ` Values are case-sensitive: write "${value.toLowerCase()}".`;
  if (value === 'multus') return ' multus may appear only once, as the first value.';
  const near = nearest(value.trim(), all);
  return near ? ` Did you mean "${near}"?` : ' Use calico, canal, cilium, flannel or none.';
}

/**
 * Applies rancher/rke2 validateCNI and disableExceptSelected to a `cni` value exactly: each element is
 * split on "," with no trimming and no lowercasing; 0 values mean canal; 1 value must not be multus;
 * 2 values need multus first; 3 or more fail; what remains must be a CNIItem or none.
 * Returns null (after reporting) when RKE2 would refuse to start. `defaultPrimary` is what an absent key means.
 */
export function checkCniValue(
  value: unknown,
  report: Reporter,
  defaultPrimary: CniPrimary = 'canal',
): CniSelection | null {
  if (value === undefined || value === null) return selectionFrom(defaultPrimary, false, defaultPrimary);
  let elements: string[];
  if (typeof value === 'string') elements = [value];
  else if (Array.isArray(value) && value.every((v) => typeof v === 'string')) elements = value as string[];
  else {
    report('', 'cni.notStringOrList', { found: show(value) });
    return null;
  }
  const text = elements.join(',');
  const values = elements.flatMap((e) => e.split(','));
  let remaining: string[];
  if (values.length === 0) return selectionFrom('canal', false, 'canal');
  if (values.length === 1) {
    if (values[0] === 'multus') {
      report('', 'cni.multusAlone');
      return null;
    }
    remaining = values;
  } else if (values.length === 2) {
    if (values[0] !== 'multus') {
      const primary = values.find((v) => v.trim() !== 'multus')?.trim() ?? 'canal';
      report('', 'cni.multusNotFirst', { primary });
      return null;
    }
    remaining = values.slice(1);
  } else {
    report('', 'cni.tooMany', { count: values.length });
    return null;
  }
  const primary = remaining[0]!;
  if (primary !== 'none' && !(CNI_ITEMS as readonly string[]).includes(primary)) {
    report('', 'cni.invalidValue', { value: primary, hint: invalidHint(primary) });
    return null;
  }
  return selectionFrom(primary as CniPrimary, values.length === 2, text);
}
