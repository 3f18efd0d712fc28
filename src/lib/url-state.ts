/**
 * Answers in the URL: `?a=` holds base64url(JSON) of only what differs from the defaults, so a
 * stock wizard has a short link. The release is always kept: the default release moves with the
 * release table, and a shared link must not change meaning when the app is updated.
 * Pure functions first (tested in Node); the two at the end touch window.location.
 */
import { FORMER_DEFAULTS } from '../domain/answers/defaults';
import { appRootUrl } from './location';

export const URL_PARAM = 'a';
/** The wizard step the user is on (its id), so a reload or a shared link reopens it. */
export const STEP_PARAM = 'step';
/** Links longer than this are refused before decoding (a pasted novel is not an answer set). */
export const MAX_PARAM_LENGTH = 16_384;
const ALWAYS_KEPT = ['cluster.release'];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The parts of `value` that differ from `base` (deep, objects only). */
export function diffFromDefaults(value: unknown, base: unknown, path = ''): unknown {
  if (isPlainObject(value) && isPlainObject(base)) {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      const d = diffFromDefaults(v, base[key], childPath);
      if (d !== undefined) out[key] = d;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  }
  if (ALWAYS_KEPT.includes(path)) return value;
  return JSON.stringify(value) === JSON.stringify(base) ? undefined : value;
}

/** `base` with `patch` laid over it; anything the patch has that the base lacks is kept for the parser to reject. */
export function mergeOntoDefaults(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? base : patch;
  const out: Record<string, unknown> = { ...base };
  for (const [key, v] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = mergeOntoDefaults(base[key], v);
  }
  return out;
}

function toBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(param: string): string {
  const b64 = param.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** Whether the answers turn Multus or SR-IOV on (the fields FORMER_DEFAULTS names are then used). */
function extrasOn(answers: unknown): boolean {
  const extras = isPlainObject(answers) ? answers.extras : undefined;
  return isPlainObject(extras) && (extras.mode === 'multus' || extras.mode === 'sriov');
}

/** Sets a dot path in a plain object tree, creating the sections on the way. */
function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[keys[keys.length - 1]!] = value;
}

function hasPath(root: unknown, path: string): boolean {
  let node = root;
  for (const key of path.split('.')) {
    if (!isPlainObject(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = node[key];
  }
  return true;
}

function readAt(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) node = isPlainObject(node) ? node[key] : undefined;
  return node;
}

export function encodeAnswersParam(answers: unknown, defaults: unknown): string {
  const diff = (diffFromDefaults(answers, defaults) ?? {}) as Record<string, unknown>;
  // With Multus or SR-IOV on, the fields that used to have defaults are always written (even empty), so a
  // link that lacks them is one made before: decodeAnswersParam then reads them as FORMER_DEFAULTS.
  if (extrasOn(answers)) for (const path of Object.keys(FORMER_DEFAULTS)) setPath(diff, path, readAt(answers, path));
  return toBase64Url(JSON.stringify(diff as Json));
}

export type DecodedParam = { ok: true; value: unknown } | { ok: false; message: string };

/** Decodes `?a=` into a whole (unvalidated) answer object: defaults with the link's differences on top. Never throws. */
export function decodeAnswersParam(param: string, defaults: unknown): DecodedParam {
  if (param.length > MAX_PARAM_LENGTH)
    return {
      ok: false,
      message: `The link's answers are too long (${param.length} characters; at most ${MAX_PARAM_LENGTH}).`,
    };
  if (!/^[A-Za-z0-9_-]*$/.test(param))
    return { ok: false, message: "The link's answers are not in the expected format (base64url)." };
  let text: string;
  try {
    text = fromBase64Url(param);
  } catch {
    return { ok: false, message: "The link's answers could not be decoded." };
  }
  let patch: unknown;
  try {
    patch = JSON.parse(text);
  } catch {
    return { ok: false, message: "The link's answers are not valid JSON." };
  }
  if (!isPlainObject(patch)) return { ok: false, message: "The link's answers are not an object of answers." };
  // A link made before these fields became placeholders left them out when they held their then default.
  let base = defaults;
  if (extrasOn(patch) && isPlainObject(defaults)) {
    const former = structuredClone(defaults);
    for (const [path, value] of Object.entries(FORMER_DEFAULTS))
      if (!hasPath(patch, path)) setPath(former, path, value);
    base = former;
  }
  return { ok: true, value: mergeOntoDefaults(base, patch) };
}

/** The `?a=` parameter of a URL search string, or null. */
export function answersParamFrom(search: string): string | null {
  return new URLSearchParams(search).get(URL_PARAM);
}

/** Replaces `?a=` in the address bar without adding a history entry. */
export function writeAnswersToUrl(answers: unknown, defaults: unknown): void {
  const url = new URL(window.location.href);
  url.searchParams.set(URL_PARAM, encodeAnswersParam(answers, defaults));
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/**
 * Adds a history entry for answers that replaced others at once (an import, its undo), so the
 * browser's Back button returns to the answers before it. The current entry is first brought up to
 * date with `before`, in case the debounced replaceState has not run yet.
 */
export function pushAnswersToUrl(answers: unknown, before: unknown, defaults: unknown): void {
  writeAnswersToUrl(before, defaults);
  const url = new URL(window.location.href);
  url.searchParams.set(URL_PARAM, encodeAnswersParam(answers, defaults));
  if (url.href !== window.location.href) window.history.pushState(window.history.state, '', url);
}

/** The `?step=` parameter of a URL search string, or null. */
export function stepParamFrom(search: string): string | null {
  return new URLSearchParams(search).get(STEP_PARAM);
}

/** Replaces `?step=` in the address bar (no history entry): a reload reopens this step. */
export function writeStepToUrl(step: string): void {
  const url = new URL(window.location.href);
  url.searchParams.set(STEP_PARAM, step);
  if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
}

/** The shareable link of the current answers, opening the step the user is on. */
export function shareableLink(answers: unknown, defaults: unknown): string {
  const url = new URL(appRootUrl());
  url.searchParams.set(URL_PARAM, encodeAnswersParam(answers, defaults));
  const step = stepParamFrom(window.location.search);
  if (step !== null) url.searchParams.set(STEP_PARAM, step);
  return url.href;
}

export function clearAnswersFromUrl(): void {
  const url = new URL(window.location.href);
  url.searchParams.delete(URL_PARAM);
  window.history.replaceState(window.history.state, '', url);
}
