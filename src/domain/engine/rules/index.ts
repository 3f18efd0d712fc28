import type { Rule } from '../types';
import { awsEni } from './aws-eni';
import { bandwidthManager } from './bandwidth-manager';
import { bgp } from './bgp';
import { bringYourOwn } from './bring-your-own';
import { calicoChecksumOffload } from './calico-checksum-offload';
import { calicoEbpf } from './calico-ebpf';
import { ciliumKernel } from './cilium-kernel';
import { cisProfile } from './cis-profile';
import { encryption } from './encryption';
import { forcedChoice } from './forced-choice';
import { ipv6Addressing } from './ipv6-addressing';
import { irreversibleChoices } from './irreversible-choices';
import { kernelInput } from './kernel-input';
import { kubeProxyReplacement } from './kube-proxy-replacement';
import { multusSecondary } from './multus-secondary';
import { networkPolicy } from './network-policy';
import { noCniFits } from './no-cni-fits';
import { observability } from './observability';
import { rancherManaged } from './rancher-managed';
import { releaseCharts } from './release-charts';
import { releaseResolution } from './release-resolution';
import { rke2Default } from './rke2-default';
import { singleNode } from './single-node';
import { windowsNodes } from './windows-nodes';

/**
 * The explicit registry: evaluate() runs these in this order, so reasons and findings come out in a
 * stable order (inputs first, then hard constraints, then preferences, then outcome reviews).
 */
export const RULES: readonly Rule[] = [
  releaseResolution,
  kernelInput,
  releaseCharts,
  windowsNodes,
  networkPolicy,
  ciliumKernel,
  kubeProxyReplacement,
  calicoEbpf,
  calicoChecksumOffload,
  encryption,
  observability,
  bgp,
  awsEni,
  bandwidthManager,
  multusSecondary,
  cisProfile,
  ipv6Addressing,
  singleNode,
  rancherManaged,
  rke2Default,
  bringYourOwn,
  irreversibleChoices,
  noCniFits,
  forcedChoice,
];

export const RULES_BY_ID: Readonly<Record<string, Rule>> = Object.fromEntries(RULES.map((r) => [r.id, r]));

export {
  awsEni,
  bandwidthManager,
  bgp,
  bringYourOwn,
  calicoChecksumOffload,
  calicoEbpf,
  ciliumKernel,
  cisProfile,
  encryption,
  forcedChoice,
  ipv6Addressing,
  irreversibleChoices,
  kernelInput,
  kubeProxyReplacement,
  multusSecondary,
  networkPolicy,
  noCniFits,
  observability,
  rancherManaged,
  releaseCharts,
  releaseResolution,
  rke2Default,
  singleNode,
  windowsNodes,
};
