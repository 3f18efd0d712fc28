import { SOURCES } from '../../sources';
import { defineRule } from '../types';

/** cni: none works only if you install a CNI yourself: the engine never recommends it, only honours it when forced. */
export const bringYourOwn = defineRule({
  id: 'bring-your-own',
  description: 'cni: none (bring your own CNI) is only for a forced choice.',
  source: SOURCES.basicNetworkOptions,
  messages: {
    bringYourOwn:
      'With cni: none RKE2 installs no CNI: nodes stay NotReady and tainted until you install one yourself. Choose it only if you bring your own.',
  },
  check() {
    return {
      reasons: [
        { cni: 'none', messageId: 'bringYourOwn', effect: 'discourages', weight: -100, fields: ['choice.forcedCni'] },
      ],
    };
  },
});
