import type { ProfileId } from '../../domain/cni/profiles';
import { offeredIn } from '../../domain/cni/profiles';
import type { ResolvedRelease } from '../../domain/rke2/releases';
import { hasGate } from '../../domain/facts/gates';
import { defaultAnswers } from '../../domain/answers';
import { explain } from '../../domain/engine';
import { generateBundle, HCC_DIR, toYaml, type BundleFile } from '../../domain/generators';

export interface InstallSnippet {
  /** /etc/rancher/rke2/config.yaml fragment, dumped with the generators' pinned YAML options. */
  configYaml: string;
  notes: string[];
}

/**
 * The `cni:` line of /etc/rancher/rke2/config.yaml for this CNI on this release (server nodes).
 * Multus and SR-IOV go first in front of the default primary, as RKE2 requires.
 */
export function installSnippet(id: ProfileId, release: ResolvedRelease): InstallSnippet | null {
  if (!offeredIn(id, release).offered) return null;
  const notes: string[] = [
    'Set it on every server before the first start; agents take no cni key. It cannot be changed later.',
  ];
  let cni: string | string[];
  if (id === 'multus' || id === 'sriov') {
    cni = ['multus', 'canal'];
    notes.push('Multus is always first, followed by your primary CNI (canal here; replace it with yours).');
    if (id === 'sriov')
      notes.push(
        'SR-IOV also needs the sriov-network-operator and SriovNetworkNodePolicy objects; it is never the primary CNI.',
      );
  } else {
    cni = id;
  }
  if (id === 'cilium' && !hasGate(release, 'ciliumMultusNoExclusive')) {
    notes.push('With Multus on this release, also set cni.exclusive: false in the rke2-cilium HelmChartConfig.');
  }
  if (id === 'none')
    notes.push('Deploy your own CNI right after the first server starts: nodes stay NotReady until then.');
  return { configYaml: toYaml({ cni }), notes };
}

export type BundleSnippet = { ok: true; files: BundleFile[] } | { ok: false; reasons: string[] };

/**
 * The generators' own files (config.yaml and HelmChartConfigs) for this CNI on this release, with
 * RKE2's default answers otherwise: the same code as the wizard's bundle, so the snippet cannot drift.
 */
export function bundleSnippet(id: ProfileId, release: ResolvedRelease): BundleSnippet {
  if (!offeredIn(id, release).offered) return { ok: false, reasons: ['This release does not bundle it.'] };
  const answers = defaultAnswers();
  answers.cluster.release = release.requested.text;
  if (id === 'multus' || id === 'sriov') answers.extras.mode = id;
  else answers.choice.forcedCni = id;
  // Flannel enforces no NetworkPolicy: RKE2's default need would block it.
  if (id === 'flannel' || id === 'none') answers.security.policy = 'none';
  try {
    const result = generateBundle(answers);
    if (!result.ok) return { ok: false, reasons: result.blocking.map((f) => explain(f)) };
    const files = result.files.filter(
      (f) => f.path === 'etc/rancher/rke2/config.yaml' || f.path.startsWith(`${HCC_DIR}/`),
    );
    return { ok: true, files };
  } catch (e) {
    return { ok: false, reasons: [`The generator failed: ${e instanceof Error ? e.message : String(e)}`] };
  }
}
