import { DNS1123_LABEL_MAX, DNS1123_SUBDOMAIN_MAX, isDns1123Label, isDns1123Subdomain, objectName } from '../k8s-names';
import { getPath, isMapping, show } from './issues';
import type { ManifestDoc } from './manifests';

/** Kinds whose names the API server checks as RFC 1123 labels rather than subdomains (validation.go, ValidateNamespaceName / ValidateServiceName). */
const LABEL_NAMED_KINDS = new Set(['Namespace', 'Service']);

/**
 * metadata.name (and metadata.namespace) of every object: kubectl apply refuses an object whose name
 * is not an RFC 1123 subdomain (a label for Namespaces and Services). HelmChartConfig names are
 * checked by their own rules (they must name a packaged chart), so a missing one is reported there.
 */
export function checkObjectName(doc: ManifestDoc, kind: string): void {
  const meta = doc.value.metadata;
  const name = isMapping(meta) ? meta.name : undefined;
  if (name === undefined || name === null || name === '') {
    const generated = isMapping(meta) && typeof meta.generateName === 'string';
    if (!generated && kind !== 'HelmChartConfig') doc.report('metadata.name', 'manifest.nameMissing', { kind });
  } else {
    const text = typeof name === 'string' ? name : show(name);
    const label = LABEL_NAMED_KINDS.has(kind);
    const valid = typeof name === 'string' && (label ? isDns1123Label(name) : isDns1123Subdomain(name));
    if (!valid)
      doc.report('metadata.name', 'manifest.nameInvalid', {
        name: text.length > 80 ? `${text.slice(0, 80)}…` : text,
        what: label ? `${kind} name (an RFC 1123 label)` : 'object name (an RFC 1123 subdomain)',
        max: label ? DNS1123_LABEL_MAX : DNS1123_SUBDOMAIN_MAX,
        dots: label ? '' : '; dots may separate such parts',
        suggestion: objectName(text.slice(0, 200)),
      });
  }
  const namespace = getPath(doc.value, 'metadata.namespace');
  if (namespace !== undefined && namespace !== null && !(typeof namespace === 'string' && isDns1123Label(namespace)))
    doc.report('metadata.namespace', 'manifest.namespaceInvalid', {
      name: typeof namespace === 'string' ? namespace.slice(0, 80) : show(namespace),
    });
}
