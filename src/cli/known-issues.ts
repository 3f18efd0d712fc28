import { parseAnswersText } from '../domain/answers';
import { evaluate } from '../domain/engine';
import { affectedText, fixedText, knownIssuesFor, type KnownIssueMatch } from '../domain/known-issues';

/**
 * The known issues `validate` prints when the files include our answers.yaml (it names the release and the
 * configuration). Invalid or absent answers give null: the doctor reports those on its own.
 */
export interface FilesKnownIssues {
  /** The answers file read. */
  file: string;
  release: string;
  matches: KnownIssueMatch[];
}

export function knownIssuesOfFiles(files: readonly { path: string; contents: string }[]): FilesKnownIssues | null {
  const file = files.find((f) => /(^|\/)answers\.ya?ml$/.test(f.path) && !f.path.includes('/manifests/'));
  if (!file) return null;
  const parsed = parseAnswersText(file.contents);
  if (!parsed.ok) return null;
  const decision = evaluate(parsed.answers);
  const matches = knownIssuesFor({
    release: decision.release,
    plan: decision.plan,
    answers: parsed.answers,
    kinds: ['bug', 'upgrade'],
  });
  return { file: file.path, release: decision.release.requested.text, matches };
}

/** Text lines for the terminal. */
export function formatKnownIssues(k: FilesKnownIssues): string[] {
  if (!k.matches.length) return [`No known issue of RKE2 ${k.release} applies to this configuration (${k.file}).`];
  const lines = [`Known issues of RKE2 ${k.release} for this configuration (${k.file}):`];
  for (const m of k.matches) {
    lines.push(`  - ${m.issue.title} [${m.issue.id}]`);
    lines.push(`    ${affectedText(m)}; ${fixedText(m)}`);
    lines.push(`    workaround: ${m.issue.workaround}`);
    for (const l of m.issue.links) lines.push(`    see ${l.url}`);
  }
  return lines;
}

/** The JSON form, for --json. */
export function knownIssuesJson(k: FilesKnownIssues) {
  return {
    release: k.release,
    answersFile: k.file,
    entries: k.matches.map((m) => ({
      id: m.issue.id,
      title: m.issue.title,
      kind: m.issue.kind,
      date: m.issue.date,
      affected: affectedText(m),
      fixed: fixedText(m),
      fixedIn: m.fixedIn,
      fixedOnNewerLine: m.fixedOnNewerLine,
      workaround: m.issue.workaround,
      links: m.issue.links.map((l) => l.url),
    })),
  };
}
