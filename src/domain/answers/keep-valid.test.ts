import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANSWER_FIELDS, ANSWER_PATHS, readPath, type AnswerPath } from './answers-schema';
import { defaultAnswers } from './defaults';
import { keepValidAnswers } from './keep-valid';
import { parseAnswers } from './parse-answers';
import type { Answers } from './types';
import { evaluate } from '../engine';
import { RELEASES } from '../rke2/releases';
import { BAD_INPUT_CATALOGUE } from '../../test/bad-input-catalogue';

/** Values worth trying in each field: valid ones, edge cases, and what the bad-input catalogue types. */
const TEXT_POOL: Partial<Record<AnswerPath, readonly string[]>> = {
  'cluster.release': [RELEASES[0]!.version.text, RELEASES[RELEASES.length - 1]!.version.text, 'v1.31.13+rke2r1'],
  'nodes.kernel': ['', '4.18', '5.4', '5.10', '5.14.0-427.el9.x86_64', '6.8'],
  'nodes.interface': ['', 'eth0', 'bond0'],
  'nodes.nodeCidr': ['', '192.168.1.0/24', '10.42.0.0/24'],
  'addressing.clusterCidrV4': ['10.42.0.0/16', '10.43.0.0/16', '172.16.0.0/14', '10.0.0.0/8', '192.168.100.0/24'],
  'addressing.serviceCidrV4': ['10.43.0.0/16', '10.42.0.0/16', '172.20.0.0/16', '10.96.0.0/12'],
  'addressing.clusterCidrV6': ['', '2001:db8:42::/56', 'fd00:10::/56', 'fd00:20::/56'],
  'addressing.serviceCidrV6': ['', '2001:db8:43::/112', 'fd00:20::/112', 'fd00:10::/112'],
  'extras.secondary.name': ['', 'macvlan-net', 'storage'],
  'extras.secondary.namespace': ['default', 'telco'],
  'extras.secondary.master': ['', 'eth1', 'ens2f0'],
  'extras.secondary.subnet': ['', '192.168.100.0/24', '10.42.5.0/24', '10.10.0.0/16'],
  'extras.secondary.rangeStart': ['', '192.168.100.10', '10.10.0.10'],
  'extras.secondary.rangeEnd': ['', '192.168.100.200', '192.168.100.5'],
  'extras.secondary.gateway': ['', '192.168.100.1', '10.10.0.1'],
  'extras.sriov.resourceName': ['sriovnics', 'intelnics'],
  'extras.sriov.pfNames': ['', 'ens1f0', 'ens1f0,ens1f1'],
  'performance.apiServerHost': ['', '10.0.0.10', 'rke2.example.com', 'localhost'],
  'performance.bgp.peerAddress': ['', '192.168.1.1'],
};
const NUMBER_POOL: Partial<Record<AnswerPath, readonly number[]>> = {
  'nodes.underlayMtu': [1500, 9000, 1280],
  'extras.sriov.numVfs': [8, 16],
  'extras.sriov.vlan': [0, 100],
  'performance.apiServerPort': [6443, 443],
  'performance.bgp.peerAsn': [64512, 65000],
  'performance.bgp.localAsn': [64513, 65001],
};

/** The valid-looking values of a field. */
function poolOf(path: AnswerPath): fc.Arbitrary<unknown> {
  const spec = ANSWER_FIELDS[path];
  switch (spec.kind) {
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'integer':
      return fc.constantFrom(...(NUMBER_POOL[path] ?? [spec.min]));
    case 'text':
      return fc.constantFrom(...(TEXT_POOL[path] ?? [readPath(defaultAnswers(), path) as string]));
  }
}

