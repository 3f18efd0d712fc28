import { useEffect, useMemo, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControl,
  FormControlLabel,
  FormGroup,
  FormHelperText,
  FormLabel,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import type { Decision } from '../../domain/engine/types';
import {
  FEATURES,
  matrixFor,
  matrixToCsv,
  matrixToMarkdown,
  type FeatureGroupId,
  type FeatureId,
  type MatrixColumnKey,
} from '../../domain/matrix';
import { COMPARISON_ONLY_PROFILES } from '../../domain/cni/profiles';
import { downloadText } from '../../lib/download';
import { buildComparisonView, type Judged } from './comparison-model';
import { comparisonAnswer, type CaveatEngine } from './comparison-answer';
import {
  comparisonSearch,
  parseComparisonSearch,
  SORT_MODES,
  type ComparisonState,
  type SortMode,
} from './comparison-url';
import { ComparisonTable } from './ComparisonTable';
import { EvidenceSection } from './EvidenceSection';
import { ExternalLink, InAppLink, NativeSelectField, ReleaseSelect, chooseRelease, useStoredAnswers } from './shared';
import { currentLocation, urlFor } from '../../lib/location';
import { useHydrated } from '../../ui/hydration';

const SORT_LABELS: Record<SortMode, string> = {
  rke2: 'RKE2 order (primaries, add-ons, comparison-only)',
  name: 'Name',
  support: 'Most supported features (needed ones if any)',
};

type Engine = CaveatEngine;

const NEEDABLE = FEATURES.filter((f) => f.kind === 'support');

function toggle<T>(list: readonly T[], item: T): T[] {
  return list.includes(item) ? list.filter((x) => x !== item) : [...list, item];
}

/** /compare: the feature matrix side by side, filtered, sorted, shareable. */
export default function ComparisonPage() {
  // Prerendered (issue 15): hydrate the newest release with no filters, then read the address.
  const hydrated = useHydrated();
  const fromAddress = useMemo(() => parseComparisonSearch(hydrated ? window.location.search : ''), [hydrated]);
  const [changed, setState] = useState<ComparisonState | null>(null);
  const state = changed ?? fromAddress;
  const stored = useStoredAnswers();
  const { release, notice } = useMemo(
    () => chooseRelease(state.release, stored.answers?.cluster.release ?? null),
    [state.release, stored.answers],
  );
  const matrix = useMemo(() => matrixFor(release), [release]);
  const releaseText = release.requested.text;

  // The engine judges the wizard's answers on the release shown here and finds the caveats of the
  // features asked for. It is loaded only when there are saved answers or asked features: a first visit
  // does not fetch it (issue 15, /compare's byte budget).
  const [engine, setEngine] = useState<Engine | null>(null);
  const wantsEngine = stored.answers !== null || state.features.length > 0;
  useEffect(() => {
    if (wantsEngine && !engine) void import('../../domain/engine').then((m) => setEngine(m));
  }, [wantsEngine, engine]);
  const judged: Judged | null = useMemo(() => {
    if (!stored.answers || !engine) return null;
    try {
      const decision = engine.evaluate({
        ...stored.answers,
        cluster: { ...stored.answers.cluster, release: releaseText },
      });
      return { decision, explain: engine.explain };
    } catch {
      return null;
    }
  }, [stored.answers, releaseText, engine]);
  const decision: Decision | null = judged?.decision ?? null;

  const view = useMemo(
    () => buildComparisonView(matrix, state, stored.answers, judged),
    [matrix, state, stored.answers, judged],
  );
  const fitsAnswers = state.fit && stored.answers !== null;
  const answer = useMemo(
    () => comparisonAnswer(matrix, view, fitsAnswers ? stored.answers : null, fitsAnswers, engine),
    [matrix, view, fitsAnswers, stored.answers, engine],
  );

  // The URL is the shareable state; replaceState keeps Back meaningful.
  useEffect(() => {
    if (!hydrated) return;
    const next = `/compare${comparisonSearch(state)}`;
    if (next !== currentLocation()) window.history.replaceState(window.history.state, '', urlFor(next));
  }, [state, hydrated]);

  const update = (patch: Partial<ComparisonState>) => setState((s) => ({ ...(s ?? fromAddress), ...patch }));
  const allColumns = matrix.columns.map((c) => c.id);
  const selected = state.cni.length ? state.cni : allColumns;
  const exportSelection = { columns: view.shown.map((v) => v.column.id), features: undefined };
  const fileBase = `rke2-cni-comparison-${releaseText.replace('+', '-')}`;

  return (
    <Box component="main" id="main-content" sx={{ p: { xs: 1.5, sm: 3 }, maxWidth: '100%' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Compare CNIs for RKE2
      </Typography>
      <Box
        component="section"
        aria-labelledby="answer-heading"
        sx={{ my: 2, p: 2, border: 1, borderColor: 'divider', borderRadius: 1, maxWidth: '90ch' }}
      >
        <Typography variant="h6" component="h2" id="answer-heading">
          Answer
        </Typography>
        <Typography role="status" aria-live="polite" sx={{ fontWeight: 600 }} data-testid="comparison-answer">
          {answer.headline}
        </Typography>
        {answer.caveatsPending && <Typography variant="body2">Finding the caveats for this combination…</Typography>}
        {answer.caveats.length > 0 && (
          <>
            <Typography variant="subtitle1" component="h3" id="caveats-heading" sx={{ mt: 1 }}>
              Caveats the wizard gives for this combination
            </Typography>
            <Box component="ul" aria-labelledby="caveats-heading" sx={{ pl: 3, my: 0.5 }}>
              {answer.caveats.map((c) => (
                <li key={`${c.cni ?? ''}|${c.text}`} data-severity={c.severity}>
                  <strong>{c.cni ?? 'Whatever the CNI'}:</strong> {c.text}{' '}
                  <ExternalLink source={c.source}>Source</ExternalLink>
                </li>
              ))}
            </Box>
          </>
        )}
      </Box>
      <Typography sx={{ maxWidth: '70ch' }} gutterBottom>
        Every cell is specific to the release you pick and links to its source. Where the RKE2 or Rancher docs are out
        of date, this table follows the code and charts: Cilium VXLAN is UDP 8472 (not TCP), Cilium’s minimum kernel
        follows the bundled Cilium version (not 4.9.17), Calico dual-stack stays on VXLAN (it no longer switches to
        BGP), and rke2-flannel uses UDP 4789 while Canal uses 8472.
      </Typography>

      <Box component="section" aria-labelledby="filters-heading" sx={{ my: 2 }}>
        <Typography variant="h5" component="h2" id="filters-heading" gutterBottom>
          What to compare
        </Typography>
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, alignItems: 'flex-start' }}>
          <Box>
            <ReleaseSelect id="compare-release" value={releaseText} onChange={(r) => update({ release: r })} />
            <FormHelperText id="compare-release-help">
              {state.release ? 'From the link.' : stored.answers ? 'Your wizard release.' : 'The newest known release.'}
            </FormHelperText>
          </Box>
          <NativeSelectField
            id="compare-sort"
            label="Sort CNIs by"
            value={state.sort}
            onChange={(v) => update({ sort: v as SortMode })}
          >
            {SORT_MODES.map((m) => (
              <option key={m} value={m}>
                {SORT_LABELS[m]}
              </option>
            ))}
          </NativeSelectField>
        </Box>
        {notice && (
          <Alert severity="warning" sx={{ mt: 2 }}>
            {notice}
          </Alert>
        )}

        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 4, mt: 2 }}>
          <FormControl component="fieldset">
            <FormLabel component="legend">CNIs to compare</FormLabel>
            <FormGroup>
              {matrix.columns.map((c) => (
                <FormControlLabel
                  key={c.id}
                  label={
                    c.kind === 'comparison-only'
                      ? `${c.label} (not offered by RKE2)`
                      : c.kind === 'addon'
                        ? `${c.label} (add-on)`
                        : c.label
                  }
                  control={
                    <Checkbox
                      size="small"
                      checked={selected.includes(c.id)}
                      onChange={() => {
                        const next = toggle(selected, c.id);
                        update({
                          cni:
                            next.length === allColumns.length
                              ? []
                              : (allColumns.filter((id) => next.includes(id)) as MatrixColumnKey[]),
                        });
                      }}
                    />
                  }
                />
              ))}
            </FormGroup>
          </FormControl>

          <FormControl component="fieldset">
            <FormLabel component="legend">Only the features I need</FormLabel>
            <FormGroup sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', md: '1fr 1fr' }, columnGap: 2 }}>
              {NEEDABLE.map((f) => (
                <FormControlLabel
                  key={f.id}
                  label={f.label}
                  control={
                    <Checkbox
                      size="small"
                      checked={state.features.includes(f.id)}
                      onChange={() =>
                        update({
                          features: FEATURES.map((x) => x.id).filter((id) =>
                            toggle(state.features, f.id).includes(id),
                          ) as FeatureId[],
                        })
                      }
                    />
                  }
                />
              ))}
            </FormGroup>
            <FormHelperText>
              CNIs that cannot do a checked feature are hidden, with the reason below the filters.
            </FormHelperText>
          </FormControl>

          <FormControl component="fieldset">
            <FormLabel component="legend">Your wizard answers</FormLabel>
            <FormControlLabel
              label="Only what fits my answers"
              control={
                <Checkbox
                  size="small"
                  checked={state.fit && stored.answers !== null}
                  disabled={stored.answers === null}
                  onChange={(e) => update({ fit: e.target.checked })}
                />
              }
            />
            <FormHelperText sx={{ maxWidth: '40ch' }}>
              {stored.answers
                ? `Uses the answers saved by the wizard (${view.needed.length && state.fit ? `needs: ${view.needed.map((id) => FEATURES.find((f) => f.id === id)!.label).join(', ')}` : 'release, needs and kernel'}).`
                : (stored.message ?? 'No saved wizard answers in this browser yet.')}{' '}
              {!stored.answers && <InAppLink to="/">Open the wizard</InAppLink>}
            </FormHelperText>
          </FormControl>
        </Box>
      </Box>

      <Typography role="status" aria-live="polite" sx={{ my: 1 }}>
        Showing {view.shown.length} of {view.shown.length + view.hidden.length} selected CNIs for RKE2 {releaseText}.
        {decision?.recommended
          ? ` Recommended for your answers: ${matrix.columns.find((c) => c.id === decision.recommended)?.label}.`
          : ''}
      </Typography>

      {view.hidden.length > 0 && (
        <Box component="section" aria-labelledby="hidden-heading" sx={{ my: 2 }}>
          <Typography variant="h6" component="h2" id="hidden-heading">
            Hidden by your filters
          </Typography>
          <Box component="ul" sx={{ pl: 3, my: 1 }}>
            {view.hidden.map((v) => (
              <li key={v.column.id} data-hidden-column={v.column.id}>
                <strong>{v.column.label}</strong>
                <Box component="ul" sx={{ pl: 2 }}>
                  {v.hiddenBecause.map((b) => (
                    <li key={b.text}>
                      {b.text} <ExternalLink source={b.source}>Source</ExternalLink>
                    </li>
                  ))}
                </Box>
              </li>
            ))}
          </Box>
        </Box>
      )}

      {view.shown.length === 0 ? (
        <Alert severity="warning">
          No selected CNI meets every filter. Uncheck a feature or add CNIs to see the table.
        </Alert>
      ) : (
        <ComparisonTable
          matrix={matrix}
          columns={view.shown}
          needed={view.needed}
          collapsed={state.collapsed}
          onToggleGroup={(g: FeatureGroupId) => update({ collapsed: toggle(state.collapsed, g) })}
        />
      )}

      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mt: 2 }}>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon aria-hidden="true" />}
          disabled={view.shown.length === 0}
          onClick={() => downloadText(`${fileBase}.csv`, matrixToCsv(matrix, exportSelection), 'text/csv')}
        >
          Export CSV
        </Button>
        <Button
          variant="outlined"
          startIcon={<DownloadIcon aria-hidden="true" />}
          disabled={view.shown.length === 0}
          onClick={() => downloadText(`${fileBase}.md`, matrixToMarkdown(matrix, exportSelection), 'text/markdown')}
        >
          Export Markdown
        </Button>
      </Box>
      <Typography variant="body2" sx={{ mt: 1 }}>
        The page address holds this comparison (CNIs, release, filters, sort and collapsed groups): copy it to share the
        view.
      </Typography>

      <Box component="section" aria-labelledby="not-offered-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="not-offered-heading" gutterBottom>
          Not offered by RKE2
        </Typography>
        <Box component="ul" sx={{ pl: 3 }}>
          {Object.values(COMPARISON_ONLY_PROFILES).map((p) => (
            <li key={p.id}>
              <strong>{p.name}</strong>: {p.whyNotOffered} <ExternalLink source={p.source}>Source</ExternalLink>
            </li>
          ))}
        </Box>
      </Box>

      <EvidenceSection />
    </Box>
  );
}
