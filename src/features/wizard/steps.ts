import type { Path } from 'react-hook-form';
import type { Answers } from '../../domain/answers/types';

export type StepId = 'cluster' | 'nodes' | 'security' | 'addressing' | 'extras' | 'performance' | 'review';
export type AnswerPath = Path<Answers>;

export interface WizardStep {
  id: StepId;
  label: string;
  /** Fields validated by Next (trigger) and focused on error, in screen order. */
  fields: readonly AnswerPath[];
}

/** Steps as data: the order of the wizard and which answers each one owns. */
export const STEPS: readonly WizardStep[] = [
  {
    id: 'cluster',
    label: 'Cluster and release',
    fields: ['cluster.release', 'cluster.management', 'cluster.size', 'cluster.windowsNodes', 'cluster.cisProfile'],
  },
  {
    id: 'nodes',
    label: 'Nodes and kernel',
    fields: [
      'nodes.osPreset',
      'nodes.kernel',
      'nodes.interface',
      'nodes.nodeCidr',
      'nodes.underlayMtu',
      'nodes.architecture',
    ],
  },
  { id: 'security', label: 'Network policy and security', fields: ['security.policy', 'security.encryption'] },
  {
    id: 'addressing',
    label: 'IP addressing',
    fields: [
      'addressing.ipFamily',
      'addressing.clusterCidrV4',
      'addressing.serviceCidrV4',
      'addressing.clusterCidrV6',
      'addressing.serviceCidrV6',
    ],
  },
  {
    id: 'extras',
    label: 'Extra interfaces (Multus / SR-IOV)',
    fields: [
      'extras.mode',
      'extras.secondary.name',
      'extras.secondary.namespace',
      'extras.secondary.type',
      'extras.secondary.master',
      'extras.secondary.ipam',
      'extras.secondary.subnet',
      'extras.secondary.rangeStart',
      'extras.secondary.rangeEnd',
      'extras.secondary.gateway',
      'extras.sriov.resourceName',
      'extras.sriov.pfNames',
      'extras.sriov.numVfs',
      'extras.sriov.deviceType',
      'extras.sriov.vlan',
    ],
  },
  {
    id: 'performance',
    label: 'Performance and observability',
    fields: [
      'performance.kubeProxyReplacement',
      'performance.apiServerHost',
      'performance.apiServerPort',
      'performance.observability',
      'performance.bandwidthManager',
      'performance.awsEni',
      'performance.bgp.enabled',
      'performance.bgp.peerAddress',
      'performance.bgp.peerAsn',
      'performance.bgp.localAsn',
    ],
  },
  { id: 'review', label: 'Review and bundle', fields: ['choice.forcedCni'] },
];

/** Exhaustive over StepId: adding a step without a screen fails to compile. */
export function assertNever(value: never): never {
  throw new Error(`Unhandled wizard step: ${String(value)}`);
}

/** The step that owns a field, so a blocking conflict can send the user there. */
export function stepIndexOfField(field: string): number {
  const index = STEPS.findIndex((s) =>
    s.fields.some((f) => f === field || field.startsWith(`${f}.`) || f.startsWith(`${field}.`)),
  );
  return index;
}
