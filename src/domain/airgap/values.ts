/**
 * Reading Helm values the way Helm does, for image refs: nested objects, dotted key paths, subcharts
 * mounted under their name with the parent's values laid over them.
 */

export type Values = Record<string, unknown>;

function isObject(v: unknown): v is Values {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The value at a dotted path ("hubble.relay.image"), or undefined when any step is missing. */
export function valueAt(values: unknown, path: string): unknown {
  let node: unknown = values;
  for (const key of path.split('.')) {
    if (!isObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

/** Helm's coalescing: `over` wins key by key; objects merge, anything else replaces. */
export function mergeValues(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObject(b) && isObject(v) ? mergeValues(b, v) : v;
  }
  return out;
}

/**
 * "repository:tag" of an image object as the RKE2 charts write them: {repository, tag} (most charts),
 * {image, tag} (calicoctl) or {image, version} (tigeraOperator). A registry other than docker.io is
 * kept in front. Null when the object names no image.
 */
export function imageRef(value: unknown): string | null {
  if (!isObject(value)) return null;
  const repo =
    typeof value.repository === 'string' ? value.repository : typeof value.image === 'string' ? value.image : '';
  const tagValue = value.tag ?? value.version;
  const tag = typeof tagValue === 'string' || typeof tagValue === 'number' ? String(tagValue) : '';
  if (!repo || !tag) return null;
  const registry = typeof value.registry === 'string' ? value.registry.trim() : '';
  const prefix = registry && registry !== 'docker.io' ? `${registry.replace(/\/+$/, '')}/` : '';
  return `${prefix}${repo}:${tag}`;
}
