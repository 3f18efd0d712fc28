import type { CompiledError, CompiledValidator } from './compiled-validator';
import { show, type Reporter } from './issues';
import type { Source } from '../sources';

/** "/spec/ipPools/0/cidr" -> "spec.ipPools[0].cidr" (JSON pointer to our key-path notation). */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  let out = '';
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part;
  }
  return out;
}

function valueAt(root: unknown, pointer: string): unknown {
  let node = root;
  for (const raw of pointer.split('/').slice(1)) {
    const part = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'number') return Number.isInteger(v) ? `the number ${v}` : `the number ${v}`;
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v)}`;
  return `${typeof v} ${String(v)}`;
}

const join = (p: string, k: string): string => (p ? `${p}.${k}` : k);

/**
 * Runs a precompiled validator and reports its errors. int-or-string fields fail both anyOf branches:
 * their type errors merge into one "must be integer or string".
 */
export function checkSchema(validate: CompiledValidator, data: unknown, report: Reporter, source: Source): void {
  let ok: boolean;
  try {
    ok = validate(data);
  } catch {
    return; // a generated validator never throws on data, but a bug must not break the doctor
  }
  if (ok) return;
  const errors: CompiledError[] = validate.errors ?? [];
  const anyOfPaths = new Set(
    errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => e.instancePath),
  );
  const typesAt = new Map<string, string[]>();
  for (const e of errors) {
    if (e.keyword !== 'type' || !anyOfPaths.has(e.instancePath)) continue;
    const list = typesAt.get(e.instancePath) ?? [];
    const t = e.params.type;
    list.push(...(Array.isArray(t) ? t.map(String) : [String(t)]));
    typesAt.set(e.instancePath, list);
  }
  const seen = new Set<string>();
  for (const e of errors) {
    const path = pointerToPath(e.instancePath);
    const value = valueAt(data, e.instancePath);
    const key = `${e.instancePath}|${e.keyword}`;
    if (anyOfPaths.has(e.instancePath) && (e.keyword === 'type' || e.keyword === 'anyOf' || e.keyword === 'oneOf')) {
      if (seen.has(e.instancePath)) continue;
      seen.add(e.instancePath);
      const types = [...new Set(typesAt.get(e.instancePath) ?? [])];
      if (types.length) report(path, 'schema.type', { expected: types.join(' or '), found: typeName(value) }, source);
      else report(path, 'schema.invalid', { keyword: e.keyword }, source);
      continue;
    }
    if (seen.has(key) && e.keyword !== 'required' && e.keyword !== 'enum') continue;
    seen.add(key);
    const p = e.params;
    switch (e.keyword) {
      case 'type': {
        const t = p.type;
        report(
          path,
          'schema.type',
          { expected: Array.isArray(t) ? t.join(' or ') : String(t), found: typeName(value) },
          source,
        );
        break;
      }
      case 'enum':
        report(
          path,
          'schema.enum',
          {
            allowed: Array.isArray(p.allowedValues)
              ? p.allowedValues.map((x) => JSON.stringify(x)).join(', ')
              : 'the listed values',
            found: show(value),
          },
          source,
        );
        break;
      case 'required':
        report(
          join(path, String(p.missingProperty)),
          'schema.required',
          { missing: String(p.missingProperty) },
          source,
        );
        break;
      case 'pattern':
        report(path, 'schema.pattern', { found: show(value), pattern: String(p.pattern) }, source);
        break;
      case 'minimum':
      case 'maximum':
      case 'exclusiveMinimum':
      case 'exclusiveMaximum':
      case 'minLength':
      case 'maxLength':
      case 'minItems':
      case 'maxItems':
        report(path, 'schema.range', { found: show(value), limit: `${e.keyword} ${String(p.limit)}` }, source);
        break;
      default:
        report(path, 'schema.invalid', { keyword: e.keyword }, source);
    }
  }
}
