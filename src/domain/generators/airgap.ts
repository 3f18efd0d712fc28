/**
 * The bundle's airgap/ folder, its README section and the preflight check that the images are there:
 * all from airgap/images.ts (release tarballs from rancher/rke2 build-images at the tag, images from the
 * charts' values at the exact chart versions), never a list of our own.
 */
import type { BundlePlan } from './plan';
import { chartValuesFor, type ChartValues } from './chart-values';
import type { ChartName } from '../facts/cni-names';
import { SOURCES, type Source } from '../sources';
import {
  AIRGAP_IMAGES_DIR,
  REGISTRIES_YAML,
  WINDOWS_AIRGAP_IMAGES_DIR,
  airgapArtifacts,
  tarballName,
  type AirgapArtifacts,
} from '../airgap/images';
import { shellQuote } from './shell';
import { toYaml, commentLines } from './yaml';

/** Where the release assets are published (GitHub release of the tag; "+" is %2B in the URL). */
const RELEASE_DOWNLOAD = 'https://github.com/rancher/rke2/releases/download';
/** The placeholder mirror of the registries.yaml example. */
export const EXAMPLE_MIRROR = 'registry.example.com:5000';

const link = (s: Source) => `[${s.title}](${s.url})`;

export function planAirgap(plan: BundlePlan, charts: readonly ChartValues[]): AirgapArtifacts | null {
  const emitted: Partial<Record<ChartName, Record<string, unknown>>> = {};
  for (const c of charts) if (c.chart !== 'rke2-multus-crd') emitted[c.chart] = c.values;
  return airgapArtifacts(
    {
      release: plan.release.row.version.text,
      cni: plan.cni,
      multus: plan.multus,
      sriov: plan.extras === 'sriov',
      arch: plan.answers.nodes.architecture,
      windowsNodes: plan.answers.cluster.windowsNodes,
      awsEni: plan.answers.performance.awsEni,
      emitted,
    },
    plan.release.row.charts,
  );
}

/** "docker.io/rancher/x:1" for a ref without a registry, as RKE2's own rke2-images-*.txt write it. */
export function fullRef(ref: string): string {
  const first = ref.split('/')[0]!;
  return ref.includes('/') && (first.includes('.') || first.includes(':')) ? ref : `docker.io/${ref}`;
}
const registryOf = (ref: string) => fullRef(ref).split('/')[0]!;

function downloadUrl(plan: BundlePlan, file: string): string {
  return `${RELEASE_DOWNLOAD}/${encodeURIComponent(plan.release.requested.text)}/${file}`;
}

/** airgap/images.txt: one image per line, the charts' images first, then SR-IOV's from the multus tarball. */
export function imagesTxt(a: AirgapArtifacts): string {
  return [...new Set([...a.images.map((i) => fullRef(i.ref)), ...a.sriovImages.map(fullRef)])].join('\n') + '\n';
}

/** airgap/tarballs.txt: the release assets to download, one URL a line, then the checksum file. */
export function tarballsTxt(plan: BundlePlan, a: AirgapArtifacts): string {
  const urls = [
    ...a.linuxTarballs.map((t) => downloadUrl(plan, `${t.name}.tar.zst`)),
    downloadUrl(plan, `sha256sum-${a.arch}.txt`),
    ...a.windowsTarballs.map((t) => downloadUrl(plan, `${t.name}.tar.zst`)),
  ];
  return urls.join('\n') + '\n';
}

/** airgap/registries.yaml: a mirror for every registry the images come from (js-yaml over an object). */
export function registriesYaml(a: AirgapArtifacts): string {
  const registries = [...new Set(imagesTxt(a).trim().split('\n').filter(Boolean).map(registryOf))].sort();
  const mirrors = Object.fromEntries(registries.map((r) => [r, { endpoint: [`https://${EXAMPLE_MIRROR}`] }]));
  const doc = {
    mirrors,
    configs: {
      [EXAMPLE_MIRROR]: {
        auth: { username: 'CHANGE-ME', password: 'CHANGE-ME' },
        tls: { ca_file: '/etc/rancher/rke2/registry-ca.crt' },
      },
    },
  };
  return (
    commentLines([
      `${REGISTRIES_YAML} on EVERY node (servers too), before RKE2 starts: containerd pulls through your mirror.`,
      `Replace ${EXAMPLE_MIRROR}, the credentials and the CA; push every image of airgap/images.txt to it first.`,
      `Source: ${SOURCES.rke2PrivateRegistryDocs.url}`,
    ]) + toYaml(doc)
  );
}

