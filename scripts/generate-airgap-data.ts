/**
 * Builds src/domain/airgap/generated/airgap-data.ts from two local git mirrors (not committed here):
 *   npx tsx scripts/generate-airgap-data.ts <rancher/rke2 git dir> <rancher/rke2-charts git dir>
 *
 * For every release of the release table (src/domain/rke2/generated/release-table.ts):
 * - the image list of each CNI tarball, from `scripts/build-images` at the release tag (the heredoc that
 *   writes images-<cni>.txt; `${REGISTRY}/` dropped, other variables resolved from scripts/version.sh);
 * - whether arm64 artifacts were built (.drone.yml pipeline build-arm64, or arm64 in the release workflow);
 * - the Windows image tarballs (scripts/package-windows-images).
 * For every chart version the table names: the image refs and toggle defaults the rules in
 * src/domain/airgap/image-rules.ts read, from charts/<chart>/<chart>/<version>/values.yaml on branch main
 * (subcharts mounted under their name, parent values over them, as Helm coalesces them).
 */
import { writeFileSync } from 'node:fs';
import { RELEASE_ROWS } from '../src/domain/rke2/generated/release-table';
import { IMAGE_RULES, SUBCHART_PREFIX, ruleKeys } from '../src/domain/airgap/image-rules';
import { imageRef, valueAt } from '../src/domain/airgap/values';
import type { ChartName } from '../src/domain/facts/cni-names';
import { gitShow, mergedValues, tableVersions } from './lib/rke2-charts-git';

const [rke2GitArg, chartsGitArg] = process.argv.slice(2);
if (!rke2GitArg || !chartsGitArg) {
  console.error('usage: tsx scripts/generate-airgap-data.ts <rke2 git dir> <rke2-charts git dir>');
  process.exit(2);
}
const rke2Git: string = rke2GitArg;
const chartsGit: string = chartsGitArg;

function tagExists(dir: string, tag: string): boolean {
  return gitShow(dir, `${tag}:scripts/build-images`) !== null;
}

const CNI_TARBALLS = ['canal', 'calico', 'cilium', 'flannel', 'multus'] as const;
type CniTarball = (typeof CNI_TARBALLS)[number];

