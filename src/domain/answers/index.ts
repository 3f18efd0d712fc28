/**
 * The answers model: what the wizard asks, RKE2's defaults, and the only ways answers enter the domain.
 * parseAnswersText / answersToYaml pull in js-yaml; a UI that wants js-yaml out of its first load
 * should import them lazily from './answers-text' rather than through this index.
 */
export * from './types';
export { defaultAnswers } from './defaults';
export {
  parseAnswers,
  isFieldRelevant,
  type PartialAnswers,
  ANSWER_MESSAGE_IDS,
  NODE_CIDR_MASK,
  type AnswerMessageId,
} from './parse-answers';
export { keepValidAnswers, type KeptAnswers } from './keep-valid';
export { parseAnswersText, answersToYaml, MAX_ANSWERS_TEXT_BYTES } from './answers-text';
export {
  answersJsonSchema,
  describeAnswersFormat,
  ANSWER_FIELDS,
  ANSWER_PATHS,
  type AnswerPath,
  type AnswerValue,
  type FieldSpec,
  type Relevance,
  type TextFormat,
} from './answers-schema';
