/**
 * The words the domain speaks. As-const arrays give both the runtime list (for forms, schemas,
 * enumeration in tests) and the union type.
 */

/** Primary CNIs RKE2 accepts in `cni:` (rancher/rke2 pkg/cli/types.go CNIItems) plus `none`. */
export const PRIMARY_CNIS = ['canal', 'calico', 'cilium', 'flannel', 'none'] as const;
export type PrimaryCni = (typeof PRIMARY_CNIS)[number];

/** How people write each primary CNI's name (messages, the panel, the release list). */
export const CNI_DISPLAY_NAMES: Readonly<Record<PrimaryCni, string>> = {
  canal: 'Canal',
  calico: 'Calico',
  cilium: 'Cilium',
  flannel: 'Flannel',
  none: 'None (bring your own)',
};

/** Charted primaries (everything but bring-your-own). */
export const CHARTED_CNIS = ['canal', 'calico', 'cilium', 'flannel'] as const;
export type ChartedCni = (typeof CHARTED_CNIS)[number];

/** Add-ons that sit beside a primary: Multus (meta plugin, always first in `cni`) and SR-IOV (secondary only). */
export const ADDONS = ['multus', 'sriov'] as const;
export type Addon = (typeof ADDONS)[number];

/** Shown in the comparison only: RKE2 does not offer them. */
export const COMPARISON_ONLY = ['weave', 'aws-vpc-cni'] as const;
export type ComparisonOnly = (typeof COMPARISON_ONLY)[number];

export type MatrixColumnId = PrimaryCni | Addon | ComparisonOnly;

/** Support levels of a matrix cell. Rendered as icon + text, never colour alone. */
export const SUPPORT_LEVELS = ['yes', 'partial', 'no', 'not-applicable'] as const;
export type SupportLevel = (typeof SUPPORT_LEVELS)[number];

/** The Helm chart that installs each CNI or add-on in RKE2 (charts/chart_versions.yaml). */
export const CHART_NAME = {
  canal: 'rke2-canal',
  calico: 'rke2-calico',
  cilium: 'rke2-cilium',
  flannel: 'rke2-flannel',
  multus: 'rke2-multus',
} as const;
export type ChartName = (typeof CHART_NAME)[keyof typeof CHART_NAME];

/** How the CNIs are named to people: capitalised, as their projects write them. Messages and the UI use these. */
export const CNI_DISPLAY_NAME: Readonly<Record<PrimaryCni, string>> = {
  canal: 'Canal',
  calico: 'Calico',
  cilium: 'Cilium',
  flannel: 'Flannel',
  none: 'None (bring your own)',
};
