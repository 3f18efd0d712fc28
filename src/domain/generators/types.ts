import type { Finding } from '../engine/types';

/** One file of the bundle. `path` mirrors where it goes on the node (no leading slash). */
export interface BundleFile {
  path: string;
  contents: string;
  /** One line for the file tree and the bundle README. */
  description: string;
  /** Shell scripts are marked executable in the zip. */
  executable?: boolean;
  /** Keys holding <...> placeholders the user must fill in before use (the README lists them from here). */
  fillIn?: readonly string[];
}

export type BundleResult =
  | {
      ok: true;
      files: BundleFile[];
      /** e.g. "rke2-cni-cilium-v1.33.6-rke2r1" (bundleName): the zip name and its root folder */ name: string;
    }
  | { ok: false; blocking: Finding[] };
