import { SOURCES, type Source } from '../sources';

/**
 * What a Windows worker needs, once: the Windows Server builds RKE2 documents, the Windows features, the
 * config path, and the node label that keeps Linux-only pods off Windows nodes.
 * Source: rke2-facts.md §5; rke2-docs install/requirements.md "Windows" and install/quickstart.md
 * "Windows Agent (Worker) Node Installation" (rke2-docs 9477b7b, 2026-08-20).
 */
export interface WindowsBuild {
  /** "Windows Server 2022 LTSC" */
  name: string;
  /** OS build number (CurrentBuildNumber) */
  build: number;
  /** Lowest update build revision (UBR) RKE2 was validated on: 20348.169 is build 20348, UBR 169. */
  minRevision: number;
}

export interface WindowsFacts {
  /**
   * Tested and validated "and their subsequent non-major releases". The same list for every RKE2 release the
   * wizard knows: the docs keep no per-release list. (rancher/rke2 nightly install tests moved from
   * windows-2019 to windows-2025 in Feb 2026, commit 4e4dcf493, but the docs still list exactly these two.)
   */
  builds: readonly WindowsBuild[];
  /** Optional feature every Windows agent needs (Enable-WindowsOptionalFeature -Online -FeatureName Containers -All). */
  containersFeature: string;
  /** Windows Server features Calico BGP needs, then Install-RemoteAccess -VpnType RoutingOnly (docs: windows_bgp). */
  bgpFeatures: readonly string[];
  /** Where the Windows agent reads its config (rke2.exe agent --config default, written as the docs write it). */
  configPath: string;
  /** Where rke2.exe and its tools go (the docs add both to PATH). */
  binPaths: readonly string[];
  source: Source;
}

export const WINDOWS: WindowsFacts = {
  builds: [
    { name: 'Windows Server 2019 LTSC', build: 17763, minRevision: 2061 },
    { name: 'Windows Server 2022 LTSC', build: 20348, minRevision: 169 },
  ],
  containersFeature: 'Containers',
  bgpFeatures: ['RemoteAccess', 'RSAT-RemoteAccess-PowerShell', 'Routing'],
  configPath: 'c:/etc/rancher/rke2/config.yaml',
  binPaths: ['c:\\var\\lib\\rancher\\rke2\\bin', 'c:\\usr\\local\\bin'],
  source: SOURCES.windowsRequirements,
};

/** "Windows Server 2022 LTSC (build 20348.169 or later)" */
export function windowsBuildText(b: WindowsBuild): string {
  return `${b.name} (build ${b.build}.${b.minRevision} or later)`;
}

/** The well-known node label pods use to stay on Linux nodes (busybox probes, Multus). */
export const LINUX_NODE_SELECTOR: Readonly<Record<string, string>> = Object.freeze({ 'kubernetes.io/os': 'linux' });
export const LINUX_NODE_SELECTOR_SOURCE: Source = SOURCES.kubernetesOsLabel;
