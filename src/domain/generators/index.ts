import type { Answers } from '../answers/types';
import type { Decision, Finding } from '../engine/types';
import { evaluate } from '../engine/evaluate';
import { answersToYaml } from '../answers/answers-text';
import type { BundleFile, BundleResult } from './types';
import { buildPlan, type BundlePlan } from './plan';
import { chartValuesFor, hasValues } from './chart-values';
import { serverConfig, agentConfig } from './rke2-config';
import {
  HCC_DIR,
  hccFileName,
  helmChartConfig,
  calicoBgpObjects,
  cisBaselinePolicies,
  cisBaselineDescription,
  secondaryNetworkName,
  networkAttachmentDefinition,
  examplePod,
  sriovObjects,
  rancherCluster,
} from './manifests';
import { firewalldScript, nftablesConf } from './firewall';
import { preflightScript, verifyScript } from './scripts';
import { discoverScript } from './discover-script';
import { readme } from './readme';
import {
  WINDOWS_AGENT_CONFIG_PATH,
  WINDOWS_PREFLIGHT_PATH,
  windowsAgentConfig,
  windowsFillInKeys,
  windowsPreflightScript,
} from './windows';
import { WINDOWS } from '../facts/windows';
import { CNI_PROFILES } from '../cni/profiles';
import { airgapFiles, planAirgap } from './airgap';
import { toYaml, toYamlDocuments, commentLines } from './yaml';
import { SOURCES } from '../sources';

export type { BundleFile, BundleResult } from './types';
export { buildPlan, type BundlePlan } from './plan';
export { chartValuesFor, type ChartValues, type ValueNote } from './chart-values';
export { cniList, serverConfig } from './rke2-config';
export { hccFileName, HCC_DIR } from './manifests';
export { firewallRules } from './firewall';
export { shellQuote } from './shell';
export { DUMP_OPTIONS, toYaml, toYamlDocuments } from './yaml';

/** "rke2-cni-cilium-v1.33.6-rke2r1": the zip and its root folder. */
export function bundleName(cni: string, release: string): string {
  return `rke2-cni-${cni}-${release.replace(/\+/g, '-')}`;
}

/** Generator-level guards: combinations the files cannot express even if a decision let them through. */
function generatorBlocking(plan: BundlePlan): Finding[] {
  const out: Finding[] = [];
  if (plan.calicoEbpf && plan.answers.performance.apiServerHost.trim() === '') {
    out.push({
      ruleId: 'calico-ebpf',
      messageId: 'calicoEbpfEndpoint',
      data: { host: 'localhost (the default)' },
      severity: 'blocking',
      source: SOURCES.calicoEbpfEndpointIssue,
      fields: ['performance.apiServerHost'],
    });
  }
  return out;
}

/**
 * Every file the cluster needs for these answers. Blocked answers give no files.
 * Deterministic: the same answers always give byte-identical files, in the same order.
 */
