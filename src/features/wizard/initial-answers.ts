import { parseAnswers } from '../../domain/answers/parse-answers';
// Not '../../domain/discover': its reader pulls js-yaml into the wizard's first load.
import { applyDiscovery, describeDiscovery, discoveryNotes } from '../../domain/discover/apply';
import type { Discovery, DiscoverNote } from '../../domain/discover';
import { defaultAnswers } from '../../domain/answers/defaults';
import type { Answers, ParseResult } from '../../domain/answers/types';
import { answersParamFrom, decodeAnswersParam } from '../../lib/url-state';
import { loadStoredAnswers } from '../../lib/answers-storage';

export interface Problem {
  field: string;
  message: string;
}

export interface LoadedAnswers {
  answers: Answers;
  origin: 'link' | 'saved' | 'defaults' | 'import';
  /** What could not be kept; shown in an alert so nothing is dropped silently. */
  problems: Problem[];
  /** Set when the import was discover.sh output: what it set, and its notes with their sources. */
  discovered?: { summary: string; notes: DiscoverNote[] };
}

/** Keeps every valid answer of a parse result and lists what was dropped. */
export function fromParseResult(result: ParseResult, origin: LoadedAnswers['origin']): LoadedAnswers {
  if (result.ok) {
    return {
      answers: result.answers,
      origin,
      problems: result.dropped.map((field) => ({ field, message: 'Unknown answer, ignored.' })),
    };
  }
  return {
    answers: result.partial,
    origin,
    problems: result.errors.map((e) => ({ field: e.field, message: e.message })),
  };
}

/** The answers of the link alone (Back and Forward in the browser); null when the address has none. */
export function loadAnswersFromLink(search: string): LoadedAnswers | null {
  const param = answersParamFrom(search);
  if (param === null) return null;
  const decoded = decodeAnswersParam(param, defaultAnswers());
  if (!decoded.ok) return null;
  return fromParseResult(parseAnswers(decoded.value), 'link');
}

/** The answers to start from: the link's, else the saved ones, else RKE2's defaults. Never throws. */
export function loadInitialAnswers(search: string): LoadedAnswers {
  const defaults = defaultAnswers();
  const param = answersParamFrom(search);
  if (param !== null) {
    const decoded = decodeAnswersParam(param, defaults);
    if (decoded.ok) return fromParseResult(parseAnswers(decoded.value), 'link');
    return {
      answers: defaults,
      origin: 'defaults',
      problems: [{ field: 'link', message: `${decoded.message} The defaults are shown instead.` }],
    };
  }
  const stored = loadStoredAnswers();
  if (stored === null) return { answers: defaults, origin: 'defaults', problems: [] };
  if (!stored.ok)
    return { answers: defaults, origin: 'defaults', problems: [{ field: 'saved answers', message: stored.message }] };
  return fromParseResult(parseAnswers(stored.value), 'saved');
}

/** discover.sh facts over the current answers: only the node fields change, the user's other answers stay. */
export function loadDiscovery(current: Answers, discovery: Discovery): LoadedAnswers {
  const loaded = fromParseResult(parseAnswers(applyDiscovery(current, discovery)), 'import');
  return {
    ...loaded,
    discovered: { summary: describeDiscovery(discovery), notes: discoveryNotes(current, discovery) },
  };
}
