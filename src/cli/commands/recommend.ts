import { MAX_ANSWERS_TEXT_BYTES, describeAnswersFormat, type Answers } from '../../domain/answers';
import {
  evaluate,
  explain,
  explainDecision,
  suggestFixes,
  type Decision,
  type Finding,
  type Reason,
} from '../../domain/engine';
import type { CliIo } from '../io';
import { readAnswersSource, reportDiscovery } from '../answers-input';
import { readAnswersOrDiscovery } from '../../domain/discover';
import { PROG } from '../program';

export const recommendUsage = `recommend --answers FILE [--json]
    Rank the CNIs for an answers file (YAML or JSON) and explain why, with sources.`;

const EXIT = { ok: 0, blocked: 1, badInput: 2 } as const;

const HELP = `Usage: ${PROG} recommend --answers FILE [--json]

Ranks canal, calico, cilium, flannel and none for the cluster described in FILE, with the
reasons and source links behind each status, then the blocking errors, warnings and notes.

Options:
  --answers FILE   YAML or JSON answers file, or - for stdin (at most ${MAX_ANSWERS_TEXT_BYTES / 1024} KiB). Required.
  --json           Print machine-readable JSON instead: { ok, answers, ignoredFields, decision },
                   where decision is the engine's Decision with a "text" on every reason and finding.
  -h, --help       Show this help.

Exit codes:
  0  a CNI is recommended (or your forced choice can be used)
  1  a blocking finding stands: the output says which answers to change
  2  bad usage or invalid answers: field errors are printed on stderr

The JSON Schema of the answers file is schema/answers.schema.json (generated from the same
field table that validates the answers).

${describeAnswersFormat()}`;

interface Options {
  answers: string;
  json: boolean;
}

function parseArgs(args: string[]): { ok: true; options: Options } | { ok: false; help: boolean; message: string } {
  let answers: string | undefined;
  let json = false;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '-h' || arg === '--help') return { ok: false, help: true, message: '' };
    if (arg === '--json') json = true;
    else if (arg === '--answers') {
      const value = args[++i];
      if (value === undefined || value.startsWith('--'))
        return { ok: false, help: false, message: '--answers needs a file name, e.g. --answers answers.yaml.' };
      answers = value;
    } else if (arg.startsWith('--answers=')) answers = arg.slice('--answers='.length);
    else return { ok: false, help: false, message: `Unknown option "${arg}".` };
  }
  if (!answers)
    return { ok: false, help: false, message: 'Missing --answers FILE: the answers file to evaluate (YAML or JSON).' };
  return { ok: true, options: { answers, json } };
}

const STATUS_WIDTH = 'recommended'.length;

function sourceLine(item: Reason | Finding, indent: string): string {
  return `${indent}source: ${item.source.title} <${item.source.url}>`;
}

function findingLines(title: string, marker: string, findings: Finding[]): string[] {
  if (findings.length === 0) return [];
  const lines = ['', title];
  for (const f of findings) {
    const fields = f.fields.length ? ` [answers: ${f.fields.join(', ')}]` : '';
    lines.push(`  ${marker} ${explain(f)}${fields}${f.irreversible ? ' (irreversible)' : ''}`, sourceLine(f, '      '));
  }
  return lines;
}

/** The smallest changes that unblock (issue 12 §2), with the answers-file keys to edit. */
function fixLines(answers: Answers, d: Decision): string[] {
  const fixes = d.blocking.length ? suggestFixes(answers, d) : [];
  if (fixes.length === 0) return [];
  const lines = ['', 'Smallest changes that make it work (each checked against the same rules):'];
  for (const f of fixes) {
    const keys = f.changes.map((c) => `${c.field}: ${JSON.stringify(c.to)}`).join(', ');
    lines.push(`  > ${f.title} [${keys}]: ${f.result.text}.${f.detail ? ` ${f.detail}` : ''}`);
  }
  return lines;
}

