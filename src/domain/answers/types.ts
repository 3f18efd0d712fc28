import type { PrimaryCni } from '../facts/cni-names';

/**
 * One typed model of everything the wizard asks. Nested by wizard step so that form field
 * names ("addressing.clusterCidrV4") double as error keys.
 * Defaults are RKE2's own (see defaults.ts for each source).
 */
export const MANAGEMENT_MODES = ['standalone', 'rancher'] as const;
export const CLUSTER_SIZES = ['single', 'small', 'large'] as const;
export const POLICY_NEEDS = ['none', 'kubernetes', 'l7'] as const;
export const ENCRYPTIONS = ['none', 'wireguard', 'ipsec'] as const;
export const IP_FAMILIES = ['ipv4', 'dual', 'ipv6'] as const;
export const EXTRA_INTERFACE_MODES = ['none', 'multus', 'sriov'] as const;
export const SECONDARY_TYPES = ['macvlan', 'ipvlan', 'bridge', 'host-device'] as const;
export const SECONDARY_IPAMS = ['host-local', 'whereabouts', 'dhcp', 'static'] as const;
export const SRIOV_DEVICE_TYPES = ['netdevice', 'vfio-pci'] as const;
/** CPU architecture of the Linux nodes: RKE2 publishes its image tarballs per architecture (Windows workers: amd64 only). */
export const NODE_ARCHITECTURES = ['amd64', 'arm64'] as const;
export const FORCED_CNI_CHOICES = ['auto', 'canal', 'calico', 'cilium', 'flannel', 'none'] as const;
/** OS presets for the oldest node; each maps to a kernel (os-presets.ts). */
export const OS_PRESETS = [
  'custom',
  'rhel-8.10',
  'rhel-9',
  'rhel-10',
  'sles-15-sp6',
  'sle-micro-6',
  'ubuntu-22.04',
  'ubuntu-24.04',
  'debian-12',
] as const;

export type ManagementMode = (typeof MANAGEMENT_MODES)[number];
export type ClusterSize = (typeof CLUSTER_SIZES)[number];
export type PolicyNeed = (typeof POLICY_NEEDS)[number];
export type Encryption = (typeof ENCRYPTIONS)[number];
export type IpFamily = (typeof IP_FAMILIES)[number];
export type ExtraInterfaceMode = (typeof EXTRA_INTERFACE_MODES)[number];
export type SecondaryType = (typeof SECONDARY_TYPES)[number];
export type SecondaryIpam = (typeof SECONDARY_IPAMS)[number];
export type SriovDeviceType = (typeof SRIOV_DEVICE_TYPES)[number];
export type NodeArchitecture = (typeof NODE_ARCHITECTURES)[number];
export type ForcedCniChoice = (typeof FORCED_CNI_CHOICES)[number];
export type OsPreset = (typeof OS_PRESETS)[number];

export interface Answers {
  cluster: {
    /** Exact RKE2 release, e.g. "v1.33.6+rke2r1". */
    release: string;
    management: ManagementMode;
    size: ClusterSize;
    windowsNodes: boolean;
    cisProfile: boolean;
  };
  nodes: {
    osPreset: OsPreset;
    /** Oldest node kernel, "major.minor" or "major.minor.patch". */
    kernel: string;
    /** Node interface for the overlay; "" lets the CNI autodetect. */
    interface: string;
    /** IPv4 subnet of the node addresses; with Windows workers Calico detects node addresses from it. "" for none. */
    nodeCidr: string;
    /** MTU of the underlay network (1280 to 9216). */
    underlayMtu: number;
    /** CPU architecture of the Linux nodes: which air-gap tarballs (rke2-images-*.linux-<arch>) they load. */
    architecture: NodeArchitecture;
  };
  security: {
    policy: PolicyNeed;
    encryption: Encryption;
  };
  addressing: {
    ipFamily: IpFamily;
    /** Used for ipv4 and dual. */
    clusterCidrV4: string;
    serviceCidrV4: string;
    /** Used for dual and ipv6. */
    clusterCidrV6: string;
    serviceCidrV6: string;
  };
  extras: {
    mode: ExtraInterfaceMode;
    secondary: {
      /** NetworkAttachmentDefinition name (DNS-1123 label). */
      name: string;
      namespace: string;
      type: SecondaryType;
      /** Host interface the secondary network attaches to (macvlan/ipvlan master, host-device). */
      master: string;
      ipam: SecondaryIpam;
      subnet: string;
      rangeStart: string;
      rangeEnd: string;
      gateway: string;
    };
    sriov: {
      resourceName: string;
      /** Physical function names, comma separated (e.g. "ens1f0"). */
      pfNames: string;
      numVfs: number;
      deviceType: SriovDeviceType;
      vlan: number;
    };
  };
  performance: {
    kubeProxyReplacement: boolean;
    /** API server endpoint used by the eBPF dataplane instead of kube-proxy. */
    apiServerHost: string;
    apiServerPort: number;
    observability: boolean;
    bandwidthManager: boolean;
    awsEni: boolean;
    bgp: {
      enabled: boolean;
      peerAddress: string;
      peerAsn: number;
      localAsn: number;
    };
  };
  choice: {
    forcedCni: ForcedCniChoice;
  };
}

export type FieldPath = string;

/** parseAnswers result: never throws. */
export type ParseResult =
  | {
      ok: true;
      answers: Answers;
      /** Ignored input: unknown keys, and invalid values of fields these answers do not use (reset to defaults). */
      dropped: FieldPath[];
    }
  | {
      ok: false;
      errors: FieldError[];
      /** the best valid answers that could be kept */
      partial: Answers;
      /** Unknown keys and unused invalid fields that were ignored, as in the ok case (for CLI warnings). */
      dropped?: FieldPath[];
    };

export interface FieldError {
  /** Dot path of the field, e.g. "addressing.clusterCidrV4". */
  field: FieldPath;
  messageId: string;
  message: string;
  /**
   * Other fields the error depends on (a cross-field check: the pod CIDR of an overlapping service
   * CIDR; the switch that makes a required field used). Kept together when a last valid value is used.
   */
  related?: FieldPath[];
}

export type { PrimaryCni };