/** The files of airgap/ (paths relative to the bundle root). */
export function airgapFiles(
  plan: BundlePlan,
  a: AirgapArtifacts,
): { path: string; contents: string; description: string }[] {
  return [
    {
      path: 'airgap/tarballs.txt',
      contents: tarballsTxt(plan, a),
      description: `Release image tarballs for ${a.arch} nodes (to ${AIRGAP_IMAGES_DIR}/)`,
    },
    {
      path: 'airgap/images.txt',
      contents: imagesTxt(a),
      description: 'Every CNI and add-on image for these chart versions, for a private registry',
    },
    {
      path: 'airgap/registries.yaml',
      contents: registriesYaml(a),
      description: `Example ${REGISTRIES_YAML} for a registry mirror`,
    },
  ];
}

/**
 * The preflight lines that check the images before the first start: each tarball in the images
 * directory, or else a registry that answers. Uses preflight.sh's pass/warn/fail; RKE2_IMAGES_DIR and
 * RKE2_CONFIG_DIR override the paths (tests).
 */
export function airgapPreflight(plan: BundlePlan, a: AirgapArtifacts | null): string[] {
  if (!a) return [];
  const arch = a.arch;
  const b: string[] = [
    '# Air gap: the release image tarballs in the images directory, or a registry that answers (airgap/README section).',
    `IMAGES_DIR="\${RKE2_IMAGES_DIR:-${AIRGAP_IMAGES_DIR}}"`,
    'RKE2_CONF="${RKE2_CONFIG_DIR:-/etc/rancher/rke2}"',
    `case "$(uname -m)" in x86_64|amd64) NODE_ARCH=amd64 ;; aarch64|arm64) NODE_ARCH=arm64 ;; *) NODE_ARCH="$(uname -m)" ;; esac`,
    `if [ "$NODE_ARCH" = ${arch} ]; then pass ${shellQuote(`node architecture ${arch}`)}; else fail "node architecture is $NODE_ARCH, the bundle lists ${arch} tarballs" ${shellQuote("set nodes.architecture to this node's architecture and rebuild the bundle")}; fi`,
    '# has_tarball NAME...: true when any NAME.tar.zst, .tar.gz or .tar is in the images directory and not empty',
    'has_tarball() { local n e; for n in "$@"; do for e in tar.zst tar.gz tar; do [ -s "$IMAGES_DIR/$n.$e" ] && return 0; done; done; return 1; }',
    '# registry_answers URL: the registry API answers (200, or 401 asking for credentials)',
    'registry_answers() { local code; command -v curl >/dev/null 2>&1 || return 1; code="$(curl -sS -o /dev/null -m 10 -w \'%{http_code}\' "${1%/}/v2/" 2>/dev/null)"; [ "$code" = 200 ] || [ "$code" = 401 ]; }',
    'MISSING=""',
  ];
  // rke2-images.linux-<arch> is core plus Canal (scripts/build-images: images.txt = images-core.txt + images-canal.txt).
  const legacy = `rke2-images.linux-${arch}`;
  for (const t of a.linuxTarballs) {
    const names = [t.name];
    if (t.name === tarballName('core', arch) || (plan.cni === 'canal' && t.name === tarballName('canal', arch)))
      names.push(legacy);
    b.push(
      `if has_tarball ${names.map(shellQuote).join(' ')}; then pass ${shellQuote(`${t.name} in`)}" $IMAGES_DIR"; else MISSING="$MISSING ${t.name}"; fi`,
    );
  }
  const extra = a.images.filter((i) => i.tarball === null);
  b.push(
    'if [ -n "$MISSING" ]; then',
    '  # No tarball: containerd pulls, through the first mirror endpoint in registries.yaml if there is one.',
    '  REGISTRY_URL="${AIRGAP_REGISTRY_URL:-}"',
    '  if [ -z "$REGISTRY_URL" ] && [ -f "$RKE2_CONF/registries.yaml" ]; then REGISTRY_URL="$(grep -Eo \'https?://[^"[:space:],]+\' "$RKE2_CONF/registries.yaml" | head -n 1)"; fi',
    '  [ -n "$REGISTRY_URL" ] || REGISTRY_URL=https://registry-1.docker.io',
    '  if registry_answers "$REGISTRY_URL"; then',
    '    pass "no tarball for:$MISSING; the registry $REGISTRY_URL answers (it must hold every image of airgap/images.txt)"',
    '  else',
    `    fail "missing in $IMAGES_DIR:$MISSING, and no registry answers at $REGISTRY_URL" ${shellQuote(`download airgap/tarballs.txt to ${AIRGAP_IMAGES_DIR}/, or push airgap/images.txt to a registry and write ${REGISTRIES_YAML} (airgap/registries.yaml)`)}`,
    '  fi',
  );
  if (extra.length) {
    b.push(
      'else',
      `  warn ${shellQuote(`${extra.length} image(s) the charts pull are in no tarball: ${extra.map((i) => fullRef(i.ref)).join(' ')}`)} ${shellQuote(`push them to your registry mirror (${REGISTRIES_YAML}) or give the nodes access to ${[...new Set(extra.map((i) => registryOf(i.ref)))].join(', ')}`)}`,
    );
  }
  b.push('fi');
  return b;
}

