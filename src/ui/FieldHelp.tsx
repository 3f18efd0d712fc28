import { Box } from '@mui/material';
import type { Source } from '../domain/sources';
import { SourceLink } from './SourceLink';

export interface FieldHelpProps {
  why: string;
  source: Source;
  /** Shown at the field when the answer is invalid. */
  error?: string | undefined;
  /** Why the question does not apply right now. */
  disabledReason?: string | undefined;
}

/** The line under every question: the error first, then why it matters and where that comes from. */
export function FieldHelp({ why, source, error, disabledReason }: FieldHelpProps) {
  return (
    <>
      {error ? (
        <Box component="span" sx={{ display: 'block', fontWeight: 600 }}>
          {error}
        </Box>
      ) : null}
      {disabledReason ? (
        <Box component="span" sx={{ display: 'block', fontStyle: 'italic' }}>
          Not available: {disabledReason}
        </Box>
      ) : null}
      <Box component="span" sx={{ display: 'block', color: 'text.secondary' }}>
        {why} <SourceLink source={source}>Learn more</SourceLink>
      </Box>
    </>
  );
}
