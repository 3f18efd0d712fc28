import type { Source } from '../sources';

/** What the bundle doctor says about one place in one file. */
export interface ValidationIssue {
  /** Bundle-relative file path, e.g. "var/lib/rancher/rke2/server/manifests/rke2-cilium-config.yaml". */
  file: string;
  /** Key path inside the file, e.g. "spec.valuesContent.kubeProxyReplacement"; "" for the whole file. */
  keyPath: string;
  messageId: string;
  message: string;
  severity: 'error' | 'warning';
  source?: Source;
}
