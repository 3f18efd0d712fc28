import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Box } from '@mui/material';
import { Button } from '../ui/Button';
import { Notice } from '../ui/Notice';
import { urlFor } from '../lib/location';

interface Props {
  children: ReactNode;
}
interface State {
  error: Error | null;
}

/** Last line of defence: never a blank page. Offers a way back to a clean wizard. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    // Kept for the browser console of whoever reports the bug.
    console.warn('The wizard hit an unexpected error', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Box sx={{ p: 3 }}>
        <Notice severity="error" role="alert" title="Something went wrong">
          The page hit an unexpected error: {this.state.error.message}. Your answers are kept in this browser.
          <Box sx={{ mt: 2, display: 'flex', gap: 1, flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => this.setState({ error: null })}>
              Try again
            </Button>
            <Button variant="outlined" href={urlFor('/')}>
              Reload the wizard
            </Button>
          </Box>
        </Notice>
      </Box>
    );
  }
}
