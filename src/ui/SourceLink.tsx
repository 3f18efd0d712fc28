import type { ReactNode } from 'react';
import type { Source } from '../domain/sources';

/** An external source: opens in a new tab, says so, and shows the title on hover. */
export function SourceLink({ source, children }: { source: Source; children?: ReactNode }) {
  return (
    <a className="source-link" href={source.url} target="_blank" rel="noopener noreferrer" title={source.title}>
      {children ?? source.title}
      <span className="visually-hidden"> (opens in a new tab)</span>
    </a>
  );
}
