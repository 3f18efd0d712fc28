/**
 * What an air-gapped node needs for one plan: the release tarballs (by RKE2's own file names) and the
 * image list of the charts it installs, for the exact chart versions of the release, with the add-ons
 * the HelmChartConfig values switch on.
 */
import type { ChartName, PrimaryCni } from '../facts/cni-names';
import type { NodeArchitecture } from '../answers/types';
import { SOURCES, type Source } from '../sources';
import { CALICO_INSTALLATION_KEYS, IMAGE_RULES, type AirgapAddon, type ImageRule, type ValueTest } from './image-rules';
import { CHART_IMAGE_DEFAULTS, IMAGE_LISTS, RELEASE_ARTIFACTS, type ChartImageDefaults } from './generated/airgap-data';
import { imageRef, valueAt, type Values } from './values';

/** Where RKE2 imports image tarballs from at every start (RKE2 docs: Air-gap install). */
export const AIRGAP_IMAGES_DIR = '/var/lib/rancher/rke2/agent/images';
/** The same on Windows agents (RKE2 docs: Windows air-gap install). */
export const WINDOWS_AIRGAP_IMAGES_DIR = 'c:/var/lib/rancher/rke2/agent/images';
/** Where containerd's mirror configuration lives (RKE2 docs: Private registry configuration). */
export const REGISTRIES_YAML = '/etc/rancher/rke2/registries.yaml';

export type CniTarball = 'canal' | 'calico' | 'cilium' | 'flannel' | 'multus';

export interface NeededImage {
  /** repository:tag as the chart names it (registry in front when not docker.io). */
  ref: string;
  chart: ChartName;
  component: string;
  addon: AirgapAddon;
  /** The release tarball that carries it, or null when none does (mirror it yourself). */
  tarball: CniTarball | null;
}

export interface Tarball {
  /** File name without the compression suffix, e.g. "rke2-images-cilium.linux-amd64". */
  name: string;
  /** Why the node needs it. */
  why: string;
}

export interface AirgapNote {
  text: string;
  source: Source;
}

export interface AirgapArtifacts {
  arch: NodeArchitecture;
  /** The release whose artifacts are listed (the release-table row). */
  release: string;
  linuxTarballs: Tarball[];
  windowsTarballs: Tarball[];
  images: NeededImage[];
  /** SR-IOV operator images the release's multus tarball carries (empty: none, mirror the operator's own chart). */
  sriovImages: string[];
  notes: AirgapNote[];
}

export interface AirgapInput {
  release: string;
  cni: PrimaryCni;
  multus: boolean;
  sriov: boolean;
  arch: NodeArchitecture;
  windowsNodes: boolean;
  awsEni: boolean;
  /** The HelmChartConfig values the bundle emits, per chart (nested objects, as valuesContent). */
  emitted: Partial<Record<ChartName, Values>>;
}

function holds(test: ValueTest, value: unknown): boolean {
  const v = value === null && test.whenNull !== undefined ? test.whenNull : value;
  if (test.equals === true) return v === true;
  if (test.equals === false) return v !== true;
  return v === test.equals;
}

/** The chart's default for a key laid under what the bundle emits. */
function effective(defaults: ChartImageDefaults, emitted: Values | undefined, path: string): unknown {
  const own = emitted ? valueAt(emitted, defaults.prefix + path) : undefined;
  return own !== undefined ? own : defaults.toggles[path];
}

function ruleImage(rule: ImageRule, defaults: ChartImageDefaults, emitted: Values | undefined, awsEni: boolean) {
  if (!(rule.when ?? []).every((t) => holds(t, effective(defaults, emitted, t.path)))) return null;
  for (const path of rule.paths) {
    const own = emitted ? imageRef(valueAt(emitted, defaults.prefix + path)) : null;
    const ref = own ?? defaults.images[path];
    if (!ref) continue;
    if (!rule.operatorSuffix) return ref;
    // cilium templates/_helpers.tpl: <repository>-<cloud><suffix>:<tag>, cloud "aws" with ENI, else "generic".
    const at = ref.lastIndexOf(':');
    return `${ref.slice(0, at)}-${awsEni ? 'aws' : 'generic'}${ref.slice(at)}`;
  }
  return null;
}

/** The images one chart version renders with these values; [] when the version is not in the data. */
export function chartImages(
  chart: ChartName,
  version: string,
  emitted: Values | undefined,
  awsEni: boolean,
  calicoTarball: readonly string[] = [],
): Omit<NeededImage, 'tarball'>[] {
  const defaults = CHART_IMAGE_DEFAULTS[chart]?.[version];
  if (!defaults) return [];
  const out: Omit<NeededImage, 'tarball'>[] = [];
  for (const rule of IMAGE_RULES[chart]) {
    const ref = ruleImage(rule, defaults, emitted, awsEni);
    if (ref) out.push({ ref, chart, component: rule.component, addon: rule.addon });
  }
  if (chart === 'rke2-calico') {
    // The operator pulls <registry>/<imagePath>/<imagePrefix><component>:<calico version>; the version is calicoctl's.
    const [registry, imagePath, imagePrefix] = CALICO_INSTALLATION_KEYS.map((k) => effective(defaults, emitted, k));
    const ctl = defaults.images.calicoctl;
    const version = ctl ? ctl.slice(ctl.lastIndexOf(':') + 1) : '';
    const start = `${typeof imagePath === 'string' && imagePath ? `${imagePath}/` : ''}${typeof imagePrefix === 'string' ? imagePrefix : ''}`;
    const reg = typeof registry === 'string' && registry && registry !== 'docker.io' ? `${registry}/` : '';
    const own = new Set(out.map((i) => i.ref));
    for (const ref of calicoTarball) {
      if (!ref.startsWith(start) || !ref.endsWith(`:${version}`) || own.has(ref)) continue;
      out.push({ ref: reg + ref, chart, component: ref.slice(start.length, ref.lastIndexOf(':')), addon: 'base' });
    }
  }
  return out;
}

