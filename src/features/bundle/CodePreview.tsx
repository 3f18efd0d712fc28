import { memo, useMemo } from 'react';
import { Box } from '@mui/material';
import { highlight, languageOf, type TokenKind } from './highlight';

/** Token colours with at least 4.5:1 contrast on both backgrounds. */
const LIGHT: Record<TokenKind, string> = {
  plain: '#1f2328',
  comment: '#57606a',
  key: '#0550ae',
  string: '#0a3069',
  number: '#953800',
  keyword: '#8250df',
  punct: '#1f2328',
  variable: '#953800',
  heading: '#0550ae',
  code: '#116329',
};
const DARK: Record<TokenKind, string> = {
  plain: '#e6edf3',
  comment: '#9ea7b3',
  key: '#79c0ff',
  string: '#a5d6ff',
  number: '#ffa657',
  keyword: '#d2a8ff',
  punct: '#e6edf3',
  variable: '#ffa657',
  heading: '#79c0ff',
  code: '#7ee787',
};

function tokenStyles(palette: Record<TokenKind, string>) {
  return Object.fromEntries(Object.entries(palette).map(([k, c]) => [`& .tok-${k}`, { color: c }]));
}

/** Built once: a new sx object on every render would make emotion serialise it again. */
const PRE_SX = {
  m: 0,
  p: 1.5,
  overflow: 'auto',
  maxHeight: '60vh',
  fontSize: '0.8125rem',
  lineHeight: 1.5,
  borderRadius: 1,
  border: 1,
  borderColor: 'divider',
  bgcolor: '#f6f8fa',
  ...tokenStyles(LIGHT),
  '.dark &, [data-mui-color-scheme="dark"] &': { bgcolor: '#0d1117', ...tokenStyles(DARK) },
  '&:focus-visible': { outline: '2px solid', outlineColor: 'primary.main' },
} as const;

/**
 * The file exactly as downloaded, highlighted with React spans (no HTML strings).
 * Lines are joined with "\n" inside one <code>, so selecting and copying gives the same bytes.
 */
export const CodePreview = memo(function CodePreview({ path, text }: { path: string; text: string }) {
  const lines = useMemo(() => highlight(text, languageOf(path)), [path, text]);
  return (
    <Box component="pre" tabIndex={0} aria-label={`Contents of ${path}`} data-testid="file-preview" sx={PRE_SX}>
      <code>
        {lines.map((tokens, i) => (
          <span key={i}>
            {tokens.map((t, j) =>
              t.kind === 'plain' ? (
                t.text
              ) : (
                <span key={j} className={`tok-${t.kind}`}>
                  {t.text}
                </span>
              ),
            )}
            {i < lines.length - 1 ? '\n' : null}
          </span>
        ))}
      </code>
    </Box>
  );
});
