import { Box } from '@mui/material';
import { toneTextSx } from './tones';

export type BadgeTone = 'success' | 'info' | 'warning' | 'error' | 'neutral';

/** A small text badge (status, "cannot be changed later"). Text carries the meaning, colour only helps. */
export function TextBadge({ tone, children }: { tone: BadgeTone; children: React.ReactNode }) {
  const color = tone === 'neutral' ? 'text.primary' : `${tone}.main`;
  return (
    <Box
      component="span"
      sx={{
        display: 'inline-block', px: 1, py: 0.25, ml: 0.5, borderRadius: 4, border: 1, borderColor: color,
        fontSize: '0.75rem', fontWeight: 600, lineHeight: 1.6, verticalAlign: 'middle', whiteSpace: 'nowrap',
        ...(tone === 'neutral' ? { color: 'text.primary' } : toneTextSx(tone)),
      }}
    >
      {children}
    </Box>
  );
}
