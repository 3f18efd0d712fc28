import type { ReactNode } from 'react';
import { Button } from './Button';

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
    <div
      role={role ?? (severity === 'error' || severity === 'warning' ? 'alert' : 'note')}
      {...data}
      className={`notice notice-${severity}${onClose ? ' closable' : ''}`}
    >
      <p className={`notice-title tone-${severity}`}>{title ?? WORD[severity]}</p>
      <div>{children}</div>
      {onClose ? (
        <Button size="small" onClick={onClose} className="notice-close">
          Dismiss
        </Button>
      ) : null}
    </div>
  );
}
