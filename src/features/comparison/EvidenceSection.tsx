import { Alert, Box, Typography } from '@mui/material';
import { BENCHMARK, POPULARITY, type BenchmarkRow } from '../../domain/evidence';
import { ExternalLink } from './shared';

const CELL = { border: 1, borderColor: 'divider', p: 1, textAlign: 'left' } as const;
const NUM = { ...CELL, textAlign: 'right', fontVariantNumeric: 'tabular-nums' } as const;

export function BenchmarkTable({ rows, caption }: { rows: readonly BenchmarkRow[]; caption: string }) {
  return (
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      sx={{ position: 'relative', overflowX: 'auto', maxWidth: '100%' }}
    >
      <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
        <Box component="caption" sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}>
          {caption}
        </Box>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={CELL}>
              Variant
            </Box>
            <Box component="th" scope="col" sx={NUM}>
              TCP single stream (Gb/s)
            </Box>
            <Box component="th" scope="col" sx={NUM}>
              TCP multi-stream (Gb/s)
            </Box>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.variant}>
              <Box component="th" scope="row" sx={CELL}>
                {r.label}
              </Box>
              <Box component="td" sx={NUM}>
                {r.tcpSingle.toFixed(1)}
              </Box>
              <Box component="td" sx={NUM}>
                {r.tcpMulti.toFixed(1)}
              </Box>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

export function PopularityTable({ cni }: { cni?: string }) {
  const figures = cni ? POPULARITY.figures.filter((f) => f.cni === cni) : POPULARITY.figures;
  if (figures.length === 0) return <Typography>The seed has no GitHub figures for this CNI.</Typography>;
  const caption = `GitHub figures, collected ${POPULARITY.collected} (as printed by the Rancher CNI FAQ)`;
  return (
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      sx={{ position: 'relative', overflowX: 'auto', maxWidth: '100%' }}
    >
      <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
        <Box component="caption" sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}>
          {caption}
        </Box>
        <thead>
          <tr>
            <Box component="th" scope="col" sx={CELL}>
              Project
            </Box>
            <Box component="th" scope="col" sx={NUM}>
              Stars
            </Box>
            <Box component="th" scope="col" sx={NUM}>
              Forks
            </Box>
            <Box component="th" scope="col" sx={NUM}>
              Contributors
            </Box>
          </tr>
        </thead>
        <tbody>
          {figures.map((f) => (
            <tr key={f.cni}>
              <Box component="th" scope="row" sx={CELL}>
                {f.project.replace('https://github.com/', '').replace(/\/$/, '')}
              </Box>
              <Box component="td" sx={NUM}>
                {f.stars}
              </Box>
              <Box component="td" sx={NUM}>
                {f.forks}
              </Box>
              <Box component="td" sx={NUM}>
                {f.contributors}
              </Box>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

/** Popularity and throughput, each dated and labelled; context, never a reason on its own. */
export function EvidenceSection({
  cni,
  headingLevel = 'h2',
}: {
  cni?: BenchmarkRow['cni'];
  headingLevel?: 'h2' | 'h3';
}) {
  const rows = cni ? BENCHMARK.rows.filter((r) => r.cni === cni || r.cni === null) : BENCHMARK.rows;
  const sub = headingLevel === 'h2' ? 'h3' : 'h4';
  return (
    <Box component="section" aria-labelledby="evidence-heading" sx={{ mt: 4 }}>
      <Typography variant="h5" component={headingLevel} id="evidence-heading" gutterBottom>
        Evidence, dated and in context
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        Popularity and benchmark figures are context only. The recommendation never rests on them alone.
      </Alert>
      <Typography variant="h6" component={sub} gutterBottom>
        Measured throughput
      </Typography>
      <Typography gutterBottom>
        {BENCHMARK.title}: {BENCHMARK.context}. {BENCHMARK.caveat}{' '}
        <ExternalLink source={BENCHMARK.source}>Raw data and method</ExternalLink>
      </Typography>
      {rows.length > 1 || !cni ? (
        <BenchmarkTable rows={rows} caption={`Pod-to-pod TCP throughput (${BENCHMARK.context})`} />
      ) : (
        <Typography>
          This CNI was not part of the benchmark (it covered canal, calico, cilium and flannel; no meta plugins).
        </Typography>
      )}
      <Typography variant="h6" component={sub} gutterBottom sx={{ mt: 3 }}>
        GitHub popularity
      </Typography>
      <Typography gutterBottom>
        The only figures in our sources are those the Rancher CNI FAQ printed, collected in {POPULARITY.collected}; they
        are old and count the upstream projects, not RKE2 use.{' '}
        <ExternalLink source={POPULARITY.source}>Rancher CNI FAQ</ExternalLink>
      </Typography>
      <PopularityTable cni={cni ?? undefined} />
    </Box>
  );
}
