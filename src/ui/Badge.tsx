import type { ReactNode } from 'react';

export type BadgeTone = 'success' | 'info' | 'warning' | 'error';

/** A small text badge (status, "cannot be changed later"). Text carries the meaning, colour only helps. */
export function TextBadge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return <span className={`badge badge-${tone} tone-${tone}`}>{children}</span>;
}
