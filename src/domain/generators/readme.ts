import type { BundleFile } from './types';
import type { BundlePlan } from './plan';
import type { ChartValues } from './chart-values';
import type { Finding } from '../engine/types';
import { explain } from '../engine/explain';
import { SOURCES, type Source } from '../sources';
import { firewallRules, portLabel } from './firewall';
import {
  CIS_NAMESPACES,
  HCC_DIR,
  ingressController,
  needsCiliumHostNetworking,
  needsIngressWebhookPolicy,
  secondaryNetworkName,
  SRIOV_NAMESPACE,
  SRIOV_RESOURCE_PREFIX,
} from './manifests';
import { GATES, hasGate } from '../facts/gates';
import { API_ENDPOINT } from '../facts/api-endpoint';
import { CHART_NAME } from '../facts/cni-names';
import { parseIp } from '../net/cidr';
import { windowsAgentPorts } from '../net/ports';
import { cniList } from './rke2-config';
import { affectedText, fixedText, knownIssuesFor } from '../known-issues';
import { load } from 'js-yaml';
import { WINDOWS, windowsBuildText } from '../facts/windows';
import { WINDOWS_AGENT_CONFIG_PATH, WINDOWS_PREFLIGHT_PATH } from './windows';
import { airgapReadme, planAirgap } from './airgap';

/** The bundle's README.md, built from arrays of Markdown lines. */

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ');
const link = (s: Source) => `[${s.title}](${s.url})`;
const code = (s: string) => `\`${s.replace(/`/g, "'")}\``;

function findingLines(findings: readonly Finding[]): string[] {
  return findings.map((f) => `- ${explain(f)} (${link(f.source)})`);
}

/** host:port, with an IPv6 literal in brackets (RFC 3986 §3.2.2). */
export function hostPort(host: string, port: number): string {
  const ip = parseIp(host);
  return ip.ok && ip.ip.family === 6 ? `[${ip.ip.text}]:${port}` : `${host}:${port}`;
}

/**
 * What Cilium's k8sServiceHost means for the value written: localhost (the answer left empty), an IP address or a
 * DNS name. Without kube-proxy, Cilium must reach the API server before any Service or cluster DNS works.
 */
export function k8sServiceHostNote(host: string, port: number): string {
  if (host === '' || host === 'localhost')
    return `localhost at ${hostPort('localhost', port)} (no API server host given). ${API_ENDPOINT.cilium.why} (${link(API_ENDPOINT.cilium.source)})`;
  const ip = parseIp(host);
  if (ip.ok)
    return `${ip.ip.family === 6 ? 'IPv6' : 'IPv4'} address ${host}: every node must reach the API server at ${hostPort(host, port)} before Cilium is up, so it must be a server or a VIP/load balancer in front of the servers, and in the API server certificate (\`tls-san\` in every server's config.yaml, unless it is a server's own address)`;
  return `DNS name ${host}: every node must resolve it without cluster DNS (CoreDNS needs Cilium first) and reach ${hostPort(host, port)}; it must be in the API server certificate (\`tls-san\` in every server's config.yaml)`;
}