/** airgapPreflight for a plan alone (preflightScript's input): the same charts the bundle emits. */
export function airgapPreflightFor(plan: BundlePlan): string[] {
  const lines = airgapPreflight(plan, planAirgap(plan, chartValuesFor(plan)));
  return lines.length ? ['', ...lines] : [];
}

/** The README's "Air gap" section. */
export function airgapReadme(plan: BundlePlan, a: AirgapArtifacts | null): string[] {
  if (!a) return [];
  const L: string[] = ['## Air gap', ''];
  const row = plan.release.row.version.text;
  if (row !== plan.release.requested.text)
    L.push(
      `The image lists are those of ${row}, the nearest release in the table to ${plan.release.requested.text}.`,
      '',
    );
  L.push(
    `Without internet access every node needs the images before RKE2 starts. Either load the release tarballs on each node, or push the images to a private registry and point containerd at it (${link(SOURCES.rke2AirgapDocs)}).`,
    '',
    `1. **Tarballs.** Download these assets of ${plan.release.requested.text} (${'`airgap/tarballs.txt`'}) and copy them to ${'`'}${AIRGAP_IMAGES_DIR}/${'`'} on every Linux node:`,
    '',
    ...a.linuxTarballs.map((t) => `   - \`${t.name}.tar.zst\`: ${t.why}`),
    '',
    `   \`rke2-images.linux-${a.arch}.tar.zst\` carries the core and **Canal only**: with any other CNI or Multus load the core plus the CNI tarballs above (${link(SOURCES.airgapCniImagesIssue)}, ${link(SOURCES.airgapCiliumImageIssue)}, ${link(SOURCES.airgapDocsFix)}).`,
  );
  if (a.windowsTarballs.length)
    L.push(
      '',
      `   Windows workers: one of ${a.windowsTarballs.map((t) => `\`${t.name}.tar.zst\``).join(', ')} (matching the Windows build) in \`${WINDOWS_AIRGAP_IMAGES_DIR}/\` (${link(SOURCES.rke2WindowsImages)}).`,
    );
  L.push(
    '',
    `2. **Private registry.** Push every image of \`airgap/images.txt\` (${a.images.length + a.sriovImages.length} images: the charts' own images for these chart versions and add-ons, read from their values) and copy \`airgap/registries.yaml\`, edited, to \`${REGISTRIES_YAML}\` on every node (${link(SOURCES.rke2PrivateRegistryDocs)}). Add the images of \`rke2-images-core.linux-${a.arch}.txt\` from the release page.`,
    '',
    '3. `scripts/preflight.sh` checks that each tarball is in place, or else that the registry answers, before the first start.',
    '',
    '| image | component | add-on | in tarball |',
    '|---|---|---|---|',
    ...a.images.map(
      (i) =>
        `| \`${fullRef(i.ref)}\` | ${i.component} | ${i.addon} | ${i.tarball ? `rke2-images-${i.tarball}` : '**none**'} |`,
    ),
    ...a.sriovImages.map((r) => `| \`${fullRef(r)}\` | sriov | sriov | rke2-images-multus |`),
    '',
  );
  if (a.notes.length) L.push(...a.notes.map((n) => `- ${n.text} (${link(n.source)})`), '');
  L.push(`Image lists: ${link(SOURCES.rke2BuildImages)}; ${link(SOURCES.rke2ChartsPerVersion)}.`, '');
  return L;
}
