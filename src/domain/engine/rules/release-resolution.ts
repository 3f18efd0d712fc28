import { SOURCES } from '../../sources';
import { NEWEST_KNOWN_RELEASE, RELEASES } from '../../rke2/releases';
import { defineRule } from '../types';

/** Says which release table row the decision used, so a guess is never silent. */
export const releaseResolution = defineRule({
  id: 'release-resolution',
  description: 'Reports how the requested RKE2 release maps onto the known release table.',
  source: SOURCES.releaseTags,
  messages: {
    releaseInvalid:
      'The RKE2 release is not valid ({{error}}); the decision below uses the newest known release {{used}} until you fix it.',
    releaseNewerThanTable:
      '{{requested}} is newer than the release table; it is treated as the newest known release {{used}}. Check its release notes for chart changes.',
    releaseNearestOlder:
      '{{requested}} is not in the release table; the chart versions of the nearest older release {{used}} are used.',
    releaseOlderThanTable:
      '{{requested}} is older than every release in the table (oldest {{used}}); its chart versions are those of {{used}} at best. Consider a supported release.',
  },
  check({ release, derived }) {
    const used = release.row.version.text;
    const requested = release.requested.text;
    if (derived.releaseError !== null) {
      return {
        findings: [
          {
            messageId: 'releaseInvalid',
            severity: 'blocking',
            data: { error: derived.releaseError, used: NEWEST_KNOWN_RELEASE },
            fields: ['cluster.release'],
          },
        ],
      };
    }
    switch (release.resolution) {
      case 'exact':
        return {};
      case 'newer-than-table':
        return {
          findings: [
            {
              messageId: 'releaseNewerThanTable',
              severity: 'note',
              data: { requested, used },
              fields: ['cluster.release'],
            },
          ],
        };
      case 'nearest-older':
        return {
          findings: [
            {
              messageId: 'releaseNearestOlder',
              severity: 'note',
              data: { requested, used },
              fields: ['cluster.release'],
            },
          ],
        };
      case 'older-than-table':
        return {
          findings: [
            {
              messageId: 'releaseOlderThanTable',
              severity: 'warning',
              data: { requested, used: RELEASES[0]!.version.text },
              fields: ['cluster.release'],
            },
          ],
        };
    }
  },
});
