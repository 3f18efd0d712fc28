import type { Rke2Version } from '../rke2/version';
import { passesGate } from '../rke2/version';
import { GATES } from './gates';
import { SOURCES, type Source } from '../sources';

/**
 * The CIS profile value an RKE2 release accepts. "cis" exists from the cisProfileCis gate
 * (v1.25.15, v1.26.10, v1.27.7, v1.28.2 and every later minor); earlier v1.23+ patches know only
 * "cis-1.23", v1.22 and older "cis-1.6". rke2 exits at start on any other value
 * (pkg/cli/cmds/profile_linux.go: "invalid value provided for --profile flag").
 */
export interface ProfileValue {
  value: 'cis' | 'cis-1.23' | 'cis-1.6';
  source: Source;
}

/** First minor whose every release knows "cis-1.23". */
const CIS_123_FROM_MINOR = 23;

export function cisProfileFor(version: Rke2Version): ProfileValue {
  if (passesGate(version, GATES.cisProfileCis)) return { value: 'cis', source: GATES.cisProfileCis.source };
  if (version.minor >= CIS_123_FROM_MINOR) return { value: 'cis-1.23', source: GATES.cisProfileCis.source };
  return { value: 'cis-1.6', source: SOURCES.hardening };
}

/** Profile values rke2 at this release refuses at start (so the doctor can say which one to use). */
export function profileRejected(version: Rke2Version, value: string): boolean {
  return value === 'cis' && !passesGate(version, GATES.cisProfileCis);
}