/** Anything a user could put in a field: its pool, a catalogue mistake, or random text. */
function editOf(path: AnswerPath): fc.Arbitrary<unknown> {
  const bad = BAD_INPUT_CATALOGUE.filter((e) => e.field === path).map((e) => e.value);
  return fc.oneof(
    { weight: 3, arbitrary: poolOf(path) },
    { weight: bad.length > 0 ? 3 : 0, arbitrary: bad.length > 0 ? fc.constantFrom(...bad) : fc.constant('') },
    { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  );
}

function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = root;
  for (const key of keys.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[keys[keys.length - 1]!] = value;
}

/** Valid answers, as the wizard keeps them after the last change that parsed. */
const lastValidArb: fc.Arbitrary<Answers> = fc.tuple(...ANSWER_PATHS.map((p) => poolOf(p))).map((values) => {
  const raw = defaultAnswers() as unknown as Record<string, unknown>;
  ANSWER_PATHS.forEach((p, i) => setPath(raw, p, values[i]));
  const parsed = parseAnswers(raw);
  return parsed.ok ? parsed.answers : parsed.partial;
});

const editArb = fc.constantFrom(...ANSWER_PATHS).chain((path) => editOf(path).map((value) => ({ path, value })));

describe('keepValidAnswers', () => {
  it('for any answers and any single edit, differs from the last valid answers only in the edited field', () => {
    let invalidEdits = 0;
    fc.assert(
      fc.property(lastValidArb, editArb, (lastValid, { path, value }) => {
        expect(parseAnswers(lastValid).ok).toBe(true);
        const values = structuredClone(lastValid) as unknown as Record<string, unknown>;
        setPath(values, path, value);
        const kept = keepValidAnswers(values, lastValid);
        if (kept.errors.length > 0) invalidEdits += 1;
        const reparsed = parseAnswers(kept.answers);
        if (!reparsed.ok) throw new Error(`not valid: ${JSON.stringify(reparsed.errors)}`);
        for (const p of ANSWER_PATHS) {
          if (p === path) continue;
          if (JSON.stringify(readPath(kept.answers, p)) !== JSON.stringify(readPath(lastValid, p)))
            throw new Error(
              `${p} moved from ${String(readPath(lastValid, p))} to ${String(readPath(kept.answers, p))}`,
            );
        }
        // An edit in error is never evaluated as typed.
        if (kept.errors.some((e) => e.field === path))
          expect(readPath(kept.answers, path)).toEqual(readPath(lastValid, path));
      }),
      { numRuns: 400 },
    );
    // The property must have met invalid edits, or it proves nothing about them.
    expect(invalidEdits).toBeGreaterThan(50);
  });

  it('keeps Windows workers, their release and Calico when the pod CIDR is edited to overlap the service CIDR', () => {
    const lastValid = parseAnswers({
      ...defaultAnswers(),
      cluster: { ...defaultAnswers().cluster, windowsNodes: true, release: 'v1.31.13+rke2r1' },
    });
    if (!lastValid.ok) throw new Error('setup');
    const edited = structuredClone(lastValid.answers);
    edited.addressing.clusterCidrV4 = '10.43.0.0/16';
    const kept = keepValidAnswers(edited, lastValid.answers);
    expect(kept.errors.map((e) => [e.field, e.messageId])).toEqual([['addressing.serviceCidrV4', 'cidrOverlap']]);
    // The pair goes back to its last valid values together; nothing else moves.
    expect(kept.kept).toEqual(['addressing.clusterCidrV4', 'addressing.serviceCidrV4']);
    expect(kept.answers).toEqual(lastValid.answers);
    const decision = evaluate(kept.answers);
    expect(decision.chosen).toBe('calico');
    expect(decision.release.row.version.text).toBe('v1.31.13+rke2r1');
    // What the panel used before: parseAnswers' partial answers, where the default service CIDR still
    // overlaps the new pod CIDR, so everything fell back to RKE2's defaults (Windows off, newest release).
    const plain = parseAnswers(edited);
    if (plain.ok) throw new Error('must fail');
    expect(plain.partial.cluster.windowsNodes).toBe(false);
  });

  it('keeps a switch with the field it makes required: dual-stack without IPv6 CIDRs evaluates as before', () => {
    const lastValid = defaultAnswers();
    const edited = structuredClone(lastValid);
    edited.cluster.size = 'large';
    edited.addressing.ipFamily = 'dual';
    const kept = keepValidAnswers(edited, lastValid);
    expect(kept.errors.map((e) => [e.field, e.messageId])).toEqual([
      ['addressing.clusterCidrV6', 'required'],
      ['addressing.serviceCidrV6', 'required'],
    ]);
    // In the wizard's words, not field paths.
    expect(kept.errors[0]!.message).toBe('Pod CIDR (IPv6) is required with dual-stack or IPv6-only addressing.');
    expect(kept.answers.addressing.ipFamily).toBe('ipv4');
    // Other changes made since are kept.
    expect(kept.answers.cluster.size).toBe('large');
  });

  it('keeps Multus off until its host interface and subnet are typed; the other answers move on', () => {
    const lastValid = defaultAnswers();
    const edited = structuredClone(lastValid);
    edited.cluster.size = 'large';
    edited.extras.mode = 'multus';
    const kept = keepValidAnswers(edited, lastValid);
    expect(kept.errors.map((e) => [e.field, e.messageId])).toEqual([
      ['extras.secondary.master', 'required'],
      ['extras.secondary.subnet', 'required'],
    ]);
    expect(kept.answers.extras.mode).toBe('none');
    expect(kept.answers.cluster.size).toBe('large');
    // Typed, they are the answers: nothing else is filled in.
    edited.extras.secondary.master = 'ens2f0';
    edited.extras.secondary.subnet = '10.10.0.0/24';
    const typed = keepValidAnswers(edited, lastValid);
    expect(typed.errors).toEqual([]);
    expect(typed.answers.extras.mode).toBe('multus');
    expect(typed.answers.extras.secondary).toMatchObject({
      master: 'ens2f0',
      subnet: '10.10.0.0/24',
      rangeStart: '',
      rangeEnd: '',
      gateway: '',
    });
  });

  it('never throws on hostile input and falls back to the last valid answers', () => {
    const lastValid = defaultAnswers();
    expect(keepValidAnswers(null, lastValid).answers).toEqual(lastValid);
    expect(keepValidAnswers({ addressing: 5 }, lastValid).answers.addressing).toEqual(lastValid.addressing);
  });
});
