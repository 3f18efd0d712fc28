/**
 * RKE2 release versions look like "v1.33.6+rke2r1": a Kubernetes version plus an RKE2 revision.
 * Source: https://github.com/rancher/rke2/releases (tag naming).
 */
export interface Rke2Version {
  major: number;
  minor: number;
  patch: number;
  /** The rke2 revision: the N in "+rke2rN". */
  revision: number;
  /** Canonical string, e.g. "v1.33.6+rke2r1". */
  text: string;
}

export type VersionParse = { ok: true; version: Rke2Version } | { ok: false; message: string };

const RKE2_VERSION = /^v?(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?:\+rke2r(\d{1,3}))?$/;

/** Parses "v1.33.6+rke2r1" (the "v" and "+rke2rN" are optional; N defaults to 1). Never throws. */
export function parseRke2Version(input: unknown): VersionParse {
  if (typeof input !== 'string') return { ok: false, message: 'An RKE2 release is text such as v1.33.6+rke2r1.' };
  const text = input.trim();
  if (text === '') return { ok: false, message: 'Enter an RKE2 release such as v1.33.6+rke2r1.' };
  if (text.length > 40)
    return { ok: false, message: 'That release string is too long; expected something like v1.33.6+rke2r1.' };
  const m = RKE2_VERSION.exec(text);
  if (!m) return { ok: false, message: `"${text}" is not an RKE2 release. Expected the form v1.33.6+rke2r1.` };
  const [major, minor, patch, revision] = [m[1], m[2], m[3], m[4] ?? '1'].map(Number) as [
    number,
    number,
    number,
    number,
  ];
  if (major !== 1) return { ok: false, message: `"${text}" is not an RKE2 release: RKE2 versions start with v1.` };
  if (revision < 1) return { ok: false, message: `"${text}": the rke2 revision starts at r1.` };
  return { ok: true, version: { major, minor, patch, revision, text: `v${major}.${minor}.${patch}+rke2r${revision}` } };
}

/** Orders by Kubernetes version, then by rke2 revision. */
export function compareVersions(a: Rke2Version, b: Rke2Version): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch || a.revision - b.revision;
}

/**
 * A version gate as the RKE2 docs write them: one minimum patch per minor line,
 * e.g. Flannel "v1.29.2, v1.28.7, v1.27.11, v1.26.14".
 * A release on a listed minor line needs at least that patch. A release on a minor line newer than
 * every listed one passes; an older line fails.
 */
export interface VersionGate {
  /** "1.29.2" style minimums, one per minor line. */
  minimums: readonly string[];
}

export function passesGate(version: Rke2Version, gate: VersionGate): boolean {
  const mins = gate.minimums.map((m) => m.split('.').map(Number) as [number, number, number]);
  const sameLine = mins.find(([maj, min]) => maj === version.major && min === version.minor);
  if (sameLine) return version.patch >= sameLine[2];
  const newestLine = Math.max(...mins.map(([, min]) => min));
  return version.minor > newestLine;
}

/** "v1.29.2 / v1.28.7 / …" for messages. */
export function describeGate(gate: VersionGate): string {
  return gate.minimums.map((m) => `v${m}`).join(' / ');
}

/**
 * The first release with the feature that a user of this release line should move to: the gate's patch on the
 * release's own minor line ("v1.33.8" for a v1.33 release), else the gate's patch on the nearest newer line that
 * has one (a v1.32 release needs at least v1.33.8), else the newest listed line.
 */
export function gateMinimumFor(version: Rke2Version, gate: VersionGate): string {
  const mins = gate.minimums
    .map((m) => ({ text: m, minor: Number(m.split('.')[1]) }))
    .sort((a, b) => a.minor - b.minor);
  const line =
    mins.find((m) => m.minor === version.minor) ?? mins.find((m) => m.minor > version.minor) ?? mins[mins.length - 1]!;
  return `v${line.text}`;
}