/** version.sh defaults: NAME=${NAME:-default} or NAME=default. */
function versionVars(text: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const m =
      /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=\$\{\1:-([^}]*)\}\s*$/.exec(line) ??
      /^\s*(?:export\s+)?([A-Z_][A-Z0-9_]*)=([^\s$`"']+)\s*$/.exec(line);
    if (m && !(m[1]! in vars)) vars[m[1]!] = m[2]!;
  }
  return vars;
}

interface Tarballs {
  lists: Partial<Record<CniTarball, string[]>>;
  /** GOARCH values a CNI heredoc is excluded from (e.g. s390x). */
  excluded: Partial<Record<CniTarball, string[]>>;
}

function parseBuildImages(text: string, vars: Record<string, string>): Tarballs {
  const lines = text.split('\n');
  const lists: Tarballs['lists'] = {};
  const excluded: Tarballs['excluded'] = {};
  const conds: string[][] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*if\b/.test(line)) {
      const ex = [...line.matchAll(/"\$\{?GOARCH\}?"\s*!=\s*"(\w+)"/g)].map((m) => m[1]!);
      const only = [...line.matchAll(/"\$\{?GOARCH\}?"\s*==?\s*"(\w+)"/g)].map((m) => `only:${m[1]!}`);
      conds.push([...ex, ...only]);
    } else if (/^\s*fi\b/.test(line)) conds.pop();
    const m = /<<\s*EOF\s*>>?\s*\S*images-(\w+)\.txt/.exec(line);
    if (!m) continue;
    const name = m[1]!;
    const block: string[] = [];
    for (i++; i < lines.length && lines[i]!.trim() !== 'EOF'; i++) if (lines[i]!.trim()) block.push(lines[i]!.trim());
    if (!(CNI_TARBALLS as readonly string[]).includes(name)) continue;
    const refs = block.map((b) =>
      b.replace(/^\$\{REGISTRY\}\//, '').replace(/\$\{(\w+)\}/g, (_, v: string) => {
        const value = vars[v];
        if (value === undefined) throw new Error(`unresolved \${${v}} in images-${name}.txt`);
        return value;
      }),
    );
    lists[name as CniTarball] = refs;
    const ex = conds.flat();
    if (ex.length) excluded[name as CniTarball] = ex;
  }
  return { lists, excluded };
}

// ---- releases ----
const imageLists: string[][] = [];
const listIndex = new Map<string, number>();
function listId(refs: string[]): number {
  const key = refs.join('\n');
  let id = listIndex.get(key);
  if (id === undefined) {
    id = imageLists.length;
    imageLists.push(refs);
    listIndex.set(key, id);
  }
  return id;
}

interface ReleaseOut {
  tarballs: Partial<Record<CniTarball, number>>;
  arm64: boolean;
  notArm64: CniTarball[];
  windows: string[];
}
const releases: Record<string, ReleaseOut> = {};
for (const [release] of RELEASE_ROWS) {
  const ref = tagExists(rke2Git, release) ? release : 'HEAD';
  if (ref === 'HEAD') {
    const head = gitShow(rke2Git, 'HEAD:scripts/version.sh') ?? '';
    console.warn(`${release}: no tag in the mirror, reading HEAD (${head ? 'ok' : 'missing'})`);
  }
  const build = gitShow(rke2Git, `${ref}:scripts/build-images`);
  if (!build) throw new Error(`${release}: no scripts/build-images`);
  const vars = versionVars(gitShow(rke2Git, `${ref}:scripts/version.sh`) ?? '');
  const parsed = parseBuildImages(build, vars);
  for (const [cni, ex] of Object.entries(parsed.excluded))
    if (ex.some((e) => e === 'amd64' || e.startsWith('only:')))
      throw new Error(`${release}: images-${cni}.txt depends on the architecture (${ex.join(', ')}); teach the data`);
  const tarballs: ReleaseOut['tarballs'] = {};
  const notArm64: CniTarball[] = [];
  for (const cni of CNI_TARBALLS) {
    const refs = parsed.lists[cni];
    if (refs) tarballs[cni] = listId(refs);
    if (parsed.excluded[cni]?.includes('arm64')) notArm64.push(cni);
  }
  const drone = gitShow(rke2Git, `${ref}:.drone.yml`) ?? '';
  const workflow = gitShow(rke2Git, `${ref}:.github/workflows/release.yml`) ?? '';
  const arm64 = /name:\s*build-arm64\b/.test(drone) || /\barm64\b/.test(workflow);
  const win = gitShow(rke2Git, `${ref}:scripts/package-windows-images`) ?? '';
  const windows = [...new Set([...win.matchAll(/(rke2-windows-[a-z0-9]+-amd64-images)\.tar/g)].map((m) => m[1]!))];
  releases[release] = { tarballs, arm64, notArm64, windows };
}

// ---- chart values ----
interface ChartOut {
  prefix: string;
  images: Record<string, string>;
  toggles: Record<string, unknown>;
}
const charts: Record<string, Record<string, ChartOut>> = {};
for (const chart of Object.keys(IMAGE_RULES) as ChartName[]) {
  const versions = tableVersions(chart);
  charts[chart] = {};
  for (const version of versions) {
    const values = mergedValues(chartsGit, chart, version);
    if (!values) throw new Error(`${chart} ${version}: no values.yaml on rke2-charts main`);
    const wrap = SUBCHART_PREFIX[chart];
    const prefix = wrap && imageRef(valueAt(values, `${wrap}image`)) ? wrap : '';
    const { images, toggles } = ruleKeys(chart);
    const out: ChartOut = { prefix, images: {}, toggles: {} };
    for (const path of images) {
      const ref = imageRef(valueAt(values, prefix + path));
      if (ref) out.images[path] = ref;
    }
    for (const path of toggles) {
      const v = valueAt(values, prefix + path);
      if (v !== undefined) out.toggles[path] = v;
    }
    charts[chart][version] = out;
  }
}

const sortObj = <T>(o: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));

// JSON.parse over a string literal, not an object literal: a string is scanned, not parsed as code,
// so the CLI (one file that also holds this table) starts faster and only the commands that read it
// pay for it. V8 parses JSON faster than the equivalent JavaScript (v8.dev/blog/cost-of-javascript-2019).
const json = (v: unknown) => `JSON.parse(${JSON.stringify(JSON.stringify(v))})`;
const body = [
  '// GENERATED by scripts/generate-airgap-data.ts from rancher/rke2 (scripts/build-images, scripts/version.sh,',
  '// .drone.yml / .github/workflows/release.yml, scripts/package-windows-images at each release tag) and',
  '// rancher/rke2-charts branch main (charts/<chart>/<chart>/<version>/values.yaml). Do not edit by hand.',
  '',
  '/** Distinct image lists (repository:tag, no registry), referred to by index below. */',
  `export const IMAGE_LISTS: readonly (readonly string[])[] = ${json(imageLists)};`,
  '',
  'export interface ReleaseArtifacts {',
  '  /** rke2-images-<cni>.linux-<arch>.txt of the release, as an index into IMAGE_LISTS; absent: no such tarball. */',
  '  readonly tarballs: Readonly<Partial<Record<"canal" | "calico" | "cilium" | "flannel" | "multus", number>>>;',
  '  /** arm64 artifacts were built for this release. */',
  '  readonly arm64: boolean;',
  '  /** CNI tarballs this release did not build for arm64 (a GOARCH condition in build-images). */',
  '  readonly notArm64: readonly ("canal" | "calico" | "cilium" | "flannel" | "multus")[];',
  '  /** Windows image tarballs (amd64), without .tar.zst. */',
  '  readonly windows: readonly string[];',
  '}',
  '',
  `export const RELEASE_ARTIFACTS: Readonly<Record<string, ReleaseArtifacts>> = ${json(releases)};`,
  '',
  'export interface ChartImageDefaults {',
  '  /** Key prefix of a wrapping chart ("cilium." for rke2-cilium before 1.11), else "". */',
  '  readonly prefix: string;',
  '  /** Image key (without prefix) -> repository:tag, as the chart version ships it. */',
  '  readonly images: Readonly<Record<string, string>>;',
  '  /** Toggle key (without prefix) -> default value; absent keys are absent from the chart. */',
  '  readonly toggles: Readonly<Record<string, unknown>>;',
  '}',
  '',
  `export const CHART_IMAGE_DEFAULTS: Readonly<Record<string, Readonly<Record<string, ChartImageDefaults>>>> = ${json(
    Object.fromEntries(Object.entries(charts).map(([c, v]) => [c, sortObj(v)])),
  )};`,
  '',
].join('\n');
writeFileSync('src/domain/airgap/generated/airgap-data.ts', body);
console.log(`wrote ${Object.keys(releases).length} releases, ${imageLists.length} image lists`);
