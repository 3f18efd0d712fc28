/**
 * The committed standalone validators are ajv's own code plus mechanical size cuts
 * (scripts/compile-validators.ts shrink()). This proves the cuts changed nothing: on random data shaped
 * like each schema, the generated validator and ajv compiling the same schema at test time agree on
 * validity and on every error (path, keyword, params).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { load } from 'js-yaml';
import { buildSchemas } from '../../../scripts/compile-validators';
import * as V from './generated/validators.js';
import type { CompiledValidator } from './compiled-validator';

type Schema = { properties?: Record<string, Schema>; items?: Schema } & Record<string, unknown>;

const { schemas } = buildSchemas();
const ajv = new Ajv({ allErrors: true, strict: false, messages: false, validateFormats: false });
const generated = V as unknown as Record<string, CompiledValidator>;

/** Random data that follows the schema's property names (so the checks run), with random leaves. */
function shaped(schema: Schema | undefined, depth: number): fc.Arbitrary<unknown> {
  const leaf = fc.oneof(
    fc.string({ maxLength: 6 }),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.boolean(),
    fc.constant(null),
    fc.array(fc.string({ maxLength: 3 }), { maxLength: 2 }),
  );
  if (!schema || depth === 0) return leaf;
  const props = schema.properties ? Object.entries(schema.properties) : [];
  const options: fc.Arbitrary<unknown>[] = [leaf];
  if (props.length) {
    const keys = props.map(([k]) => k);
    options.push(
      fc
        .dictionary(fc.constantFrom(...keys), fc.constant(0), { maxKeys: 6 })
        .chain(
          (picked) =>
            fc.record(
              Object.fromEntries(Object.keys(picked).map((k) => [k, shaped(schema.properties![k], depth - 1)])),
            ) as fc.Arbitrary<unknown>,
        ),
    );
  }
  if (schema.items) options.push(fc.array(shaped(schema.items, depth - 1), { maxLength: 3 }));
  return fc.oneof(...options);
}

const normalise = (errors: unknown[] | null | undefined) =>
  (errors ?? [])
    .map((e) => {
      const { instancePath, keyword, params } = e as { instancePath: string; keyword: string; params: unknown };
      return JSON.stringify([instancePath, keyword, params]);
    })
    .sort();

describe('generated validators behave exactly as ajv', () => {
  it.each(Object.keys(schemas))(
    '%s',
    (name) => {
      const reference = ajv.compile(schemas[name]!);
      const mine = generated[name]!;
      let invalid = 0;
      fc.assert(
        fc.property(shaped(schemas[name] as Schema, 4), (data) => {
          const a = reference(data);
          const b = mine(data);
          if (!a) invalid++;
          if (a !== b) return false;
          return a || JSON.stringify(normalise(reference.errors)) === JSON.stringify(normalise(mine.errors));
        }),
        { numRuns: 150, seed: 7 },
      );
      expect(invalid, 'the samples must exercise error paths').toBeGreaterThan(30);
    },
    60_000,
  );

  it.each([
    ['cilium119', '1.19.601'],
    ['cilium120', '1.20.102'],
  ])("%s accepts the chart's own default values", (name, version) => {
    const defaults = load(
      readFileSync(join(__dirname, `../../../data/upstream/rke2-charts/rke2-cilium/${version}/values.yaml`), 'utf8'),
    );
    const validate = generated[name]!;
    expect(validate(defaults), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  });
});
