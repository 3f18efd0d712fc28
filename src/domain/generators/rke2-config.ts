import type { BundlePlan } from './plan';
import { cidrList } from './plan';

/**
 * /etc/rancher/rke2/config.yaml content as an object. Every key is an RKE2 server flag
 * (data/upstream/rke2/server_config-keys.txt; a test checks it).
 */

/** `cni` as RKE2 validateCNI wants it: multus first when used, then exactly one primary (or none). */
export function cniList(plan: Pick<BundlePlan, 'cni' | 'multus'>): string[] {
  return plan.multus ? ['multus', plan.cni] : [plan.cni];
}

function prefixOf(cidr: string): number | null {
  const m = /\/(\d{1,3})$/.exec(cidr.trim());
  return m ? Number(m[1]) : null;
}

/**
 * kube-controller-manager gives each node an IPv6 /64 by default. A cluster CIDR of /64 or longer
 * leaves room for at most one node, so ask for a longer per-node mask (256 node subnets).
 * Source: kube-controller-manager --node-cidr-mask-size(-ipv6) defaults; rke2-docs#113.
 */
export function ipv6NodeMaskArg(plan: BundlePlan): string | null {
  if (!plan.ipv6) return null;
  const prefix = prefixOf(plan.answers.addressing.clusterCidrV6);
  if (prefix === null || prefix < 64) return null;
  const mask = Math.min(prefix + 8, 120);
  // Dual-stack uses the -ipv6 flag; single-stack uses the plain one (the -ipv6 flag is refused there).
  return plan.ipv4 ? `node-cidr-mask-size-ipv6=${mask}` : `node-cidr-mask-size=${mask}`;
}

/** Keys shared by the standalone config.yaml and Rancher's machineGlobalConfig. */
export function serverConfigCore(plan: BundlePlan): Record<string, unknown> {
  const config: Record<string, unknown> = {
    'cluster-cidr': cidrList(plan, 'cluster'),
    'service-cidr': cidrList(plan, 'service'),
  };
  if (plan.replacesKubeProxy) config['disable-kube-proxy'] = true;
  if (plan.profile) config.profile = plan.profile.value;
  const maskArg = ipv6NodeMaskArg(plan);
  if (maskArg) config['kube-controller-manager-arg'] = [maskArg];
  return config;
}

export function serverConfig(plan: BundlePlan): Record<string, unknown> {
  return { cni: cniList(plan), ...serverConfigCore(plan) };
}

/** Linux agents need their own config only for the CIS profile (cni is server-only). */
export function agentConfig(plan: BundlePlan): Record<string, unknown> | null {
  if (!plan.profile) return null;
  return { profile: plan.profile.value };
}
