/**
 * Kubernetes object names. Every name the generators derive from an answer goes through
 * `objectName`, and the bundle doctor checks every `metadata.name` with the validators below.
 *
 * The rules are the API server's own (k8s.io/apimachinery/pkg/util/validation/validation.go):
 * - IsDNS1123Label: at most 63 characters, `[a-z0-9]([-a-z0-9]*[a-z0-9])?`;
 * - IsDNS1123Subdomain: at most 253 characters, labels of that form joined by ".".
 * Most objects (Pods, ConfigMaps, custom resources) need a subdomain; Namespaces and Services need a label.
 */

export const DNS1123_LABEL_MAX = 63;
export const DNS1123_SUBDOMAIN_MAX = 253;

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

export function isDns1123Label(name: string): boolean {
  return name.length <= DNS1123_LABEL_MAX && LABEL.test(name);
}

export function isDns1123Subdomain(name: string): boolean {
  return name.length <= DNS1123_SUBDOMAIN_MAX && SUBDOMAIN.test(name);
}

/** Lowercase, and every character a label cannot hold becomes "-". */
function labelChars(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/**
 * A valid RFC 1123 label made of `base` and an optional `suffix` ("intel_nics" + "policy" gives
 * "intel-nics-policy"): invalid characters become "-", the base is shortened so that the whole
 * name fits in 63 characters, and no "-" is left at either end. A base with nothing usable becomes
 * `fallback`. Names that are already valid come out unchanged, so generated files stay stable.
 */
export function objectName(base: string, suffix = '', fallback = 'object'): string {
  const tail = suffix ? `-${labelChars(suffix).replace(/^-+|-+$/g, '')}` : '';
  const room = DNS1123_LABEL_MAX - tail.length;
  let head = labelChars(base.trim()).replace(/^-+/, '').slice(0, room).replace(/-+$/, '');
  if (!head) head = labelChars(fallback).slice(0, room);
  return `${head}${tail}`;
}
