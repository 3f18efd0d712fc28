import { memo, useEffect, useState } from 'react';
import { Box, Typography } from '@mui/material';
import type { Answers } from '../../domain/answers/types';
import type { Decision } from '../../domain/engine/types';
import {
  KNOWN_ISSUES_TEST_ID,
  knownIssuesIfLoaded,
  loadKnownIssues,
  takePrerenderedWithoutKnownIssues,
} from './known-issues-loader';
import { SourceLink } from '../../ui/SourceLink';

/**
 * Known issues of the chosen release that apply to this configuration (issue 13 §3), with "affected / fixed in"
 * and the upstream links. The domain decides what applies; this only renders it. Nothing when none applies.
 */
export const KnownIssues = memo(function KnownIssues({ decision, answers }: { decision: Decision; answers: Answers }) {
  const release = decision.release.requested.text;
  // The registry loads on its own (known-issues-loader.ts): nothing shows until it has. A prerendered
  // wizard that showed none needs it only once the answers it hydrated with change.
  const [registry, setRegistry] = useState(knownIssuesIfLoaded);
  const [hydratedWith] = useState(() => (takePrerenderedWithoutKnownIssues() ? answers : null));
  const needed = !registry && answers !== hydratedWith;
  useEffect(() => {
    if (needed) void loadKnownIssues().then(setRegistry);
  }, [needed]);
  if (!registry) return null;
  const { affectedText, fixedText, knownIssuesFor } = registry;
  const matches = knownIssuesFor({
    release: decision.release,
    plan: decision.plan,
    answers,
    kinds: ['bug', 'upgrade'],
  });
  if (!matches.length) return null;
  return (
    <Box component="section" aria-labelledby="known-issues-heading" sx={{ mb: 2 }} data-testid={KNOWN_ISSUES_TEST_ID}>
      <Typography id="known-issues-heading" variant="subtitle1" component="h3">
        Known issues of RKE2 {release}
      </Typography>
      <Box component="ul" sx={{ m: 0, pl: 2, '& li': { mb: 1 } }}>
        {matches.map((m) => (
          <li key={m.issue.id} data-issue-id={m.issue.id}>
            <strong>{m.issue.title}</strong>
            <Typography variant="body2" component="span" sx={{ display: 'block' }}>
              {m.issue.date}: {affectedText(m)}; {fixedText(m)}.
            </Typography>
            <Typography variant="body2" component="span" sx={{ display: 'block' }}>
              {m.issue.workaround}{' '}
              {m.issue.links.map((l, i) => (
                <span key={l.url}>
                  {i > 0 ? ', ' : null}
                  <SourceLink source={l} />
                </span>
              ))}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
});
