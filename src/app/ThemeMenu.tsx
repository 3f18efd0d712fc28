import { Button } from '@mui/material';
import { useColorScheme } from '@mui/material/styles';
import DarkModeIcon from '@mui/icons-material/DarkMode';
import LightModeIcon from '@mui/icons-material/LightMode';
import SettingsBrightnessIcon from '@mui/icons-material/SettingsBrightness';

const ORDER = ['system', 'light', 'dark'] as const;
type Mode = (typeof ORDER)[number];
const LABEL: Record<Mode, string> = { system: 'follows the system', light: 'light', dark: 'dark' };
const ICON = { system: SettingsBrightnessIcon, light: LightModeIcon, dark: DarkModeIcon } as const;

/**
 * Dark mode follows the system until the user picks; one button cycles system → light → dark.
 * MUI persists the pick in localStorage. (A menu would pull popover code into the first load.)
 */
export function ThemeMenu() {
  const { mode, setMode } = useColorScheme();
  const current: Mode = mode ?? 'system';
  const next = ORDER[(ORDER.indexOf(current) + 1) % ORDER.length]!;
  const Icon = ICON[current];
  const label = `Colour theme: ${LABEL[current]}. Switch to ${LABEL[next]}`;
  return (
    <Button color="inherit" aria-label={label} title={label} onClick={() => setMode(next)} data-theme-mode={current} sx={{ minWidth: 40, borderRadius: '50%', p: 1 }}>
      <Icon />
    </Button>
  );
}
