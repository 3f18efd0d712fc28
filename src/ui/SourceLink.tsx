import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import type { Source } from '../domain/sources';

/** An external source: opens in a new tab, says so, and shows the title on hover. */
export function SourceLink({ source, children }: { source: Source; children?: ReactNode }) {
  return (
    <Box
      component="a"
      href={source.url}
      target="_blank"
      rel="noopener noreferrer"
      title={source.title}
      sx={{ color: 'primary.main', textDecoration: 'underline', textUnderlineOffset: '2px', '&:focus-visible': { outline: '2px solid', outlineOffset: '2px' } }}
    >
      {children ?? source.title}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </Box>
  );
}
