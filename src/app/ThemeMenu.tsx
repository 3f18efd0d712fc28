import { Button } from '../ui/Button';
import { useColorScheme } from '@mui/material/styles';

const ORDER = ['system', 'light', 'dark'] as const;
type Mode = (typeof ORDER)[number];
const LABEL: Record<Mode, string> = { system: 'follows the system', light: 'light', dark: 'dark' };
const SHORT: Record<Mode, string> = { system: 'Auto', light: 'Light', dark: 'Dark' };

/**
 * Dark mode follows the system until the user picks; one button cycles system → light → dark.
 * MUI persists the pick in localStorage. Text glyphs instead of icon components keep the first load small.
 */
export function ThemeMenu() {
  const { mode, setMode } = useColorScheme();
  const current: Mode = mode ?? 'system';
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
  // The name starts with the visible text (WCAG 2.5.3) and says what a press does.
  const label = `Theme: ${SHORT[current]} (${LABEL[current]}); switch to ${LABEL[next]}`;
  return (
    <Button
      color="inherit"
      aria-label={label}
      title={label}
      onClick={() => setMode(next)}
      data-theme-mode={current}
      sx={{ textTransform: 'none', minWidth: 0 }}
    >
      Theme: {SHORT[current]}
    </Button>
  );
}
