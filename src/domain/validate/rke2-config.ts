import { AGENT_CONFIG_KEYS, SERVER_CONFIG_KEYS } from './generated/key-trees';
import { isMapping, kindOf, show, type Reporter } from './issues';
import { nearest } from './suggest';
import { CNI_CHARTS } from './chart-values';
import { cisProfileFor, profileRejected } from '../facts/profile';
import type { ResolvedRelease } from '../rke2/releases';

const SERVER_KEYS = new Set(SERVER_CONFIG_KEYS);
const AGENT_KEYS = new Set(AGENT_CONFIG_KEYS);

/** RKE2 config files accept "key+" to append to a list flag (k3s configfilearg). */
function flagName(key: string): string {
  return key.endsWith('+') ? key.slice(0, -1) : key;
}

function keyHint(key: string, known: ReadonlySet<string>): string {
  const near = nearest(key, known);
  return near ? ` Did you mean "${near}"?` : ' See the server configuration reference for the flag names.';
}

/** Checks keys and simple types of one RKE2 config file (server or agent). `cni` is checked by the caller (merged view). */
export function checkConfigKeys(
  value: unknown,
  report: Reporter,
  role: 'server' | 'agent',
  release: ResolvedRelease | null = null,
): value is Record<string, unknown> {
  if (!isMapping(value)) {
    report('', 'config.notMapping', { found: kindOf(value) });
    return false;
  }
  for (const [key, v] of Object.entries(value)) {
    const flag = flagName(key);
    if (role === 'server' && !SERVER_KEYS.has(flag))
      report(key, 'config.unknownKey', { key, hint: keyHint(flag, SERVER_KEYS) });
    if (role === 'agent' && !AGENT_KEYS.has(flag)) {
      if (SERVER_KEYS.has(flag)) report(key, 'config.serverKeyInAgent', { key });
      else report(key, 'config.unknownAgentKey', { key, hint: keyHint(flag, AGENT_KEYS) });
    }
    // rke2 exits at start on a profile value its release does not know (pkg/cli/cmds/profile_linux.go).
    if (flag === 'profile' && release && typeof v === 'string' && profileRejected(release.requested, v)) {
      const expected = cisProfileFor(release.requested).value;
      report(key, 'config.profileForRelease', { value: v, release: release.requested.text, expected });
    }
    if (flag === 'disable-kube-proxy' && typeof v !== 'boolean' && v !== 'true' && v !== 'false')
      report(key, 'config.boolean', { key, found: show(v) });
    if (flag === 'disable') {
      const list =
        typeof v === 'string'
          ? v.split(',')
          : Array.isArray(v)
            ? v.filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(','))
            : [];
      for (const chart of list) {
        if ((CNI_CHARTS as readonly string[]).includes(chart.trim()) && chart.trim() !== 'rke2-multus')
          report(key, 'config.disableCniChart', { chart: chart.trim() });
      }
    }
  }
  return true;
}

export function asBool(v: unknown): boolean {
  return v === true || v === 'true';
}

/** A key of the merged config and the file that set it last (config.yaml, then config.yaml.d/* in name order). */
export interface MergedEntry {
  value: unknown;
  file: string;
  key: string;
}

export function mergeConfigs(files: { file: string; value: Record<string, unknown> }[]): Map<string, MergedEntry> {
  const merged = new Map<string, MergedEntry>();
  for (const { file, value } of files) {
    for (const [key, v] of Object.entries(value)) {
      const flag = flagName(key);
      const prev = merged.get(flag);
      if (key.endsWith('+') && prev) {
        const a = Array.isArray(prev.value) ? prev.value : [prev.value];
        merged.set(flag, { value: [...a, ...(Array.isArray(v) ? v : [v])], file, key });
      } else merged.set(flag, { value: v, file, key });
    }
  }
  return merged;
}
