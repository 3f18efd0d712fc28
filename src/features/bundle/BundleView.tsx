import { memo, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { useWatch } from 'react-hook-form';
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import type { Answers } from '../../domain/answers/types';
import type { BundleFile } from '../../domain/generators/types';
import type { ValidationIssue } from '../../domain/validate/types';
import { generateBundle } from '../../domain/generators';
import { validateBundle } from '../../domain/validate';
import { explain } from '../../domain/engine';
import { evaluateCached, type Evaluation } from '../../lib/evaluate-cached';
import { zipBundle } from '../../lib/zip';
import { downloadBlob, downloadText } from '../../lib/download';
import { copyText } from '../../lib/clipboard';
import { SourceLink } from '../../ui/SourceLink';
import { CodePreview } from './CodePreview';

export interface BundleViewProps {
  onGoToField: (field: string) => void;
  fieldLabel: (field: string) => string;
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function mimeOf(path: string): string {
  if (/\.ya?ml$/.test(path)) return 'application/yaml';
  if (/\.sh$/.test(path)) return 'text/x-shellscript';
  if (/\.md$/.test(path)) return 'text/markdown';
  return 'text/plain';
}

/** Files grouped by folder, in bundle order, for the file tree. */
function groupByFolder(files: readonly BundleFile[]): { folder: string; files: BundleFile[] }[] {
  const groups = new Map<string, BundleFile[]>();
  for (const f of files) {
    const folder = f.path.includes('/') ? f.path.slice(0, f.path.lastIndexOf('/')) : '';
    groups.set(folder, [...(groups.get(folder) ?? []), f]);
  }
  return [...groups.entries()].map(([folder, fs]) => ({ folder, files: fs }));
}

/** The file tree; memoised by the file names so typing an answer does not rebuild every button. */
const FileTree = memo(
  function FileTree({
    files,
    current,
    onSelect,
  }: {
    files: readonly BundleFile[];
    current: string;
    onSelect: (path: string) => void;
  }) {
    return (
      <Box component="nav" aria-label="Files in the bundle">
        {groupByFolder(files).map(({ folder, files: group }) => (
          <Box key={folder} sx={{ mb: 1 }}>
            <Typography
              variant="caption"
              component="p"
              sx={{ fontFamily: 'monospace', wordBreak: 'break-all', color: 'text.secondary' }}
            >
              {folder ? `${folder}/` : './'}
            </Typography>
            <Box component="ul" sx={{ listStyle: 'none', m: 0, pl: 1 }}>
              {group.map((f) => (
                <li key={f.path}>
                  <Button
                    size="small"
                    onClick={() => onSelect(f.path)}
                    aria-current={f.path === current ? 'true' : undefined}
                    aria-label={`Show ${f.path}`}
                    title={f.description}
                    variant={f.path === current ? 'outlined' : 'text'}
                    sx={{
                      textTransform: 'none',
                      fontFamily: 'monospace',
                      justifyContent: 'flex-start',
                      wordBreak: 'break-all',
                      textAlign: 'left',
                    }}
                  >
                    {baseName(f.path)}
                  </Button>
                </li>
              ))}
            </Box>
          </Box>
        ))}
      </Box>
    );
  },
  (a, b) =>
    a.current === b.current &&
    a.onSelect === b.onSelect &&
    a.files.map((f) => f.path + f.description).join('|') === b.files.map((f) => f.path + f.description).join('|'),
);

/**
 * The bundle: file tree, highlighted preview, copy and download. Preview, copy and download all
 * use the same `contents` strings from generateBundle, so what is read is what is installed.
 * Loaded lazily with the generators, the validators and fflate.
 */
export default memo(function BundleView(props: BundleViewProps) {
  const values = useWatch<Answers>();
  const deferred = useDeferredValue(values);
  // The urgent re-render (old deferred values) returns the same cached evaluation, so BundleContent skips it.
  return <BundleContent {...props} evaluation={evaluateCached(deferred)} />;
});

const BundleContent = memo(function BundleContent({
  onGoToField,
  fieldLabel,
  evaluation,
}: BundleViewProps & { evaluation: Evaluation }) {
  const result = useMemo(() => generateBundle(evaluation.answers, evaluation.decision), [evaluation]);
  const [selected, setSelected] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  // The bundle check (parse every file back, schemas, cross-file rules) costs as much as generating:
  // it runs just after the preview has been updated, so typing waits for neither. Until it has run for
  // this bundle, the previous result stays shown (the region is marked busy).
  const [checked, setChecked] = useState<{ files: readonly BundleFile[]; issues: readonly ValidationIssue[] } | null>(
    null,
  );

  useEffect(() => {
    performance.mark('bundle-updated');
    if (!result.ok) return undefined;
    const files = result.files;
    const timer = setTimeout(() => setChecked({ files, issues: validateBundle(files) }), 0);
    return () => clearTimeout(timer);
  }, [result]);
  const issues = checked?.issues ?? [];
  const checking = !result.ok || checked?.files !== result.files;

  if (evaluation.errors.length > 0) {
    return (
      <Alert severity="error" role="alert" sx={{ my: 2 }}>
        <AlertTitle>Fix the answers first</AlertTitle>
        The bundle is made only from valid answers. Not valid yet:
        <Box component="ul" sx={{ m: 0, pl: 2 }}>
          {evaluation.errors.map((e, i) => (
            <li key={`${e.field}-${i}`}>
              {fieldLabel(e.field)}: {e.message}{' '}
              <Button size="small" color="inherit" onClick={() => onGoToField(e.field)}>
                Change it
              </Button>
            </li>
          ))}
        </Box>
      </Alert>
    );
  }

  if (!result.ok) {
    return (
      <Box component="section" aria-labelledby="bundle-heading" sx={{ my: 2 }}>
        <Typography id="bundle-heading" variant="h6" component="h3">
          Bundle
        </Typography>
        <Alert severity="error" role="alert" data-testid="bundle-blocked">
          <AlertTitle>No bundle until the conflicts are resolved</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {result.blocking.map((f, i) => (
              <li key={`${f.ruleId}-${f.messageId}-${i}`} data-message-id={f.messageId}>
                {explain(f)} <SourceLink source={f.source}>Source</SourceLink>
                {f.fields.map((field) => (
                  <Button key={field} size="small" color="inherit" onClick={() => onGoToField(field)}>
                    Change: {fieldLabel(field)}
                  </Button>
                ))}
              </li>
            ))}
          </Box>
        </Alert>
      </Box>
    );
  }

  const files = result.files;
  const current = files.find((f) => f.path === selected) ?? files[0]!;
  const errors = issues.filter((i) => i.severity === 'error');
  const warnings = issues.filter((i) => i.severity === 'warning');

  async function copy(file: BundleFile) {
    const ok = await copyText(file.contents);
    setStatus(ok ? `Copied ${file.path}.` : `Could not copy ${file.path}; select the text instead.`);
  }

  return (
    <Box component="section" aria-labelledby="bundle-heading" sx={{ my: 2 }} data-bundle-name={result.name}>
      <Typography id="bundle-heading" variant="h6" component="h3">
        Bundle: {files.length} files
      </Typography>
      <Typography variant="body2" sx={{ mb: 1 }}>
        Read every file before you install it. The zip holds exactly these files in a folder named {result.name}.
      </Typography>
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 2 }}>
        <Button
          variant="contained"
          onClick={() =>
            downloadBlob(
              `${result.name}.zip`,
              new Blob([zipBundle(files, result.name) as Uint8Array<ArrayBuffer>], { type: 'application/zip' }),
            )
          }
        >
          Download the bundle (.zip)
        </Button>
      </Box>
      {checking ? (
        <Alert severity="info" role="status" sx={{ mb: 2 }} data-testid="bundle-checking">
          Checking the {files.length} files…
        </Alert>
      ) : errors.length > 0 ? (
        <Alert severity="error" role="alert" sx={{ mb: 2 }}>
          <AlertTitle>The bundle check found problems</AlertTitle>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {errors.map((i, n) => (
              <li key={n} data-message-id={i.messageId}>
                {i.file}
                {i.keyPath ? ` (${i.keyPath})` : ''}: {i.message}
              </li>
            ))}
          </Box>
        </Alert>
      ) : (
        <Alert severity="success" role="status" sx={{ mb: 2 }} data-testid="bundle-valid">
          The bundle check found no error in these {files.length} files
          {warnings.length ? ` (${warnings.length} warning${warnings.length > 1 ? 's' : ''} below)` : ''}.
        </Alert>
      )}
      {!checking && warnings.length > 0 ? (
        <Alert severity="warning" role="alert" sx={{ mb: 2 }}>
          <Box component="ul" sx={{ m: 0, pl: 2 }}>
            {warnings.map((i, n) => (
              <li key={n} data-message-id={i.messageId}>
                {i.file}
                {i.keyPath ? ` (${i.keyPath})` : ''}: {i.message}
              </li>
            ))}
          </Box>
        </Alert>
      ) : null}
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(0, 2fr) minmax(0, 5fr)' },
        }}
      >
        <FileTree files={files} current={current.path} onSelect={setSelected} />
        <Box sx={{ minWidth: 0 }}>
          <Typography variant="subtitle1" component="h4" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
            {current.path}
          </Typography>
          <Typography variant="body2" sx={{ mb: 1 }}>
            {current.description}
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', mb: 1 }}>
            <Button
              size="small"
              variant="outlined"
              onClick={() => void copy(current)}
              aria-label={`Copy ${current.path}`}
            >
              Copy
            </Button>
            <Button
              size="small"
              variant="outlined"
              onClick={() => downloadText(baseName(current.path), current.contents, mimeOf(current.path))}
              aria-label={`Download ${current.path}`}
            >
              Download
            </Button>
          </Box>
          <Box role="status" aria-live="polite" sx={{ minHeight: '1.5em', fontSize: '0.875rem' }}>
            {status}
          </Box>
          <CodePreview path={current.path} text={current.contents} />
        </Box>
      </Box>
    </Box>
  );
});
