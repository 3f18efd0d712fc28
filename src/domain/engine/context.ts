import type { Answers } from '../answers/types';
import { parseChartVersion } from '../facts/chart-version';
import { OS_PRESET_INFO, parseKernel } from '../kernel';
import { NEWEST_KNOWN_RELEASE, chartVersion, resolveRelease, type ResolvedRelease } from '../rke2/releases';
import type { DerivedFacts, RuleContext } from './types';

/** "1.19.601" → Cilium 1.19.6 (rke2-cilium appends two digits of build number to the patch). */
export function ciliumVersionFromChart(chart: string | null): DerivedFacts['cilium'] {
  const v = parseChartVersion(chart);
  return v ? { major: v.major, minor: v.minor, patch: v.upstreamPatch, chart: v.text } : null;
}

function fallbackRelease(): ResolvedRelease {
  const r = resolveRelease(NEWEST_KNOWN_RELEASE);
  if (!r.ok) throw new Error('the release table is empty'); // cannot happen: the table is generated data
  return r.release;
}

/** Builds what every rule sees. Never throws for any Answers-shaped input. */
export function buildContext(answers: Answers): RuleContext {
  const resolved = resolveRelease(answers.cluster?.release);
  const release = resolved.ok ? resolved.release : fallbackRelease();
  const preset = OS_PRESET_INFO[answers.nodes?.osPreset] as
    (typeof OS_PRESET_INFO)[keyof typeof OS_PRESET_INFO] | undefined;
  // As in parseAnswers: an empty kernel takes the OS preset's kernel.
  const typed = answers.nodes?.kernel;
  const kernel = parseKernel(typed === '' && preset?.kernel ? preset.kernel : typed);
  return {
    answers,
    release,
    derived: {
      kernel: kernel.ok ? kernel.kernel : null,
      // A RHEL 8.10 kernel is recognisable from uname -r ("4.18.0-553.el8_10.x86_64") even with the custom preset.
      rhel8Backports: preset?.rhel8Backports === true || (typeof typed === 'string' && /\.el8_10(\.|$)/.test(typed)),
      cilium: ciliumVersionFromChart(chartVersion(release, 'rke2-cilium')),
      releaseError: resolved.ok ? null : resolved.message,
    },
  };
}