const CHART_OF: Record<Exclude<PrimaryCni, 'none'>, ChartName> = {
  canal: 'rke2-canal',
  calico: 'rke2-calico',
  cilium: 'rke2-cilium',
  flannel: 'rke2-flannel',
};

export function tarballName(tarball: 'core' | CniTarball, arch: NodeArchitecture): string {
  return `rke2-images-${tarball}.linux-${arch}`;
}

/** Every artifact an air-gapped node of this plan needs, or null for a release the data does not hold. */
export function airgapArtifacts(
  input: AirgapInput,
  chartVersions: Readonly<Record<ChartName, string | null>>,
): AirgapArtifacts | null {
  const rel = RELEASE_ARTIFACTS[input.release];
  if (!rel) return null;
  const { arch } = input;
  const notes: AirgapNote[] = [];
  const list = (t: CniTarball) => (rel.tarballs[t] !== undefined ? IMAGE_LISTS[rel.tarballs[t]!]! : null);

  const linuxTarballs: Tarball[] = [
    {
      name: tarballName('core', arch),
      why: 'RKE2 itself: runtime, Kubernetes, etcd, CoreDNS, metrics-server',
    },
  ];
  const cniTarballs: CniTarball[] = [];
  if (input.multus) cniTarballs.push('multus');
  if (input.cni !== 'none') cniTarballs.push(input.cni);
  for (const t of cniTarballs) {
    if (!list(t)) {
      notes.push({
        text: `RKE2 ${input.release} publishes no rke2-images-${t} tarball: push the ${t} images below to a registry.`,
        source: SOURCES.rke2BuildImages,
      });
      continue;
    }
    linuxTarballs.push({
      name: tarballName(t, arch),
      why:
        t === 'multus' ? 'Multus, its CNI plugins and Whereabouts' : `the ${t} CNI (rke2-images-core carries no CNI)`,
    });
  }
  if (arch === 'arm64' && !rel.arm64)
    notes.push({
      text: `RKE2 ${input.release} publishes no arm64 artifacts (arm64 starts with v1.27.3+rke2r1): use amd64 nodes or a newer release.`,
      source: SOURCES.rke2Arm64Pr,
    });
  else if (arch === 'arm64')
    for (const t of cniTarballs.filter((c) => rel.notArm64.includes(c)))
      notes.push({
        text: `RKE2 ${input.release} builds no arm64 rke2-images-${t} tarball: pull its images from a registry mirror instead.`,
        source: SOURCES.rke2BuildImages,
      });

  const windowsTarballs: Tarball[] = input.windowsNodes
    ? rel.windows.map((name) => ({
        name,
        why: `Windows workers on ${/-(\w+)-amd64/.exec(name)?.[1] ?? 'Windows'} (amd64 only)`,
      }))
    : [];

  const charts: ChartName[] = [];
  if (input.multus) charts.push('rke2-multus');
  if (input.cni !== 'none') charts.push(CHART_OF[input.cni]);
  const images: NeededImage[] = [];
  for (const chart of charts) {
    const version = chartVersions[chart];
    if (!version) continue;
    for (const img of chartImages(chart, version, input.emitted[chart], input.awsEni, list('calico') ?? [])) {
      if (images.some((i) => i.ref === img.ref)) continue;
      // Any tarball the node loads will do: the multus and CNI tarballs share images (cni-plugins).
      const tarball = cniTarballs.find((t) => list(t)?.includes(img.ref)) ?? null;
      images.push({ ...img, tarball });
    }
  }
  const missing = images.filter((i) => i.tarball === null);
  if (missing.length && cniTarballs.length)
    notes.push({
      text: `${missing.length} image(s) the charts pull are in no RKE2 tarball of ${input.release} (${missing.map((m) => m.component).join(', ')}): push them to your registry even when you load the tarballs.`,
      source: missing.some((m) => m.addon.startsWith('hubble'))
        ? SOURCES.hubbleAirgapIssue
        : SOURCES.airgapCniImagesIssue,
    });

  if (input.cni === 'calico')
    notes.push({
      text: `Calico's own images (node, cni, typha, kube-controllers, ...) are pulled by the tigera operator from installation.imagePath and imagePrefix at the calicoctl version; they are listed as the release's rke2-images-calico carries them, optional ones (apiserver, csi, goldmane, whisker) included.`,
      source: SOURCES.calicoValues,
    });
  const sriovImages = input.sriov ? (list('multus') ?? []).filter((r) => /sriov/.test(r)) : [];
  if (input.sriov)
    notes.push({
      text: sriovImages.length
        ? `The SR-IOV operator images are in the multus tarball of ${input.release}; the operator chart itself is installed separately.`
        : `No RKE2 tarball of ${input.release} carries SR-IOV images: mirror the images of the sriov-network-operator chart you install.`,
      source: SOURCES.rke2BuildImages,
    });
  return { arch, release: input.release, linuxTarballs, windowsTarballs, images, sriovImages, notes };
}
