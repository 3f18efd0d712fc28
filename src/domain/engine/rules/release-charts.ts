import { CHART_NAME, CHARTED_CNIS } from '../../facts/cni-names';
import { GATES, hasGate } from '../../facts/gates';
import { chartVersion } from '../../rke2/releases';
import { describeGate, gateMinimumFor } from '../../rke2/version';
import { SOURCES } from '../../sources';
import { defineRule } from '../types';
import type { ReasonOf } from '../types';

const MESSAGES = {
  flannelBeforeGate: 'Flannel is a primary CNI only from {{gates}}; {{release}} needs at least {{minimum}}.',
  notBundled: '{{release}} does not bundle the {{chart}} chart.',
  bundled: '{{release}} bundles {{chart}} {{version}}.',
};

/** A CNI is only available when the release bundles its chart; Flannel arrived with its version gate. */
export const releaseCharts = defineRule({
  id: 'release-charts',
  description: 'Excludes CNIs whose chart the chosen RKE2 release does not bundle (Flannel before its version gate).',
  source: SOURCES.releaseTags,
  messages: MESSAGES,

  check({ release }) {
    const reasons: ReasonOf<typeof MESSAGES>[] = [];
    const rel = release.requested.text;
    for (const cni of CHARTED_CNIS) {
      const chart = CHART_NAME[cni];
      const version = chartVersion(release, chart);
      if (cni === 'flannel' && !hasGate(release, 'flannel')) {
        reasons.push({
          cni,
          messageId: 'flannelBeforeGate',
          effect: 'excludes',
          source: GATES.flannel.source,
          fields: ['cluster.release'],
          data: {
            release: rel,
            gates: describeGate(GATES.flannel),
            minimum: gateMinimumFor(release.requested, GATES.flannel),
          },
        });
      } else if (version === null) {
        reasons.push({
          cni,
          messageId: 'notBundled',
          effect: 'excludes',
          fields: ['cluster.release'],
          data: { release: rel, chart },
        });
      } else {
        reasons.push({
          cni,
          messageId: 'bundled',
          effect: 'info',
          source: SOURCES.chartVersions,
          data: { release: release.row.version.text, chart, version },
        });
      }
    }
    return { reasons };
  },
});