/** The README's "CIS network policies" section: what RKE2 creates itself for this CNI and release, and what we add. */
function cisPolicyLines(plan: BundlePlan): string[] {
  const release = plan.release.requested.text;
  const controller = ingressController(plan);
  const webhookGate = GATES.ingressWebhookPolicy;
  const L: string[] = ['## CIS network policies', ''];
  L.push(
    `- With \`profile: ${plan.profile?.value ?? ''}\`, RKE2 creates its default NetworkPolicies whatever the CNI: in ${CIS_NAMESPACES.map(code).join(', ')} pods accept traffic only from their own namespace, plus policies for DNS, the ingress controller and its add-ons' webhooks (${link(SOURCES.cisNetworkPoliciesCode)}).`,
  );
  L.push(
    `- The ingress controller RKE2 ${release} installs is ${controller.name} (${code(controller.chart)}; ${link(GATES.traefikDefault.source)}).`,
  );
  if (hasGate(plan.release, 'ingressWebhookPolicy'))
    L.push(
      `- RKE2 ${release} also creates the policy that lets the API server reach the ingress admission webhook (from ${webhookGate.minimums.map((v) => `v${v}`).join(' / ')}; ${link(webhookGate.source)}).`,
    );
  else if (needsIngressWebhookPolicy(plan))
    L.push(
      `- RKE2 ${release} does not create the ingress webhook policy yet (it does from ${webhookGate.minimums.map((v) => `v${v}`).join(' / ')}; ${link(webhookGate.source)}): \`kubectl-apply/cis-baseline-policies.yaml\` adds it, or the API server cannot reach the ${controller.name} admission webhook and Ingress objects are refused.`,
    );
  else
    L.push(
      `- RKE2 ${release} does not create the ingress webhook policy yet (${link(webhookGate.source)}); with Canal the host-networking policy below lets the API server reach the ${controller.name} admission webhook.`,
    );
  if (plan.cni === 'canal')
    L.push(
      `- With Canal, RKE2 also keeps \`rke2-flannel-host-networking\` (its CIS policy controller runs only with Canal), which lets traffic from the nodes into those namespaces (${link(SOURCES.cisPolicyCode)}).`,
    );
  else if (plan.cni === 'flannel')
    L.push('- Flannel enforces no NetworkPolicy, so none of these policies takes effect.');
  else if (needsCiliumHostNetworking(plan))
    L.push(
      `- RKE2 keeps its host-networking policy only with Canal (${link(SOURCES.cisPolicyCode)}): \`kubectl-apply/cis-baseline-policies.yaml\` lets traffic from the nodes (Cilium's \`host\` and \`remote-node\` entities) into those namespaces, as that policy does for Canal.`,
    );
  else
    L.push(
      `- RKE2 keeps its host-networking policy only with Canal (${link(SOURCES.cisPolicyCode)}): host-network clients on other nodes (metrics scraping, a webhook called from another node) need a policy that allows your node addresses.`,
    );
  return L;
}

/**
 * The README's "Known issues" section (issue 13 §3): upstream issues of the bundle's release that apply to this
 * configuration, with "affected / fixed in" and the links. Empty when none applies. A fresh bundle carries no
 * old values, so lasting value changes are left to `validate` and `upgrade`.
 */
export function knownIssueLines(plan: BundlePlan): string[] {
  const matches = knownIssuesFor({ release: plan.release, plan, answers: plan.answers, kinds: ['bug', 'upgrade'] });
  if (!matches.length) return [];
  const L: string[] = [`## Known issues of RKE2 ${plan.release.requested.text}`, ''];
  L.push('Upstream issues that affect this release with this configuration, and the release that fixes each:', '');
  for (const m of matches) {
    L.push(
      `- **${m.issue.title}** (${m.issue.date}; ${affectedText(m)}; ${fixedText(m)}). ${m.issue.workaround} ${m.issue.links.map(link).join(', ')}`,
    );
  }
  L.push('');
  return L;
}

/** Where a bundle file goes, for the file table. */
function destination(file: BundleFile): string {
  if (file.path === 'etc/rancher/rke2/config.yaml') return '/etc/rancher/rke2/config.yaml on every server';
  if (file.path === 'agent/etc/rancher/rke2/config.yaml') return '/etc/rancher/rke2/config.yaml on every Linux agent';
  if (file.path === WINDOWS_AGENT_CONFIG_PATH) return `${WINDOWS.configPath} on every Windows agent`;
  if (file.path === WINDOWS_PREFLIGHT_PATH) return 'run on every Windows agent (see the steps)';
  if (file.path.startsWith(`${HCC_DIR}/`)) return `/${file.path} on every server`;
  if (file.path.startsWith('kubectl-apply/')) return 'kubectl apply -f, after the cluster is up';
  if (file.path.startsWith('scripts/') || file.path.startsWith('firewall/')) return 'run on the nodes (see the steps)';
  if (file.path.startsWith('rancher/')) return "Rancher: the cluster's YAML, before you create it";
  return 'keep with the bundle';
}

type Values = Record<string, unknown>;
const isMap = (v: unknown): v is Values => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The chart values the emitted files really hold, read back from them: each HelmChartConfig's valuesContent, or
 * the chartValues of Rancher's cluster.yaml. The README states values from here, so it cannot claim one the
 * bundle does not carry.
 */
