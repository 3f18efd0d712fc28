import { memo, useCallback, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { Box } from '@mui/material';
import { Notice } from '../../ui/Notice';
import type { Answers } from '../../domain/answers/types';
import type { PrimaryCni } from '../../domain/facts/cni-names';
import { OS_PRESET_INFO } from '../../domain/kernel';
import { latestPerMinor, parseReleaseInput, resolveRelease, NEWEST_KNOWN_RELEASE } from '../../domain/rke2/releases';
import { CNI_DISPLAY_NAMES } from '../../domain/facts/cni-names';
import { keepValid } from '../../lib/last-valid';
import { Button } from '../../ui/Button';
import { RadioQuestion, SelectQuestion, SuggestQuestion, SwitchQuestion, TextQuestion } from '../../ui/fields';
import { SourceLink } from '../../ui/SourceLink';
import { SOURCES } from '../../domain/sources';
import { questionFor } from './questions';
import { applicability, ipFamilyOptionReason } from './applicability';
import { assertNever, type AnswerPath, type StepId } from './steps';

const RELEASE_SUGGESTIONS = latestPerMinor().map((v) => v.text);
const NUMERIC = new Set<AnswerPath>([
  'nodes.underlayMtu',
  'extras.sriov.numVfs',
  'extras.sriov.vlan',
  'performance.apiServerPort',
  'performance.bgp.peerAsn',
  'performance.bgp.localAsn',
]);

type Kind = 'text' | 'radio' | 'select' | 'switch';

const APPLICABILITY_INPUTS = [
  'addressing.ipFamily',
  'extras.mode',
  'performance.kubeProxyReplacement',
  'performance.bgp.enabled',
  'performance.observability',
  'cluster.windowsNodes',
  'extras.secondary.ipam',
  'choice.forcedCni',
] as const;

/** Watches only the answers that decide which questions apply, so typing elsewhere re-renders nothing here. */
function useApplicabilityInputs() {
  const [ipFamily, mode, kubeProxyReplacement, bgpEnabled, observability, windowsNodes, ipam, forcedCni] = useWatch<
    Answers,
    typeof APPLICABILITY_INPUTS
  >({ name: APPLICABILITY_INPUTS });
  return {
    addressing: { ipFamily },
    extras: { mode, secondary: { ipam } as Answers['extras']['secondary'] },
    performance: {
      kubeProxyReplacement,
      observability,
      bgp: { enabled: bgpEnabled, peerAddress: '', peerAsn: 0, localAsn: 0 },
    },
    cluster: { windowsNodes },
    choice: { forcedCni },
  };
}

/** One question: label, why, source and applicability come from data. */
function Q({ path, kind, chosen = null }: { path: AnswerPath; kind: Kind; chosen?: PrimaryCni | null }) {
  const q = questionFor(path);
  const values = useApplicabilityInputs();
  const app = applicability(path, values, chosen);
  if (app.kind === 'hidden') return null;
  const disabledReason = app.kind === 'disabled' ? app.reason : undefined;
  const common = { name: path, label: q.label, why: q.why, source: q.source, disabledReason };
  switch (kind) {
    case 'text':
      return <TextQuestion<Answers> {...common} numeric={NUMERIC.has(path)} placeholder={q.placeholder} />;
    case 'radio':
      return (
        <RadioQuestion<Answers>
          {...common}
          options={(q.options ?? []).map((o) => ({
            ...o,
            disabledReason: path === 'addressing.ipFamily' ? ipFamilyOptionReason(o.value, values) : undefined,
          }))}
        />
      );
    case 'select':
      return <SelectQuestion<Answers> {...common} options={q.options ?? []} />;
    case 'switch':
      return <SwitchQuestion<Answers> {...common} />;
    default:
      return assertNever(kind);
  }
}

type ReleaseChoices = Awaited<typeof import('../../domain/engine/release-choices')>['releaseChoices'];
type ReleaseChoice = ReturnType<ReleaseChoices>[number];

/**
 * Every known patch release, judged against the answers so far: those that rule out what was asked
 * are marked, with the engine's reasons. The engine loads only when the list is opened.
 */
function ReleaseList() {
  const { getValues, setValue } = useFormContext<Answers>();
  const [choices, setChoices] = useState<readonly ReleaseChoice[] | null>(null);
  const [open, setOpen] = useState(false);
  const release = useWatch<Answers, 'cluster.release'>({ name: 'cluster.release' });
  // Computed when opened, from the answers as they stand then.
  async function show() {
    const { releaseChoices } = await import('../../domain/engine/release-choices');
    // The release itself is what the list changes; every other answer is judged as it stands.
    setChoices(releaseChoices(keepValid(getValues()).answers));
    setOpen(true);
  }
  const current = parseReleaseInput(release);
  const chosenRelease = current.ok ? current.text : null;
  // Stable, so that choosing a release re-renders only the two rows whose "Chosen" mark moves.
  const use = useCallback(
    (r: string) => setValue('cluster.release', r, { shouldValidate: true, shouldDirty: true }),
    [setValue],
  );
  const ruledOut = choices?.filter((c) => c.rulesOut !== null).length ?? 0;
  return (
    <Box sx={{ mb: 1 }}>
      <Button
        size="small"
        variant="outlined"
        aria-expanded={open}
        aria-controls="release-list"
        onClick={() => (open ? setOpen(false) : void show())}
      >
        {open ? 'Hide the known releases' : 'Show every known release'}
      </Button>
      {open && choices ? (
        <Box id="release-list" sx={{ mt: 1, maxHeight: 360, overflowY: 'auto', border: 1, borderColor: 'divider' }}>
          <Box
            component="table"
            sx={{
              width: '100%',
              borderCollapse: 'collapse',
              fontSize: '0.875rem',
              '& caption': { textAlign: 'left', p: 1, fontWeight: 600 },
              '& th, & td': {
                borderBottom: 1,
                borderColor: 'divider',
                p: 0.75,
                textAlign: 'left',
                verticalAlign: 'top',
              },
              // One class for ~270 row buttons: styled per element, each would cost a style resolution.
              '& .release-use': {
                minWidth: 48,
                minHeight: 28,
                p: '3px 9px',
                font: 'inherit',
                fontSize: '0.8125rem',
                fontWeight: 500,
                textTransform: 'uppercase',
                color: 'primary.main',
                bgcolor: 'transparent',
                border: '1px solid transparent',
                borderRadius: 1,
                cursor: 'pointer',
                '&:hover': { bgcolor: 'action.hover' },
                '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main', outlineOffset: 2 },
              },
            }}
          >
            <caption>
              Every known RKE2 release, newest first, with your other answers as they are
              {ruledOut > 0 ? ` (${ruledOut} rule out what you asked for)` : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">Release</th>
                <th scope="col">With your answers</th>
                <th scope="col">
                  <span className="visually-hidden">Choose</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {choices.map((c) => (
                <ReleaseRow key={c.release} choice={c} chosen={chosenRelease === c.release} onUse={use} />
              ))}
            </tbody>
          </Box>
        </Box>
      ) : null}
    </Box>
  );
}

/** One release of the list: plain elements and one shared class, re-rendered only when its own props change. */
const ReleaseRow = memo(function ReleaseRow({
  choice: c,
  chosen,
  onUse,
}: {
  choice: ReleaseChoice;
  chosen: boolean;
  onUse: (release: string) => void;
}) {
  return (
    <tr data-release={c.release} data-rules-out={c.rulesOut ? 'true' : 'false'}>
      <th scope="row">{c.release}</th>
      <td>
        {c.rulesOut ? (
          <>
            <strong>Rules out {c.rulesOut.cni ? CNI_DISPLAY_NAMES[c.rulesOut.cni] : 'what you asked for'}:</strong>{' '}
            {c.rulesOut.reasons.join(' ')}
          </>
        ) : (
          `Fits: ${c.chosen ? CNI_DISPLAY_NAMES[c.chosen] : 'no CNI'}`
        )}
      </td>
      <td>
        {chosen ? (
          'Chosen'
        ) : (
          <button
            type="button"
            className="release-use"
            aria-label={`Use ${c.release}`}
            onClick={() => onUse(c.release)}
          >
            Use
          </button>
        )}
      </td>
    </tr>
  );
});

function ReleaseQuestion() {
  const q = questionFor('cluster.release');
  const release = useWatch<Answers, 'cluster.release'>({ name: 'cluster.release' });
  const input = parseReleaseInput(release);
  const resolved = resolveRelease(input.ok ? input.text : release);
  let notice: { title: string; text: string } | null = null;
  if (input.ok && input.minorOnly) {
    notice = {
      title: `${input.minor} means ${input.text}`,
      text: `${input.minor} is taken as ${input.text}, the newest ${input.minor} patch this wizard knows.`,
    };
  } else if (resolved.ok) {
    const row = resolved.release.row.version.text;
    const title = 'Release not in the table';
    switch (resolved.release.resolution) {
      case 'exact':
        break;
      case 'newer-than-table':
        notice = {
          title,
          text: `${resolved.release.requested.text} is newer than the releases this wizard knows (newest: ${NEWEST_KNOWN_RELEASE}). The chart versions of ${row} are assumed; check the release notes.`,
        };
        break;
      case 'nearest-older':
        notice = {
          title,
          text: `${resolved.release.requested.text} is not in the release table; the chart versions of ${row} are assumed.`,
        };
        break;
      case 'older-than-table':
        notice = {
          title,
          text: `${resolved.release.requested.text} is older than every release this wizard knows; the chart versions of ${row} are assumed and may differ.`,
        };
        break;
      default:
        assertNever(resolved.release.resolution);
    }
  }
  return (
    <>
      <SuggestQuestion<Answers>
        name="cluster.release"
        label={q.label}
        why={q.why}
        source={q.source}
        suggestions={RELEASE_SUGGESTIONS}
        placeholder={q.placeholder}
      />
      {notice ? (
        <Notice severity="info" role="status" title={notice.title}>
          {notice.text} <SourceLink source={SOURCES.releaseTags}>Release list</SourceLink>
        </Notice>
      ) : null}
      <ReleaseList />
    </>
  );
}

function OsPresetQuestion() {
  const q = questionFor('nodes.osPreset');
  const { setValue } = useFormContext<Answers>();
  return (
    <SelectQuestion<Answers>
      name="nodes.osPreset"
      label={q.label}
      why={q.why}
      source={q.source}
      options={q.options ?? []}
      onValueChange={(value) => {
        // The kernel field is prefilled from the preset; "custom" keeps what was typed.
        const info = OS_PRESET_INFO[value as keyof typeof OS_PRESET_INFO];
        if (info && info.kernel) setValue('nodes.kernel', info.kernel, { shouldValidate: true, shouldDirty: true });
      }}
    />
  );
}

/** Typing a kernel says "my nodes run this": the OS preset becomes "Other", whose kernel is what is typed. */
function KernelQuestion() {
  const q = questionFor('nodes.kernel');
  const { setValue, getValues } = useFormContext<Answers>();
  return (
    <TextQuestion<Answers>
      name="nodes.kernel"
      label={q.label}
      why={q.why}
      source={q.source}
      placeholder={q.placeholder}
      onValueChange={(text) => {
        const preset = getValues('nodes.osPreset');
        if (preset !== 'custom' && text.trim() !== OS_PRESET_INFO[preset].kernel)
          setValue('nodes.osPreset', 'custom', { shouldValidate: true, shouldDirty: true });
      }}
    />
  );
}

/** The questions of one step. Exhaustive over the step ids. */
export function StepFields({ stepId }: { stepId: StepId }) {
  switch (stepId) {
    case 'cluster':
      return (
        <Box>
          <ReleaseQuestion />
          <Q path="cluster.management" kind="radio" />
          <Q path="cluster.size" kind="radio" />
          <Q path="cluster.windowsNodes" kind="switch" />
          <Q path="cluster.cisProfile" kind="switch" />
        </Box>
      );
    case 'nodes':
      return (
        <Box>
          <OsPresetQuestion />
          <KernelQuestion />
          <Q path="nodes.interface" kind="text" />
          <Q path="nodes.underlayMtu" kind="text" />
          <Q path="nodes.architecture" kind="radio" />
        </Box>
      );
    case 'security':
      return (
        <Box>
          <Q path="security.policy" kind="radio" />
          <Q path="security.encryption" kind="radio" />
        </Box>
      );
    case 'addressing':
      return (
        <Box>
          <Q path="addressing.ipFamily" kind="radio" />
          <Q path="addressing.clusterCidrV4" kind="text" />
          <Q path="addressing.serviceCidrV4" kind="text" />
          <Q path="addressing.clusterCidrV6" kind="text" />
          <Q path="addressing.serviceCidrV6" kind="text" />
        </Box>
      );
    case 'extras':
      return (
        <Box>
          <Q path="extras.mode" kind="radio" />
          <Q path="extras.secondary.name" kind="text" />
          <Q path="extras.secondary.namespace" kind="text" />
          <Q path="extras.secondary.type" kind="radio" />
          <Q path="extras.secondary.master" kind="text" />
          <Q path="extras.secondary.ipam" kind="radio" />
          <Q path="extras.secondary.subnet" kind="text" />
          <Q path="extras.secondary.rangeStart" kind="text" />
          <Q path="extras.secondary.rangeEnd" kind="text" />
          <Q path="extras.secondary.gateway" kind="text" />
          <Q path="extras.sriov.resourceName" kind="text" />
          <Q path="extras.sriov.pfNames" kind="text" />
          <Q path="extras.sriov.numVfs" kind="text" />
          <Q path="extras.sriov.deviceType" kind="radio" />
          <Q path="extras.sriov.vlan" kind="text" />
        </Box>
      );
    case 'performance':
      return (
        <Box>
          <Q path="performance.kubeProxyReplacement" kind="switch" />
          <Q path="performance.apiServerHost" kind="text" />
          <Q path="performance.apiServerPort" kind="text" />
          <Q path="performance.observability" kind="switch" />
          <Q path="performance.bandwidthManager" kind="switch" />
          <Q path="performance.awsEni" kind="switch" />
          <Q path="performance.bgp.enabled" kind="switch" />
          <Q path="performance.bgp.peerAddress" kind="text" />
          <Q path="performance.bgp.peerAsn" kind="text" />
          <Q path="performance.bgp.localAsn" kind="text" />
        </Box>
      );
    case 'review':
      return (
        <Box>
          <Q path="choice.forcedCni" kind="select" />
        </Box>
      );
    default:
      return assertNever(stepId);
  }
}
