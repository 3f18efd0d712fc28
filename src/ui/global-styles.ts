import type { Theme } from '@mui/material/styles';
import { TONE_TEXT, type Tone } from './tones';

const TONES: Tone[] = ['success', 'info', 'warning', 'error'];

const VISUALLY_HIDDEN = {
  position: 'absolute',
  width: '1px',
  height: '1px',
  padding: 0,
  margin: '-1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
} as const;

/**
 * Styles of the small pieces repeated many times in the panel and the bundle view (links, badges,
 * notices), declared once as classes: per-element sx would be re-serialised on every answer change.
 */
export function globalStyles(theme: Theme) {
  const v = theme.vars ?? theme;
  const tones = Object.fromEntries(
    TONES.flatMap((t) => [
      [`.tone-${t}`, { color: TONE_TEXT[t].light }],
      [`.dark .tone-${t}`, { color: TONE_TEXT[t].dark }],
      [`.notice-${t}`, { borderColor: v.palette[t].main }],
      [`.badge-${t}`, { borderColor: v.palette[t].main }],
    ]),
  );
  return {
    '.visually-hidden': VISUALLY_HIDDEN,
    // On narrow screens only the current step shows its label; the others keep it for screen readers.
    '@media (max-width: 899.95px)': { '.step-label-collapsible': VISUALLY_HIDDEN },
    // The skip link is visible only when focused.
    '.skip-link': {
      position: 'absolute',
      left: '-9999px',
      top: 0,
      zIndex: 2000,
      padding: '8px 16px',
      background: '#fff',
      color: '#000',
    },
    '.skip-link:focus': { left: '8px', top: '8px' },
    '.source-link': { color: v.palette.primary.main, textDecoration: 'underline', textUnderlineOffset: '2px' },
    '.source-link:focus-visible': { outline: '2px solid', outlineOffset: '2px' },
    '.badge': {
      display: 'inline-block',
      padding: '2px 8px',
      marginLeft: '4px',
      borderRadius: '16px',
      border: '1px solid',
      fontSize: '0.75rem',
      fontWeight: 600,
      lineHeight: 1.6,
      verticalAlign: 'middle',
      whiteSpace: 'nowrap',
    },
    '.notice': {
      position: 'relative',
      margin: '0 0 8px',
      padding: '12px',
      borderRadius: '4px',
      border: '1px solid',
      borderLeftWidth: '6px',
      backgroundColor: v.palette.background.paper,
      color: v.palette.text.primary,
      fontSize: '0.875rem',
      lineHeight: 1.5,
    },
    '.notice.closable': { paddingRight: '80px' },
    '.notice-title': { margin: '0 0 4px', fontWeight: 700, fontSize: '0.95rem' },
    '.notice-close': { position: 'absolute', top: '6px', right: '6px' },
    ...tones,
  };
}
