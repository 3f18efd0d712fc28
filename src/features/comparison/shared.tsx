import { useMemo, type MouseEvent, type ReactNode } from 'react';
import { Box, FormControl, InputLabel, Link, NativeSelect, OutlinedInput } from '@mui/material';
import type { SxProps, Theme } from '@mui/material/styles';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import AdjustIcon from '@mui/icons-material/Adjust';
import CancelIcon from '@mui/icons-material/Cancel';
import RemoveIcon from '@mui/icons-material/Remove';
import type { SupportLevel } from '../../domain/facts/cni-names';
import { LEVEL_LABELS } from '../../domain/matrix';
import { RELEASES } from '../../domain/rke2/releases';
import { compareVersions } from '../../domain/rke2/version';
import type { Source } from '../../domain/sources';
// Not the answers index: it re-exports answers-text, which brings js-yaml into the comparison pages.
import { parseAnswers } from '../../domain/answers/parse-answers';
import type { Answers } from '../../domain/answers/types';
import { loadStoredAnswers } from '../../lib/answers-storage';
import { urlFor } from '../../lib/location';
import { useHydrated } from '../../ui/hydration';

export { chooseRelease, type ReleaseChoice } from './release-choice';

/** Hidden on screen, read by screen readers. */
export const visuallyHiddenSx = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;

const LEVEL_ICON: Record<SupportLevel, { Icon: typeof CheckCircleIcon; color: string }> = {
  yes: { Icon: CheckCircleIcon, color: 'success.main' },
  partial: { Icon: AdjustIcon, color: 'warning.main' },
  no: { Icon: CancelIcon, color: 'error.main' },
  'not-applicable': { Icon: RemoveIcon, color: 'text.secondary' },
};

/** A support level as icon plus text: never colour alone. */
export function LevelBadge({ level, label }: { level: SupportLevel; label?: string }) {
  const { Icon, color } = LEVEL_ICON[level];
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, fontWeight: 600 }}
      data-level={level}
    >
      <Icon fontSize="small" sx={{ color }} aria-hidden="true" />
      <span>{label ?? LEVEL_LABELS[level]}</span>
    </Box>
  );
}

/** An external source: a new tab, said aloud, full title on hover. */
export function ExternalLink({ source, children }: { source: Source; children?: ReactNode }) {
  return (
    <Link href={source.url} target="_blank" rel="noopener noreferrer" title={source.title} underline="always">
      {children ?? source.title}
      <Box component="span" sx={visuallyHiddenSx}>
        {' '}
        (opens in a new tab)
      </Box>
    </Link>
  );
}

/**
 * In-app navigation through the History API. The shell listens to popstate, so a synthetic one
 * tells it the path changed; a modified click keeps the browser's own behaviour (new tab, …).
 */
export function navigateTo(to: string): void {
  window.history.pushState(null, '', urlFor(to));
  window.dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

export function onInAppClick(event: MouseEvent<HTMLAnchorElement>, to: string): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigateTo(to);
}

export function InAppLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link href={urlFor(to)} onClick={(e: MouseEvent<HTMLAnchorElement>) => onInAppClick(e, to)} underline="always">
      {children}
    </Link>
  );
}

/** Releases grouped by minor line, newest line first, newest release first. */
const RELEASE_LINES: { line: string; releases: string[] }[] = (() => {
  const byLine = new Map<string, string[]>();
  for (const r of [...RELEASES].sort((a, b) => compareVersions(b.version, a.version))) {
    const line = `v${r.version.major}.${r.version.minor}`;
    byLine.set(line, [...(byLine.get(line) ?? []), r.version.text]);
  }
  return [...byLine.entries()].map(([line, releases]) => ({ line, releases }));
})();

/**
 * A labelled, outlined native <select> assembled from MUI parts, the look of TextField's `select native`.
 * TextField imports Select, whose Menu/Popover/Modal stack the comparison pages never use: their
 * first visit stays inside its byte budget without it (issue 15).
 */
export function NativeSelectField({
  id,
  label,
  value,
  onChange,
  children,
  sx,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
  sx?: SxProps<Theme>;
}) {
  return (
    <FormControl size="small" variant="outlined" sx={sx}>
      <InputLabel htmlFor={id} id={`${id}-label`} shrink>
        {label}
      </InputLabel>
      <NativeSelect
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        input={<OutlinedInput label={label} notched />}
      >
        {children}
      </NativeSelect>
    </FormControl>
  );
}

/** A native select (keyboard and screen-reader friendly, fast with 270 options). */
export function ReleaseSelect({
  value,
  onChange,
  id,
}: {
  value: string;
  onChange: (release: string) => void;
  id: string;
}) {
  const known = RELEASES.some((r) => r.version.text === value);
  return (
    <NativeSelectField id={id} label="RKE2 release" value={value} onChange={onChange} sx={{ minWidth: 220 }}>
      {!known && <option value={value}>{value}</option>}
      {RELEASE_LINES.map((g) => (
        <optgroup key={g.line} label={g.line}>
          {g.releases.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </optgroup>
      ))}
    </NativeSelectField>
  );
}

export type StoredAnswersState = { answers: Answers | null; message: string | null };

/** The wizard's saved answers, validated; never throws. */
export function useStoredAnswers(): StoredAnswersState {
  // A prerendered page hydrates as a first visit (no saved answers), then reads the storage (issue 15).
  const hydrated = useHydrated();
  return useMemo(() => {
    if (!hydrated) return { answers: null, message: null };
    const stored = loadStoredAnswers();
    if (stored === null) return { answers: null, message: null };
    if (!stored.ok) return { answers: null, message: stored.message };
    const parsed = parseAnswers(stored.value);
    if (parsed.ok) return { answers: parsed.answers, message: null };
    return {
      answers: null,
      message: `The saved wizard answers have ${parsed.errors.length} problem(s) (${parsed.errors.map((e) => e.field).join(', ')}); fix them in the wizard to filter by your answers.`,
    };
  }, [hydrated]);
}
