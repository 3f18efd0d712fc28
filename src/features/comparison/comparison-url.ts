import {
  FEATURE_GROUPS,
  FEATURE_IDS,
  MATRIX_COLUMNS,
  type FeatureGroupId,
  type FeatureId,
  type MatrixColumnKey,
} from '../../domain/matrix';

/**
 * The comparison's state lives in the URL so a comparison can be shared:
 * /compare?cni=calico,cilium&release=v1.33.6+rke2r1&features=windowsNodes&fit=1&sort=support&collapsed=security
 * Pure functions (tested in Node); unknown values are dropped, never thrown on.
 */
export const SORT_MODES = ['rke2', 'name', 'support'] as const;
export type SortMode = (typeof SORT_MODES)[number];

export interface ComparisonState {
  /** Columns to show; empty means all. */
  cni: MatrixColumnKey[];
  /** Raw release text from the URL; validated by the page (resolveRelease). */
  release: string | null;
  /** Features the user needs ("only the features I need"). */
  features: FeatureId[];
  /** "Only what fits my answers". */
  fit: boolean;
  sort: SortMode;
  collapsed: FeatureGroupId[];
}

export const EMPTY_STATE: ComparisonState = {
  cni: [],
  release: null,
  features: [],
  fit: false,
  sort: 'rke2',
  collapsed: [],
};

function list<T extends string>(value: string | null, allowed: readonly T[]): T[] {
  if (!value) return [];
  const wanted = new Set(value.split(',').map((s) => s.trim()));
  // Keep the canonical order so equal states give equal URLs.
  return allowed.filter((a) => wanted.has(a));
}

export function parseComparisonSearch(search: string): ComparisonState {
  const p = new URLSearchParams(search.length > 4096 ? '' : search);
  // A raw "+" in a hand-written link (v1.33.6+rke2r1) arrives as a space.
  const release = p.get('release')?.trim().replace(/ /g, '+') || null;
  const sort = p.get('sort');
  return {
    cni: list(p.get('cni'), MATRIX_COLUMNS),
    release: release && release.length <= 40 ? release : null,
    features: list(p.get('features'), FEATURE_IDS),
    fit: p.get('fit') === '1',
    sort: (SORT_MODES as readonly string[]).includes(sort ?? '') ? (sort as SortMode) : 'rke2',
    collapsed: list(p.get('collapsed'), FEATURE_GROUPS),
  };
}

/** The query string for a state, without defaults; "" for the default view. */
export function comparisonSearch(state: ComparisonState): string {
  const parts: string[] = [];
  if (state.cni.length) parts.push(`cni=${state.cni.join(',')}`);
  if (state.release) parts.push(`release=${encodeURIComponent(state.release)}`);
  if (state.features.length) parts.push(`features=${state.features.join(',')}`);
  if (state.fit) parts.push('fit=1');
  if (state.sort !== 'rke2') parts.push(`sort=${state.sort}`);
  if (state.collapsed.length) parts.push(`collapsed=${state.collapsed.join(',')}`);
  return parts.length ? `?${parts.join('&')}` : '';
}
