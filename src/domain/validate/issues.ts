import type { ValidationIssue } from './types';
import type { Source } from '../sources';
import type { MessageData } from '../engine/types';
import { formatMessage } from '../engine/format-message';
import { MESSAGES, type DoctorMessageId } from './messages';

/** Collects issues for one file; keyPath prefixes compose as the doctor walks into a document. */
export class IssueSink {
  readonly issues: ValidationIssue[] = [];

  add(file: string, keyPath: string, messageId: DoctorMessageId, data: MessageData = {}, source?: Source): void {
    const m = MESSAGES[messageId];
    this.issues.push({
      file,
      keyPath,
      messageId,
      message: formatMessage(m.template, data),
      severity: m.severity,
      source: source ?? m.source,
    });
  }
}

/** Reports into one file below a key-path prefix. */
export interface Reporter {
  (keyPath: string, messageId: DoctorMessageId, data?: MessageData, source?: Source): void;
}

export function joinPath(prefix: string, key: string | number): string {
  if (typeof key === 'number') return `${prefix}[${key}]`;
  return prefix ? `${prefix}.${key}` : key;
}

/** Appends a relative key path ("a.b", "[0].c" or "") to a prefix. */
export function concatPath(prefix: string, rel: string): string {
  if (!prefix) return rel;
  if (!rel) return prefix;
  return rel.startsWith('[') ? `${prefix}${rel}` : `${prefix}.${rel}`;
}

export function reporterFor(sink: IssueSink, file: string, prefix = ''): Reporter {
  return (keyPath, messageId, data, source) => sink.add(file, concatPath(prefix, keyPath), messageId, data, source);
}

/** The same reporter, one level deeper. */
export function nested(report: Reporter, prefix: string): Reporter {
  return (keyPath, messageId, data, source) => report(concatPath(prefix, keyPath), messageId, data, source);
}

/** A short rendering of a value for messages: strings quoted, objects by type. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return 'a mapping';
}

export function isMapping(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty document';
  if (Array.isArray(v)) return 'list';
  return typeof v === 'object' ? 'mapping' : typeof v === 'string' ? 'string' : typeof v;
}

/** Reads a dotted path through mappings; undefined when any step is missing. */
export function getPath(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split('.')) {
    if (!isMapping(node)) return undefined;
    node = node[part];
  }
  return node;
}

/** Helm's truthiness, as `if .Values.x` in a template judges a value. */
export function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMapping(v)) return Object.keys(v).length > 0;
  return true;
}
