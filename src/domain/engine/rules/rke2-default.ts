import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** When nothing else decides, RKE2's own default wins the tie (see PREFERENCE in evaluate.ts). */
export const rke2Default = defineRule({
  id: 'rke2-default',
  description: "Canal is RKE2's default CNI.",
  source: SOURCES.cniItemsCode,
  messages: {
    rke2Default:
      "Canal is RKE2's default CNI (cni: canal): the most widely run and tested choice when nothing else tips the balance.",
  },
  check({ answers }) {
    if (answers.cluster.management !== 'standalone') return {};
    return { reasons: [{ cni: 'canal', messageId: 'rke2Default', effect: 'info', source: SOURCES.serverConfig }] };
  },
});