export function emittedChartValues(files: readonly BundleFile[]): Map<string, Values> {
  const out = new Map<string, Values>();
  for (const f of files) {
    if (f.path.startsWith(`${HCC_DIR}/`)) {
      const doc = load(f.contents);
      if (!isMap(doc) || !isMap(doc.metadata) || !isMap(doc.spec)) continue;
      const { name } = doc.metadata;
      const content = doc.spec.valuesContent;
      const values = typeof content === 'string' ? load(content) : null;
      if (typeof name === 'string' && isMap(values)) out.set(name, values);
    } else if (f.path === 'rancher/cluster.yaml') {
      const doc = load(f.contents);
      const rke = isMap(doc) && isMap(doc.spec) && isMap(doc.spec.rkeConfig) ? doc.spec.rkeConfig : null;
      if (rke && isMap(rke.chartValues))
        for (const [chart, values] of Object.entries(rke.chartValues)) if (isMap(values)) out.set(chart, values);
    }
  }
  return out;
}

/** The value at a dotted path (as ValuesBuilder writes them), or undefined. */
export function valueAt(values: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (isMap(node) ? node[key] : undefined), values);
}

const sameValue = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function readme(plan: BundlePlan, charts: ChartValues[], files: readonly BundleFile[]): string {
  const a = plan.answers;
  const d = plan.decision;
  const release = plan.release.requested.text;
  const has = (path: string) => files.some((f) => f.path === path);
  const emitted = emittedChartValues(files);
  // Every statement about values reads what the files hold: notes whose value is not in them are left out.
  const withValues = charts
    .filter((c) => emitted.has(c.chart))
    .map((c) => ({ ...c, notes: c.notes.filter((n) => sameValue(valueAt(emitted.get(c.chart), n.path), n.value)) }));
  const withoutValues = charts.filter((c) => !emitted.has(c.chart));
  const hccFiles = files.filter((f) => f.path.startsWith(`${HCC_DIR}/`));
  const toFill = files.filter((f) => f.fillIn?.length);
  const windows = has(WINDOWS_PREFLIGHT_PATH);
  const L: string[] = [];
  L.push(`# RKE2 CNI bundle: ${plan.cni}${plan.multus ? ' with Multus' : ''} on ${release}`, '');
  L.push(
    `Generated by rke2-cni-wizard from ${code('answers.yaml')} (load it back into the wizard or \`npm run cli -- generate --answers answers.yaml\` to rebuild this bundle byte for byte).`,
    '',
  );
  L.push(
    `Folder paths mirror where each file goes on the node. ${
      toFill.length
        ? `Fill in before use: ${toFill.map((f) => `${code(f.path)} (${(f.fillIn ?? []).map(code).join(', ')})`).join('; ')}. Nothing else needs editing.`
        : 'Nothing here needs editing.'
    }`,
    '',
  );

  // What and why
  L.push('## What was chosen and why', '');
  L.push(
    `- RKE2 ${code('cni')}: ${code(cniList(plan).join(', '))}${plan.multus ? ' (Multus must come first, then one primary CNI)' : ''}.`,
  );
  if (d.overridden && d.recommended !== plan.cni)
    L.push(`- You chose ${plan.cni} yourself; the engine recommended ${d.recommended ?? 'nothing'}.`);
  const candidate = d.candidates.find((c) => c.cni === plan.cni);
  if (candidate) {
    L.push(`- Status: ${candidate.status} (rank ${candidate.rank}).`);
    for (const r of candidate.reasons.filter((x) => x.effect !== 'info' || x.weight !== 0))
      L.push(`  - ${explain(r)} (${link(r.source)})`);
    for (const r of candidate.reasons.filter((x) => x.effect === 'info' && x.weight === 0))
      L.push(`  - ${explain(r)} (${link(r.source)})`);
  }
  L.push('');

  // Steps
  L.push('## Steps, in order', '');
  const steps: string[] = [];
  const linux = windows ? 'Linux node' : 'node';
  if (has('scripts/discover.sh'))
    steps.push(
      `Day one goes: discover, wizard, preflight on all nodes, install, verify. If you have not yet, run \`./scripts/discover.sh > $(hostname).yaml\` on every ${linux} (it only reads), concatenate the files and import them in the wizard (or \`--answers\` in the CLI): the oldest kernel, the smallest MTU and the IP families every node has become the answers. Regenerate the bundle if they changed.`,
    );
  if (has('scripts/preflight.sh')) {
    steps.push(
      `On every ${linux}, run \`sudo ./scripts/preflight.sh server\` (servers) or \`sudo ./scripts/preflight.sh agent\` (agents). It only reads; fix every FAIL line.`,
    );
    steps.push(
      "Between the nodes: on one node run `./scripts/preflight.sh --listen` (it answers UDP probes with python3 or socat until Ctrl-C), and from each other node `./scripts/preflight.sh agent --peers '<its IP>' --servers '<server IPs>'`. It probes the ports below, the path MTU with don't-fragment pings, and warns about VMware/NSX, vmxnet3 offload and firewalls. Joining a running cluster: `--phase join`; upgrading: `--phase upgrade` with the bundle of the new release.",
    );
  }
  const firewallFiles = files.filter((f) => f.path.startsWith('firewall/')).map((f) => code(f.path));
  steps.push(
    `Open the ports below between the nodes (cloud security groups)${firewallFiles.length ? `, or on the Linux hosts with ${firewallFiles.join(' or ')}` : ''}.`,
  );
  if (a.cluster.cisProfile)
    steps.push(
      'CIS profile, before the first start on every node: create the etcd user on servers (`useradd -r -c "etcd user" -s /sbin/nologin -M etcd -U`) and copy the CIS sysctl file (`cp -f /usr/share/rke2/rke2-cis-sysctl.conf /etc/sysctl.d/60-rke2-cis.conf` for RPM installs, `/usr/local/share/rke2/` for tarball installs; then `systemctl restart systemd-sysctl`). ' +
        link(SOURCES.hardening) +
        '.',
    );
  if (plan.rancher) {
    steps.push(
      'In Rancher, create the cluster with **Edit as YAML** and merge `rancher/cluster.yaml` into it: `spec.rkeConfig.machineGlobalConfig` (cni, CIDRs, kube-proxy, profile) and `spec.rkeConfig.chartValues`. Set them before the cluster is created: CNI and CIDRs cannot change later. Do not also copy HelmChartConfig files onto the nodes: Rancher writes its own from chartValues.',
    );
  } else {
    if (has('etc/rancher/rke2/config.yaml'))
      steps.push(
        'On **every server node, before RKE2 starts for the first time**, copy `etc/rancher/rke2/config.yaml` to `/etc/rancher/rke2/config.yaml` (add your own keys such as `token` or `tls-san` to it; keep these ones identical on all servers).',
      );
    if (hccFiles.length)
      steps.push(
        `On every server node, before the first start, copy ${hccFiles.map((f) => code(f.path.slice(HCC_DIR.length + 1))).join(', ')} into \`/${HCC_DIR}/\`.`,
      );
    if (files.some((f) => f.path === 'agent/etc/rancher/rke2/config.yaml'))
      steps.push(
        'On every Linux agent, before its first start, copy `agent/etc/rancher/rke2/config.yaml` to `/etc/rancher/rke2/config.yaml`.',
      );
    steps.push(
      `Start \`rke2-server\` on the first server, then the other servers, then \`rke2-agent\` on the ${windows ? 'Linux ' : ''}agents.`,
    );
  }
  if (windows) {
    const builds = WINDOWS.builds.map(windowsBuildText).join(' or ');
    steps.push(
      `On every Windows agent (${builds}; ${link(WINDOWS.source)}), in an elevated PowerShell: \`Enable-WindowsOptionalFeature -Online -FeatureName ${WINDOWS.containersFeature} -All\`, then reboot.`,
    );
    if (plan.bgp)
      steps.push(
        `Calico BGP on Windows: \`Install-WindowsFeature ${WINDOWS.bgpFeatures.join(', ')}\`, then \`Install-RemoteAccess -VpnType RoutingOnly\` (${link(SOURCES.windowsBgp)}).`,
      );
    const config = files.find((f) => f.path === WINDOWS_AGENT_CONFIG_PATH);
    if (config)
      steps.push(
        `On every Windows agent, copy ${code(config.path)} to ${code(WINDOWS.configPath)} and fill in ${(config.fillIn ?? []).map(code).join(' and ')}.`,
      );
    steps.push(
      `On every Windows agent, run \`powershell -ExecutionPolicy Bypass -File .\\scripts\\preflight.ps1\` as Administrator. It only reads; fix every FAIL line.`,
    );
    steps.push(
      plan.rancher
        ? 'Once the Linux nodes are Ready, register each Windows agent with the Windows registration command Rancher shows for the cluster.'
        : `Once the servers are Ready (the Windows agent picks its CNI from the HelmCharts they install), on every Windows agent: \`Invoke-WebRequest -Uri https://raw.githubusercontent.com/rancher/rke2/master/install.ps1 -Outfile install.ps1\`, \`./install.ps1 -Version ${release}\`, add ${WINDOWS.binPaths.map(code).join(' and ')} to PATH, then \`rke2.exe agent service --add\` and \`Start-Service rke2\` (${link(SOURCES.windowsAgentInstall)}).`,
    );
  }
  if (plan.cni === 'cilium' && plan.encryption === 'ipsec') {
    steps.push(
      'As soon as the first server\'s API answers, create the IPsec key Secret (the Cilium pods wait for it; the bundle deliberately holds no key), on that server with `export KUBECONFIG=/etc/rancher/rke2/rke2.yaml PATH=$PATH:/var/lib/rancher/rke2/bin`: `kubectl create -n kube-system secret generic cilium-ipsec-keys --from-literal=keys="3+ rfc4106(gcm(aes)) $(dd if=/dev/urandom count=20 bs=1 2> /dev/null | xxd -p -c 64) 128"` ([Cilium IPsec](https://docs.cilium.io/en/stable/security/network/encryption-ipsec/)).',
    );
  }
  if (plan.cni === 'none') steps.push('Install your own CNI now: nodes stay NotReady and tainted until one runs.');
  if (has('kubectl-apply/cis-baseline-policies.yaml'))
    steps.push(
      'Once the cluster is up: `kubectl apply -f kubectl-apply/cis-baseline-policies.yaml` (see "CIS network policies" below).',
    );
  if (has('kubectl-apply/calico-bgp.yaml'))
    steps.push('Once Calico runs: `kubectl apply -f kubectl-apply/calico-bgp.yaml` (BGP AS and peer).');
  if (has('kubectl-apply/secondary-network.yaml')) {
    steps.push(
      `Once the cluster is up: \`kubectl apply -f kubectl-apply/secondary-network.yaml\`${has('kubectl-apply/example-pod.yaml') ? ', then try `kubectl apply -f kubectl-apply/example-pod.yaml`' : ''}.`,
    );
  }
  if (has('kubectl-apply/sriov.yaml')) {
    steps.push(
      `Install the sriov-network-operator ([quickstart](${SOURCES.sriovOperator.url})) into the namespace \`${SRIOV_NAMESPACE}\`.`,
    );
    steps.push(
      'Label each SR-IOV node: `kubectl label node <node> feature.node.kubernetes.io/network-sriov.capable=true`.',
    );
    steps.push(
      'Apply `kubectl apply -f kubectl-apply/sriov.yaml`; the operator creates the VFs (nodes may drain and reboot) and a NetworkAttachmentDefinition named after the SriovNetwork. Then try `kubectl apply -f kubectl-apply/example-pod.yaml`.',
    );
  }
  if (has('scripts/verify.sh'))
    steps.push(
      'On a server, run `sudo ./scripts/verify.sh`: it checks the CNI is up, the chart runs with these values (with helm and python3 present), encryption uses its device, DNS and ClusterIP answer from a pod, and the policy is enforced.',
    );
  steps.forEach((s, i) => L.push(`${i + 1}. ${s}`));
  L.push('');

  // Files
  L.push('## Files', '', '| file | goes to | what |', '|---|---|---|');
  for (const f of files) L.push(`| ${code(f.path)} | ${cell(destination(f))} | ${cell(f.description)} |`);
  L.push('| `README.md` | read me | this file |', '');

  // Values
  L.push('## Chart values and why', '');
  L.push(
    `Only values that differ from the chart defaults of ${release} are set, and nothing under \`global.\` (RKE2 injects those and they override valuesContent: ${link(SOURCES.injectedValuesCode)}).`,
    '',
  );
  for (const c of withValues) {
    if (!c.notes.length) continue;
    L.push(`### ${c.chart}`, '', '| key | value | why |', '|---|---|---|');
    for (const n of c.notes) {
      const why =
        c.chart === CHART_NAME.cilium && n.path === 'k8sServiceHost'
          ? k8sServiceHostNote(String(n.value), a.performance.apiServerPort)
          : n.why;
      L.push(`| ${code(n.path)} | ${code(JSON.stringify(n.value))} | ${cell(why)} ([source](${n.source.url})) |`);
    }
    L.push('');
  }
  if (withoutValues.length) {
    const what = plan.rancher ? 'chartValues entry' : 'HelmChartConfig';
    L.push(
      `${withoutValues.map((c) => c.chart).join(', ')}: the chart defaults fit, so no ${what} is emitted for ${withoutValues.length === 1 ? 'it' : 'them'}.`,
      '',
    );
  }

  // Warnings and irreversible
  if (d.warnings.length) L.push('## Warnings', '', ...findingLines(d.warnings), '');
  const irreversible = [...d.warnings, ...d.notes].filter((f) => f.irreversible);
  L.push('## Choices you cannot change later', '');
  L.push(
    `RKE2 does not support changing the primary CNI, its backend, or the cluster/service CIDRs on a running cluster: rebuild instead (${link(SOURCES.basicNetworkOptions)}).`,
    '',
  );
  L.push(...findingLines(irreversible));
  if (plan.encryption === 'wireguard' && plan.cni === 'canal')
    L.push('- The flannel backend (wireguard) must not be changed at runtime.');
  if (plan.bgp) L.push('- The Calico IP pool encapsulation (None, routed over BGP).');
  L.push('');
  const otherNotes = d.notes.filter((f) => !f.irreversible);
  if (otherNotes.length) L.push('## Notes', '', ...findingLines(otherNotes), '');
  L.push(...knownIssueLines(plan));

  // Ports
  L.push(
    '## Inbound ports',
    '',
    `Between the nodes (${link(SOURCES.requirementsPorts)}).`,
    '',
    '| port | from | to | purpose |',
    '|---|---|---|---|',
  );
  for (const r of firewallRules(plan))
    L.push(`| ${portLabel(r)} | ${r.from} | ${r.to} | ${cell(r.purpose)} ([source](${r.source.url})) |`);
  if (plan.encapsulation === 'vxlan' && (plan.cni === 'canal' || plan.cni === 'cilium')) {
    L.push(
      '',
      'VXLAN here uses UDP 8472 (the Linux default). Some hypervisor overlays (VMware NSX) silently drop it: if pods on different nodes cannot talk while the nodes can, test that port first (flannel-io/flannel#2388).',
    );
  }
  L.push('');

  if (plan.profile !== null) L.push(...cisPolicyLines(plan), '');

  // MTU
  const m = plan.mtu;
  L.push('## MTU', '');
  L.push(`- Underlay MTU ${m.underlay}; ${m.outerFamily} outer headers.`);
  L.push(
    `- Tunnel: ${m.encapsulation === 'none' ? 'none (routed)' : `${m.encapsulation}, ${m.encapsulationOverhead} bytes`}. Encryption: ${m.encryption === 'none' ? 'none' : `${m.encryption}, ${m.encryptionOverhead} bytes${m.stacking === 'replaces-tunnel' ? ' (it replaces the tunnel)' : ' (on top of the tunnel)'}`}.`,
  );
  L.push(`- Pod MTU: **${m.podMtu}**, from ${code(m.arithmetic)}.`);
  if (m.chartKey === null) L.push('- No chart takes an MTU here: set it in your own CNI.');
  else if (m.chartValue === null)
    L.push(
      `- Not written: the CNI detects it (${code(m.chartKey)} left unset). Setting an MTU above the real path MTU drops packets (${link(SOURCES.mtuIssue)}).`,
    );
  else
    L.push(
      `- Written as ${code(`${m.chartKey}: ${m.chartValue}`)} (${m.keyMeaning === 'underlay' ? 'this key takes the underlay MTU; the CNI subtracts its own overhead' : 'this key takes the pod MTU'}).`,
    );
  L.push(`- Sources: ${m.sources.map(link).join(', ')}.`, '');

  // Secondary networks
  if (plan.extras !== 'none') {
    const s = a.extras.secondary;
    L.push('## Secondary network', '');
    if (plan.extras === 'multus') {
      L.push(
        `- ${code(secondaryNetworkName(plan))} in namespace ${code(s.namespace)}: ${s.type} on ${code(s.master)}, IPAM ${s.ipam}. Pods join it with the annotation ${code('k8s.v1.cni.cncf.io/networks')} (${link(SOURCES.multusHowTo)}).`,
      );
    } else {
      const sr = a.extras.sriov;
      L.push(
        `- ${sr.numVfs} VFs (${sr.deviceType}) on ${code(sr.pfNames)}, resource ${code(`${SRIOV_RESOURCE_PREFIX}/${sr.resourceName}`)}, VLAN ${sr.vlan}.`,
      );
      L.push(
        `- The resource prefix is ${code(SRIOV_RESOURCE_PREFIX)} with the upstream operator. The deprecated Rancher \`sriov\` chart uses ${code('rancher.io')} and the namespace ${code('cattle-sriov-system')}: change both in \`kubectl-apply/sriov.yaml\` and the example pod if you use it.`,
      );
      L.push(
        '- Host prerequisites on SR-IOV nodes: an SR-IOV capable NIC (`/sys/class/net/<pf>/device/sriov_totalvfs`), SR-IOV and VT-d/AMD-Vi enabled in the BIOS, IOMMU on the kernel command line (`intel_iommu=on iommu=pt`, or `amd_iommu=on iommu=pt`), the NIC driver (e.g. i40e, ice, mlx5_core)' +
          (sr.deviceType === 'vfio-pci' ? ', and the `vfio-pci` driver for DPDK' : '') +
          `. \`scripts/preflight.sh\` checks IOMMU and the VF count (${link(SOURCES.sriovOperator)}).`,
      );
    }
    if (plan.extras === 'multus' && s.type === 'bridge')
      L.push(
        `- For a bridge network, ${code(s.master)} names the Linux bridge on each node (the bridge plugin creates it if absent); attach an uplink to it yourself if pods must reach outside the node.`,
      );
    if (plan.extras === 'multus' && s.type === 'host-device')
      L.push(`- host-device moves ${code(s.master)} into the pod: one pod per node can hold it at a time.`);
    if (plan.extras === 'multus' && (s.type === 'macvlan' || s.type === 'ipvlan'))
      L.push(
        `- ${s.type} sub-interfaces cannot talk to their own host over ${code(s.master)}; the host reaches these pods through the primary network.`,
      );
    // A vfio-pci VF gets no address: the IPAM notes are for networks that hand out addresses.
    const addressed = plan.extras === 'multus' || a.extras.sriov.deviceType !== 'vfio-pci';
    if (addressed && s.ipam === 'host-local')
      L.push(
        '- **host-local IPAM is per node**: every node hands out the same range, so addresses collide across nodes unless you give each node its own range. Prefer whereabouts for a cluster-wide pool.',
      );
    if (addressed && s.ipam === 'whereabouts')
      L.push(
        '- Whereabouts hands out addresses cluster-wide; it is enabled in the rke2-multus chart (`rke2-whereabouts.enabled`).',
      );
    if (addressed && (s.ipam === 'host-local' || s.ipam === 'whereabouts')) {
      // Say what the IPAM plugin does with the optional keys the user left empty (they are not in the config).
      const whole = s.rangeStart.trim() === '' && s.rangeEnd.trim() === '';
      const noGateway = s.gateway.trim() === '';
      if (whole || noGateway) {
        const parts: string[] = [];
        if (whole) parts.push(`hands out the whole subnet ${code(s.subnet)}`);
        if (noGateway)
          parts.push(
            s.ipam === 'host-local'
              ? `uses the subnet's first address as the pods' gateway on this network and never hands it out`
              : 'gives pods no gateway on this network',
          );
        const source = s.ipam === 'host-local' ? SOURCES.hostLocalRange : SOURCES.whereaboutsConfig;
        L.push(
          `- No ${whole ? 'address range' : ''}${whole && noGateway ? ' or ' : ''}${noGateway ? 'gateway' : ''} given: ${s.ipam} ${parts.join(' and ')} (${link(source)}).`,
        );
      }
    }
    if (addressed && s.ipam === 'dhcp')
      L.push(
        '- DHCP IPAM needs a DHCP server on that network; the rke2-multus DHCP daemon is enabled (`manifests.dhcpDaemonSet`).',
      );
    if (addressed && s.ipam === 'static')
      L.push('- Static IPAM: each pod names its own address in the annotation (JSON form, `ips`).');
    L.push('');
  }

  if (a.cluster.windowsNodes) {
    L.push('## Windows agents', '');
    L.push(
      `- Windows agents take no \`cni\` key: it is server-only, and the Windows agent picks its CNI from the HelmChart it finds in kube-system (${link(SOURCES.windowsCniCode)}). Only Calico and Flannel run on Windows.`,
    );
    if (plan.cni === 'calico') {
      // Say only what the emitted files really hold (the Windows agent reads the same rke2-calico values).
      const calico = emitted.get(CHART_NAME.calico);
      const windowsKeys = [
        'installation.calicoNetwork.nodeAddressAutodetectionV4',
        'installation.calicoNetwork.bgp',
      ].filter((p) => valueAt(calico, p) !== undefined);
      L.push(
        windowsKeys.length
          ? `- The Windows agent reads the same \`rke2-calico\` values: this bundle sets ${windowsKeys.map((k) => `\`${k}\``).join(' and ')} there, and Windows nodes use them too (${link(SOURCES.windowsCalicoInterfaceCode)}).`
          : `- The Windows agent reads the same \`rke2-calico\` values as Linux nodes. Never set \`nodeAddressAutodetectionV4.interface\` there: Windows matches it against its adapter names; use \`cidrs\` (the wizard's node network CIDR) (${link(SOURCES.windowsCalicoInterfaceCode)}).`,
      );
    }
    if (plan.bgp)
      L.push(
        `- Calico BGP on Windows also needs the Windows features RemoteAccess, RSAT-RemoteAccess-PowerShell and Routing, then \`Install-RemoteAccess -VpnType RoutingOnly\` (${link(SOURCES.windowsBgp)}).`,
      );
    L.push(
      plan.bgp
        ? `- Windows nodes route pod traffic over BGP: with BGP the Windows agent runs Calico with the windows-bgp backend, not VXLAN (${link(SOURCES.windowsCalicoBgpCode)}). Dual-stack is not supported on Windows.`
        : `- Windows nodes use VXLAN UDP 4789 (VNI 4096) for ${plan.cni === 'flannel' ? 'Flannel' : 'Calico'}; dual-stack is not supported on Windows.`,
    );
    L.push(
      `- A Windows agent accepts ${windowsAgentPorts({ bgp: plan.bgp })
        .map((r) => `${portLabel(r)} (${r.purpose})`)
        .join(
          ', ',
        )}${windows ? `; \`${WINDOWS_PREFLIGHT_PATH}\` checks that Windows Firewall allows each` : ''} (${link(SOURCES.requirementsPorts)}).`,
      '',
    );
  }

  L.push(...airgapReadme(plan, planAirgap(plan, charts)));

  L.push('## Sources', '');
  const seen = new Set<string>();
  const all: Source[] = [
    SOURCES.basicNetworkOptions,
    SOURCES.helmAddons,
    SOURCES.serverConfig,
    SOURCES.requirementsPorts,
    SOURCES.knownIssues,
  ];
  if (a.cluster.cisProfile) all.push(SOURCES.hardening);
  for (const c of withValues) for (const n of c.notes) all.push(n.source);
  for (const s of all)
    if (!seen.has(s.url)) {
      seen.add(s.url);
      L.push(`- ${link(s)}`);
    }
  return L.join('\n') + '\n';
}
