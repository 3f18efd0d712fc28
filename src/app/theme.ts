import { createTheme } from '@mui/material/styles';

/**
 * Light and dark schemes as CSS variables: MUI follows the system preference ("system" mode)
 * and persists the toggle in localStorage itself (key "mui-mode"), with no inline script.
 */
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    light: { palette: { primary: { main: '#0b5cad' }, secondary: { main: '#6a3d9a' } } },
    dark: { palette: { primary: { main: '#90caf9' }, secondary: { main: '#ce93d8' } } },
  },
  typography: {
    // System fonts only: no web font request leaves the page's origin.
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  },
});
