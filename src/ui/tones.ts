/**
 * Text colours for severity words and badges with at least 4.5:1 contrast (WCAG AA) on the light
 * and dark paper colours. MUI's *.main/*.dark warning oranges fall short on white.
 */
export type Tone = 'success' | 'info' | 'warning' | 'error';

export const TONE_TEXT: Readonly<Record<Tone, { light: string; dark: string }>> = {
  success: { light: '#1b5e20', dark: '#81c784' },
  info: { light: '#01579b', dark: '#81d4fa' },
  warning: { light: '#7a3e00', dark: '#ffb74d' },
  error: { light: '#b71c1c', dark: '#ef9a9a' },
};

/** sx for text in a tone, following the colour scheme class on <html>. */
export function toneTextSx(tone: Tone) {
  return { color: TONE_TEXT[tone].light, '.dark &': { color: TONE_TEXT[tone].dark } } as const;
}
