/**
 * Writes schema/answers.schema.json from the answers field table (src/domain/answers/answers-schema.ts),
 * the same table parseAnswers walks. Run: npm run schema:export. A unit test fails when the committed
 * file differs from what this writes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { answersSchemaFileText } from '../src/domain/answers/answers-schema';

mkdirSync('schema', { recursive: true });
writeFileSync('schema/answers.schema.json', answersSchemaFileText());
console.log('wrote schema/answers.schema.json');
