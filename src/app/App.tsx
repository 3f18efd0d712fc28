import { Suspense, useEffect, type MouseEvent } from 'react';
import { Box, CssBaseline, GlobalStyles, Toolbar, Typography } from '@mui/material';
import { Button, Spinner } from '../ui/Button';
import { ThemeProvider } from '@mui/material/styles';
import { theme } from './theme';
import { globalStyles } from '../ui/global-styles';
import { ErrorBoundary } from './ErrorBoundary';
import { ThemeMenu } from './ThemeMenu';
import { matchRoute, navigate, usePathname, type Route } from './router';
import { comparisonRoutes } from './comparison-routes';
import { preloadable } from './preloadable';
import { urlFor } from '../lib/location';
import { answersParamFrom } from '../lib/url-state';
import { hasStoredAnswers } from '../lib/answers-storage';
import { loadPanel } from '../features/recommendation/panel-loader';
import {
  KNOWN_ISSUES_TEST_ID,
  loadKnownIssues,
  markPrerenderedWithoutKnownIssues,
} from '../features/recommendation/known-issues-loader';

const APP_NAME = 'RKE2 CNI Wizard';

// Every page is its own chunk (issue 15): /compare and the CNI pages load no form library, wizard or
// engine. A prerendered page names its chunks as module preloads, so this costs no extra round trip.
const WizardRoute = preloadable(() => import('./WizardRoute').then((m) => m.WizardRoute));

/** Loads what a route renders first, so a prerendered page hydrates without suspending (main.tsx). */
export function preloadRoute(route: Route): Promise<void> {
  switch (route.name) {
    case 'wizard':
      // The registry only when the prerendered panel shows known issues (known-issues-loader.ts).
      // The panel's code when the answers will not be the prerendered ones (panel-loader.ts).
      return Promise.all([
        WizardRoute.preload(),
        answersParamFrom(window.location.search) !== null || hasStoredAnswers() ? loadPanel() : null,
        document.querySelector(`[data-testid="${KNOWN_ISSUES_TEST_ID}"]`)
          ? loadKnownIssues()
          : markPrerenderedWithoutKnownIssues(),
      ]).then(() => undefined);
    case 'compare':
      return comparisonRoutes.ComparisonPage.preload();
    case 'cni':
      return comparisonRoutes.CniPage.preload();
    case 'check':
      return comparisonRoutes.CheckPage.preload();
    default:
      return Promise.resolve();
  }
}

function onNavClick(event: MouseEvent<HTMLAnchorElement>, to: string) {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
    return;
  event.preventDefault();
  navigate(to);
}

function NavButton({ to, label, current }: { to: string; label: string; current: boolean }) {
  return (
    <Button
      color="inherit"
      href={urlFor(to)}
      onClick={(e: MouseEvent<HTMLAnchorElement>) => onNavClick(e, to)}
      aria-current={current ? 'page' : undefined}
      sx={{ textDecoration: current ? 'underline' : 'none', textUnderlineOffset: '6px' }}
    >
      {label}
    </Button>
  );
}

function Loading() {
  return (
    <Box sx={{ display: 'flex', justifyContent: 'center', p: 4 }} role="status" aria-live="polite">
      <Spinner aria-hidden="true" sx={{ mr: 1 }} /> Loading…
    </Box>
  );
}

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'wizard':
      return <WizardRoute />;
    case 'compare': {
      const Page = comparisonRoutes.ComparisonPage;
      return <Page />;
    }
    case 'cni': {
      const Page = comparisonRoutes.CniPage;
      return <Page id={route.id} />;
    }
    case 'check': {
      const Page = comparisonRoutes.CheckPage;
      return <Page />;
    }
    case 'not-found':
      return (
        <Box component="main" sx={{ p: 3 }}>
          <Typography variant="h4" component="h1" gutterBottom>
            Page not found
          </Typography>
          <Typography>
            There is no page at {route.path}.{' '}
            <a href={urlFor('/')} onClick={(e: MouseEvent<HTMLAnchorElement>) => onNavClick(e, '/')}>
              Go to the wizard
            </a>
            .
          </Typography>
        </Box>
      );
    default: {
      const unreachable: never = route;
      return unreachable;
    }
  }
}

/** Renders nothing; its effect runs once the content before it has committed (hydrated or rendered). */
function Committed({ onCommit }: { onCommit: () => void }) {
  useEffect(onCommit, [onCommit]);
  return null;
}

/**
 * The app; `serverPath` is the page being prerendered at build time (src/app/server.tsx). `onReady`
 * runs once the page itself has committed: a prerendered page's Suspense boundary hydrates in a pass
 * after the root's, and main.tsx replays the visitor's early events only then.
 */
export function App({ serverPath, onReady }: { serverPath?: string; onReady?: () => void } = {}) {
  const pathname = usePathname(serverPath);
  const route = matchRoute(pathname);
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      <GlobalStyles styles={globalStyles} />
      <a className="skip-link" href="#main-content">
        Skip to content
      </a>
      <Box component="header" sx={{ bgcolor: 'primary.main', color: 'primary.contrastText', boxShadow: 1 }}>
        <Toolbar sx={{ gap: 1, flexWrap: 'wrap' }}>
          {/* The wizard's h1 is the app name; other pages bring their own h1. */}
          <Typography
            variant="h6"
            component={route.name === 'wizard' ? 'h1' : 'p'}
            sx={{ flexGrow: 1, fontWeight: 600 }}
          >
            {APP_NAME}
          </Typography>
          <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5 }}>
            <NavButton to="/" label="Wizard" current={route.name === 'wizard'} />
            <NavButton to="/compare" label="Compare" current={route.name === 'compare' || route.name === 'cni'} />
            <NavButton to="/check" label="Check files" current={route.name === 'check'} />
          </Box>
          <ThemeMenu />
        </Toolbar>
      </Box>
      <ErrorBoundary key={pathname}>
        <Suspense fallback={<Loading />}>
          <RouteView route={route} />
          {onReady ? <Committed onCommit={onReady} /> : null}
        </Suspense>
      </ErrorBoundary>
    </ThemeProvider>
  );
}