function describeRelease(d: Decision): string {
  const used = d.release.row.version.text;
  switch (d.release.resolution) {
    case 'exact':
      return `${used} (in the release table)`;
    case 'newer-than-table':
      return `${d.release.requested.text}, treated as the newest known release ${used}`;
    case 'nearest-older':
      return `${d.release.requested.text}, using the charts of ${used}`;
    case 'older-than-table':
      return `${d.release.requested.text}, older than the table (oldest ${used})`;
  }
}

function formatText(answers: Answers, d: Decision): string {
  const lines = [
    `RKE2 CNI recommendation (${answers.cluster.management === 'rancher' ? 'Rancher-managed' : 'standalone'} cluster)`,
    `Release: ${describeRelease(d)}`,
    '',
  ];
  if (d.recommended) lines.push(`Recommended: ${d.recommended}`);
  else if (d.blocking.length) lines.push('Recommended: none yet: fix the blocking errors below first.');
  else lines.push('Recommended: none of the CNIs RKE2 ships fits.');
  if (d.overridden) lines.push(`Chosen: ${d.chosen} (forced by choice.forcedCni)`);
  else if (!d.recommended && d.provisional)
    lines.push(`Would be: ${d.provisional}, once the blocking errors are fixed`);
  if (d.multus)
    lines.push(`CNI list: multus, ${d.chosen ?? d.provisional ?? '<primary>'} (Multus first, then the primary)`);
  lines.push('', 'Ranking:');
  for (const c of d.candidates) {
    lines.push(
      `  ${String(c.rank).padStart(2)}. ${c.cni.padEnd(8)} ${c.status.padEnd(STATUS_WIDTH)}  score ${c.score}`,
    );
    for (const r of c.reasons) {
      lines.push(`        ${r.effect.padEnd(11)} ${explain(r)}`, sourceLine(r, '                    '));
    }
  }
  lines.push(...findingLines('Blocking errors (change these answers before generating files):', 'x', d.blocking));
  lines.push(...fixLines(answers, d));
  lines.push(...findingLines('Warnings:', '!', d.warnings));
  lines.push(...findingLines('Notes:', '-', d.notes));
  return lines.join('\n');
}

/** `recommend --answers FILE [--json]`: exit 0 with a recommendation, 1 when blocked, 2 on bad input. */
export async function recommend(args: string[], io: CliIo): Promise<number> {
  const parsedArgs = parseArgs(args);
  if (!parsedArgs.ok) {
    if (parsedArgs.help) {
      io.stdout(HELP);
      return EXIT.ok;
    }
    io.stderr(
      `${parsedArgs.message}\nUsage: ${PROG} recommend --answers FILE [--json]   (--help for the answers format)`,
    );
    return EXIT.badInput;
  }
  const { options } = parsedArgs;
  const file = await readAnswersSource(options.answers, io.stdin);
  if (!file.ok) {
    io.stderr(file.message);
    return EXIT.badInput;
  }
  // An answers file, or discover.sh output of one or more nodes (merged: oldest kernel, smallest MTU).
  const parsed = readAnswersOrDiscovery(file.text);
  if (!parsed.ok) {
    const lines = parsed.errors.map((e) => `  ${e.field || '(file)'}: ${e.message}`);
    io.stderr(
      `${options.answers} has ${parsed.errors.length === 1 ? 'an invalid answer' : `${parsed.errors.length} invalid answers`}:\n${lines.join('\n')}`,
    );
    return EXIT.badInput;
  }
  if (parsed.dropped.length) io.stderr(`Ignored unknown fields in ${options.answers}: ${parsed.dropped.join(', ')}`);
  if (parsed.discovery) reportDiscovery(io, parsed.discovery);
  const decision = evaluate(parsed.answers);
  const code = decision.blocking.length ? EXIT.blocked : EXIT.ok;
  if (options.json) {
    io.stdout(
      JSON.stringify(
        {
          ok: code === EXIT.ok,
          answers: parsed.answers,
          ignoredFields: parsed.dropped,
          decision: explainDecision(decision),
        },
        null,
        2,
      ),
    );
  } else {
    io.stdout(formatText(parsed.answers, decision));
  }
  return code;
}