export function generateBundle(answers: Answers, decision: Decision = evaluate(answers)): BundleResult {
  if (decision.blocking.length > 0) return { ok: false, blocking: decision.blocking };
  const cni = decision.chosen;
  if (!cni) return { ok: false, blocking: decision.blocking };
  const plan = buildPlan(answers, decision, cni);
  const guard = generatorBlocking(plan);
  if (guard.length) return { ok: false, blocking: guard };

  const charts = chartValuesFor(plan);
  const files: BundleFile[] = [];
  const add = (path: string, contents: string, description: string, executable = false, fillIn?: string[]) =>
    files.push({
      path,
      contents,
      description,
      ...(executable ? { executable } : {}),
      ...(fillIn?.length ? { fillIn } : {}),
    });

  if (plan.rancher) {
    add(
      'rancher/cluster.yaml',
      toYaml(rancherCluster(plan, charts)),
      'provisioning.cattle.io/v1 Cluster fragment: machineGlobalConfig (cni, CIDRs, kube-proxy) and chartValues per chart',
    );
  } else {
    add(
      'etc/rancher/rke2/config.yaml',
      commentLines([
        `/etc/rancher/rke2/config.yaml for EVERY SERVER node, before RKE2 starts for the first time (RKE2 ${plan.release.requested.text}).`,
        'Keep these keys identical on all servers; add your own (token, tls-san, ...) below them.',
      ]) + toYaml(serverConfig(plan)),
      'RKE2 server config: cni, cluster/service CIDRs and what the CNI needs',
    );
    const agent = agentConfig(plan);
    if (agent) {
      add(
        'agent/etc/rancher/rke2/config.yaml',
        commentLines(['/etc/rancher/rke2/config.yaml for every Linux AGENT node, before its first start.']) +
          toYaml(agent),
        'RKE2 agent config (CIS profile)',
      );
    }
    for (const cv of charts.filter(hasValues)) {
      add(
        `${HCC_DIR}/${hccFileName(cv.chart)}`,
        commentLines([`/${HCC_DIR}/${hccFileName(cv.chart)} on every server node, before the first start.`]) +
          toYaml(helmChartConfig(cv)),
        `HelmChartConfig for ${cv.chart}: ${cv.notes.map((n) => n.path).join(', ')}`,
      );
    }
  }
  if (plan.bgp)
    add(
      'kubectl-apply/calico-bgp.yaml',
      toYamlDocuments(calicoBgpObjects(plan)),
      'Calico BGPConfiguration (local AS) and BGPPeer',
    );
  const cisBaseline = cisBaselinePolicies(plan);
  if (cisBaseline.length)
    add('kubectl-apply/cis-baseline-policies.yaml', toYamlDocuments(cisBaseline), cisBaselineDescription(plan));
  if (plan.extras === 'multus') {
    add(
      'kubectl-apply/secondary-network.yaml',
      toYamlDocuments([networkAttachmentDefinition(plan)]),
      `NetworkAttachmentDefinition ${secondaryNetworkName(plan)} (${answers.extras.secondary.type}, ${answers.extras.secondary.ipam})`,
    );
  }
  if (plan.extras === 'sriov') {
    add(
      'kubectl-apply/sriov.yaml',
      toYamlDocuments(sriovObjects(plan)),
      'SriovNetworkNodePolicy and SriovNetwork (sriov-network-operator)',
    );
  }
  if (plan.extras !== 'none') {
    add(
      'kubectl-apply/example-pod.yaml',
      toYamlDocuments([examplePod(plan)]),
      'Example pod attached to the secondary network',
    );
  }
  // Windows files only for a CNI the Windows agent runs (cni/profiles.ts windows level; pebinary.go).
  if (answers.cluster.windowsNodes && plan.cni !== 'none' && CNI_PROFILES[plan.cni].windows.level !== 'no') {
    // Rancher registers Windows nodes with its own command and config; standalone agents need this file.
    if (!plan.rancher)
      add(
        WINDOWS_AGENT_CONFIG_PATH,
        commentLines([
          `${WINDOWS.configPath} for every Windows AGENT node, before its first start (RKE2 ${plan.release.requested.text}).`,
          `Fill in ${windowsFillInKeys().join(' and ')}. No cni key: the Windows agent reads the CNI from the cluster's HelmCharts.`,
        ]) + toYaml(windowsAgentConfig()),
        `RKE2 agent config for Windows agents (${windowsFillInKeys().join(' and ')} to fill in)`,
        false,
        windowsFillInKeys(),
      );
    add(
      WINDOWS_PREFLIGHT_PATH,
      windowsPreflightScript(plan),
      'Read-only checks on each Windows agent: Windows Server build, Containers feature, Windows Firewall ports',
    );
  }
  add('firewall/firewalld.sh', firewalldScript(plan), 'firewalld rules for these ports (servers and agents)', true);
  add('firewall/nftables.conf', nftablesConf(plan), 'nftables chains for these ports');
  add(
    'scripts/discover.sh',
    discoverScript(),
    'Read-only node facts (kernel, interface, MTU, hypervisor) as answers to import; run before the wizard',
    true,
  );
  add('scripts/preflight.sh', preflightScript(plan), 'Read-only host checks before the first start', true);
  add('scripts/verify.sh', verifyScript(plan), 'kubectl checks after install', true);
  const airgap = planAirgap(plan, charts);
  if (airgap) for (const f of airgapFiles(plan, airgap)) add(f.path, f.contents, f.description);
  add('answers.yaml', answersToYaml(answers), 'Your answers, to load back or rebuild this bundle');
  files.push({
    path: 'README.md',
    contents: readme(plan, charts, files),
    description: 'Steps, choices and reasons, ports, MTU',
  });
  return { ok: true, files, name: bundleName(cni, plan.release.requested.text) };
}
