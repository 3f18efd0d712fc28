export { evaluate, PREFERENCE } from './evaluate';
export { explain, explainDecision, messageTemplate, allMessages, engineRule } from './explain';
export type { ExplainedDecision, ExplainedCandidate, ExplainedFinding, ExplainedReason } from './explain';
export { RULES, RULES_BY_ID } from './rules';
export { buildContext, ciliumVersionFromChart } from './context';
export { CILIUM_KERNEL_REQUIREMENTS, ciliumKernelRequirement } from '../facts/kernel-needs';
export { resolvePlan, kernelMeets, type DecisionPlan, type KernelCheck } from './plan';
export { formatMessage } from './format-message';
export type * from './types';
