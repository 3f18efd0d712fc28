import type { OsPreset } from './answers/types';
import type { Source } from './sources';

/** A Linux kernel version, compared by major.minor.patch. */
export interface KernelVersion {
  major: number;
  minor: number;
  patch: number;
  text: string;
}

const KERNEL = /^(\d{1,2})\.(\d{1,3})(?:\.(\d{1,4}))?(?:[-+._~][0-9A-Za-z._~+-]*)?$/;

/** Accepts "5.14", "5.14.0", "5.14.0-427.el9.x86_64" (uname -r). Never throws. */
export function parseKernel(input: unknown): { ok: true; kernel: KernelVersion } | { ok: false; message: string } {
  if (typeof input !== 'string' || input.trim() === '')
    return { ok: false, message: 'Enter the oldest node kernel, e.g. 5.14 or the output of uname -r.' };
  const text = input.trim();
  if (text.length > 64)
    return { ok: false, message: 'That kernel version is too long; expected something like 5.14.0-427.el9.x86_64.' };
  const m = KERNEL.exec(text);
  if (!m)
    return {
      ok: false,
      message: `"${text}" is not a kernel version. Expected major.minor, e.g. 5.14, or the output of uname -r.`,
    };
  const major = Number(m[1]);
  const minor = Number(m[2]);
  const patch = Number(m[3] ?? '0');
  if (major < 2 || major > 20) return { ok: false, message: `"${text}" is not a plausible Linux kernel version.` };
  return {
    ok: true,
    kernel: { major, minor, patch, text: `${major}.${minor}${m[3] !== undefined ? `.${patch}` : ''}` },
  };
}

export function compareKernel(a: KernelVersion, b: KernelVersion): number {
  return a.major - b.major || a.minor - b.minor || a.patch - b.patch;
}

/** True when kernel >= min ("5.10", "4.19.57"). */
export function kernelAtLeast(kernel: KernelVersion, min: string): boolean {
  const parsed = parseKernel(min);
  if (!parsed.ok) throw new Error(`bad kernel constant ${min}`);
  return compareKernel(kernel, parsed.kernel) >= 0;
}

export interface OsPresetInfo {
  id: OsPreset;
  label: string;
  /** Kernel the OS ships ("custom" keeps what the user typed). */
  kernel: string;
  /** RHEL 8.10 backports eBPF features: Cilium 1.18+ accepts its 4.18 kernel. */
  rhel8Backports?: boolean;
  source: Source;
}

const DISTRO = (title: string, url: string): Source => ({ title, url });

export const OS_PRESET_INFO: Readonly<Record<OsPreset, OsPresetInfo>> = {
  custom: {
    id: 'custom',
    label: 'Other (type the kernel)',
    kernel: '',
    source: DISTRO('uname -r on your oldest node', 'https://man7.org/linux/man-pages/man1/uname.1.html'),
  },
  'rhel-8.10': {
    id: 'rhel-8.10',
    label: 'RHEL / Rocky / Alma 8.10',
    kernel: '4.18',
    rhel8Backports: true,
    source: DISTRO('Red Hat: RHEL release dates and kernels', 'https://access.redhat.com/articles/3078'),
  },
  'rhel-9': {
    id: 'rhel-9',
    label: 'RHEL / Rocky / Alma 9',
    kernel: '5.14',
    source: DISTRO('Red Hat: RHEL release dates and kernels', 'https://access.redhat.com/articles/3078'),
  },
  'rhel-10': {
    id: 'rhel-10',
    label: 'RHEL 10',
    kernel: '6.12',
    source: DISTRO('Red Hat: RHEL release dates and kernels', 'https://access.redhat.com/articles/3078'),
  },
  'sles-15-sp6': {
    id: 'sles-15-sp6',
    label: 'SLES 15 SP6',
    kernel: '6.4',
    source: DISTRO('SUSE: kernel versions of SLES releases', 'https://www.suse.com/support/kb/doc/?id=000019587'),
  },
  'sle-micro-6': {
    id: 'sle-micro-6',
    label: 'SLE Micro 6.x',
    kernel: '6.4',
    source: DISTRO('SUSE: kernel versions of SLES releases', 'https://www.suse.com/support/kb/doc/?id=000019587'),
  },
  'ubuntu-22.04': {
    id: 'ubuntu-22.04',
    label: 'Ubuntu 22.04 LTS',
    kernel: '5.15',
    source: DISTRO('Ubuntu kernel release cycle', 'https://ubuntu.com/kernel/lifecycle'),
  },
  'ubuntu-24.04': {
    id: 'ubuntu-24.04',
    label: 'Ubuntu 24.04 LTS',
    kernel: '6.8',
    source: DISTRO('Ubuntu kernel release cycle', 'https://ubuntu.com/kernel/lifecycle'),
  },
  'debian-12': {
    id: 'debian-12',
    label: 'Debian 12',
    kernel: '6.1',
    source: DISTRO('Debian 12 release notes', 'https://www.debian.org/releases/bookworm/'),
  },
};
