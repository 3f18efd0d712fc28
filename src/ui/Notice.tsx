import type { ReactNode } from 'react';
import { Box, Button } from '@mui/material';
import { toneTextSx } from './tones';

export type NoticeSeverity = 'error' | 'warning' | 'info' | 'success';

const WORD: Record<NoticeSeverity, string> = { error: 'Error', warning: 'Warning', info: 'Note', success: 'Done' };

export interface NoticeProps {
  severity: NoticeSeverity;
  title?: ReactNode;
  /** "alert" for warnings and conflicts (announced), "status" for results, "note" for context. */
  role?: 'alert' | 'status' | 'note' | undefined;
  onClose?: (() => void) | undefined;
  children?: ReactNode;
  'data-testid'?: string;
  'data-message-id'?: string;
  'data-rule-id'?: string;
  'data-severity'?: string;
}

/**
 * A light alert box: a coloured edge plus the severity in words (never colour alone). MUI's Alert
 * brings an icon button and four icons into the first load, which the budget cannot afford.
 */
export function Notice({ severity, title, role, onClose, children, ...data }: NoticeProps) {
  return (
    <Box
      role={role ?? (severity === 'error' || severity === 'warning' ? 'alert' : 'note')}
      {...data}
      sx={{
        position: 'relative', mb: 1, p: 1.5, pr: onClose ? 10 : 1.5, borderRadius: 1, border: 1, borderLeftWidth: 6,
        borderColor: `${severity}.main`, bgcolor: 'background.paper', color: 'text.primary', fontSize: '0.875rem', lineHeight: 1.5,
      }}
    >
      <Box component="p" sx={{ m: 0, mb: 0.5, fontWeight: 700, fontSize: '0.95rem', ...toneTextSx(severity) }}>
        {title ?? WORD[severity]}
      </Box>
      <div>{children}</div>
      {onClose ? (
        <Button size="small" onClick={onClose} sx={{ position: 'absolute', top: 6, right: 6 }}>Dismiss</Button>
      ) : null}
    </Box>
  );
}
