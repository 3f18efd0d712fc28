import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Ajv2020 } from 'ajv/dist/2020';
import {
  ANSWER_FIELDS,
  ANSWER_PATHS,
  answersJsonSchema,
  answersSchemaFileText,
  describeAnswersFormat,
  readPath,
} from './answers-schema';
import { parseAnswers } from './parse-answers';
import { defaultAnswers } from './defaults';

const validator = new Ajv2020({ strict: true, allErrors: true }).compile(answersJsonSchema());

describe('answers JSON Schema', () => {
  it('matches the committed schema/answers.schema.json (run npm run schema:export after changing the field table)', () => {
    expect(readFileSync('schema/answers.schema.json', 'utf8')).toBe(answersSchemaFileText());
  });

  it('describes every field of Answers, with the defaults as default', () => {
    const schema = answersJsonSchema();
    for (const path of ANSWER_PATHS) {
      const node = path
        .split('.')
        .reduce<Record<string, unknown>>(
          (n, key) => (n.properties as Record<string, Record<string, unknown>>)[key]!,
          schema,
        );
      expect(node.default, path).toEqual(readPath(defaultAnswers(), path));
      expect(String(node.description)).toContain(ANSWER_FIELDS[path].source.url);
    }
  });

  it('accepts the defaults and an empty file, and refuses typos, wrong types and out-of-range values', () => {
    expect(validator(defaultAnswers())).toBe(true);
    expect(validator({})).toBe(true);
    expect(validator({ cluster: { relase: 'v1.33.6+rke2r1' } })).toBe(false);
    expect(validator({ nodes: { underlayMtu: 99999 } })).toBe(false);
    expect(validator({ addressing: { ipFamily: 'ipv5' } })).toBe(false);
    expect(validator({ nodes: { interface: 'my very long name' } })).toBe(false);
    expect(validator({ nodes: { kernel: 5.1 } })).toBe(false);
  });

  it('accepts every answer set that parseAnswers accepts (the schema is never stricter than the parser)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const r = parseAnswers(input);
        if (r.ok) expect(validator(r.answers), JSON.stringify(validator.errors)).toBe(true);
        else expect(validator(r.partial), JSON.stringify(validator.errors)).toBe(true);
      }),
      { numRuns: 300 },
    );
    const variants = [
      {
        addressing: { ipFamily: 'dual', clusterCidrV6: 'fd00:42::/56', serviceCidrV6: 'fd00:43::/112' },
        extras: { mode: 'multus', secondary: { master: 'eth1', subnet: '10.10.0.0/24', rangeStart: '', gateway: '' } },
      },
      { nodes: { osPreset: 'custom', kernel: '5.14.0-427.el9.x86_64', interface: 'bond0.100' } },
      { performance: { bgp: { enabled: true, peerAddress: '2001:db8::1' }, apiServerHost: 'api.example.com' } },
      {
        extras: {
          mode: 'sriov',
          secondary: { subnet: '10.10.0.0/24' },
          sriov: { pfNames: 'ens1f0, ens1f1', resourceName: 'intel_sriov' },
        },
      },
    ];
    for (const v of variants) {
      const r = parseAnswers(v);
      expect(r.ok).toBe(true);
      if (r.ok) expect(validator(r.answers), JSON.stringify(validator.errors)).toBe(true);
    }
  });
});

describe('describeAnswersFormat', () => {
  it('lists every field with its type, default and description', () => {
    const text = describeAnswersFormat();
    for (const path of ANSWER_PATHS) {
      const key = path.split('.').at(-1)!;
      expect(text).toMatch(
        new RegExp(
          `^\\s+${key}: .*\\(default ${JSON.stringify(readPath(defaultAnswers(), path)).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\)$`,
          'm',
        ),
      );
      expect(text).toContain(ANSWER_FIELDS[path].description);
    }
    expect(text).toContain('ipv4 | dual | ipv6');
    expect(text).toContain('integer 1280..9216');
    expect(text).toMatch(/^ {2}secondary:$/m);
  });
});
