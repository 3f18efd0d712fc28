import { parseKernel } from '../../kernel';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** Kernel rules need a kernel: an unreadable one blocks instead of silently skipping them. */
export const kernelInput = defineRule({
  id: 'kernel-input',
  description: 'The oldest node kernel must be readable, since several CNIs depend on it.',
  source: SOURCES.requirements,
  messages: {
    kernelInvalid:
      'The oldest node kernel could not be read: {{error}} Kernel-dependent checks (Cilium minimum, WireGuard, checksum offload) are skipped until it is fixed.',
  },
  check({ answers, derived }) {
    if (derived.kernel !== null) return {};
    const parsed = parseKernel(answers.nodes?.kernel);
    const error = parsed.ok ? '' : parsed.message;
    return {
      findings: [{ messageId: 'kernelInvalid', severity: 'blocking', data: { error }, fields: ['nodes.kernel'] }],
    };
  },
});
