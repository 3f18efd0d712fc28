import { useEffect, useRef, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { Box, Paper, Typography } from '@mui/material';
import { Button } from '../../ui/Button';
import { defaultAnswers } from '../../domain/answers/defaults';
import type { Answers } from '../../domain/answers/types';
import { shareableLink } from '../../lib/url-state';
import { copyText } from '../../lib/clipboard';
import { loadDiscovery, type LoadedAnswers } from './initial-answers';

export interface WizardToolbarProps {
  /**
   * Called with imported answers (already applied to the form) and the answers they replaced, so the
   * page can report what was dropped and offer to undo the import.
   */
  onImported: (loaded: LoadedAnswers, previous: Answers) => void;
  onImportFailed: (message: string) => void;
  onStartOver: () => void;
}

export function WizardToolbar({ onImported, onImportFailed, onStartOver }: WizardToolbarProps) {
  const { getValues, reset } = useFormContext<Answers>();
  const fileInput = useRef<HTMLInputElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [toast, setToast] = useState<string | null>(null);
  useEffect(() => {
    if (toast === null) return;
    const id = setTimeout(() => setToast(null), 6000);
    return () => clearTimeout(id);
  }, [toast]);
  const [busy, setBusy] = useState<string | null>(null);
  const cancelImport = useRef<AbortController | null>(null);

  async function copyLink() {
    const ok = await copyText(shareableLink(getValues(), defaultAnswers()));
    setToast(
      ok ? 'Link copied: it reopens the wizard with these answers.' : 'Could not copy; copy the address bar instead.',
    );
  }

  async function importFile(file: File) {
    const controller = new AbortController();
    cancelImport.current = controller;
    setBusy(file.name);
    try {
      const { importAnswersFile } = await import('./import-answers');
      // Unzipping and parsing run in a worker: the page stays responsive and the import can be cancelled.
      const result = await importAnswersFile(file, controller.signal);
      if (!result.ok) {
        if (result.cancelled) setToast(result.message);
        else onImportFailed(result.message);
        return;
      }
      const previous = getValues();
      const loaded = result.discovery ? loadDiscovery(previous, result.discovery) : result.loaded;
      reset(loaded.answers);
      onImported(loaded, previous);
    } finally {
      cancelImport.current = null;
      setBusy(null);
      if (fileInput.current) fileInput.current.value = '';
    }
  }

  return (
    <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 2 }}>
      <Button size="small" variant="outlined" onClick={() => void copyLink()}>
        Copy link
      </Button>
      <Button size="small" variant="outlined" disabled={busy !== null} onClick={() => fileInput.current?.click()}>
        Import answers
      </Button>
      {busy !== null ? (
        <>
          <Box component="span" role="status" sx={{ alignSelf: 'center', fontSize: '0.875rem' }}>
            Reading {busy}…
          </Box>
          <Button size="small" variant="outlined" onClick={() => cancelImport.current?.abort()}>
            Cancel import
          </Button>
        </>
      ) : null}
      <input
        ref={fileInput}
        type="file"
        accept=".yaml,.yml,.txt,.zip,application/zip,application/yaml,text/yaml,text/plain"
        aria-label="Import an answers.yaml or a bundle zip"
        hidden
        onChange={(e) => {
          const f = e.target.files?.[0];
          if (f) void importFile(f);
        }}
      />
      <Button size="small" variant="outlined" onClick={() => dialog.current?.showModal()}>
        Start over
      </Button>
      {/* A native modal dialog: focus trap, Escape and inertness come from the browser. */}
      <Paper
        component="dialog"
        ref={dialog}
        aria-labelledby="start-over-title"
        aria-describedby="start-over-text"
        elevation={8}
        sx={{
          border: 'none',
          borderRadius: 2,
          p: 3,
          maxWidth: 440,
          color: 'text.primary',
          '&::backdrop': { background: 'rgba(0,0,0,0.5)' },
        }}
      >
        <Typography id="start-over-title" variant="h6" component="h2" gutterBottom>
          Start over?
        </Typography>
        <Typography id="start-over-text" sx={{ mb: 2 }}>
          All answers go back to RKE2&apos;s defaults and the saved answers in this browser are cleared. Copy the link
          first to keep them.
        </Typography>
        <Box sx={{ display: 'flex', justifyContent: 'flex-end', gap: 1 }}>
          <Button autoFocus onClick={() => dialog.current?.close()}>
            Cancel
          </Button>
          <Button
            color="warning"
            variant="contained"
            onClick={() => {
              dialog.current?.close();
              onStartOver();
            }}
          >
            Yes, start over
          </Button>
        </Box>
      </Paper>
      <Box role="status" aria-live="polite" sx={{ width: '100%', minHeight: '1.5em', fontSize: '0.875rem' }}>
        {toast}
      </Box>
    </Box>
  );
}
