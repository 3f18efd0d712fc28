import { useMemo, useRef, useState, type ChangeEvent, type DragEvent } from 'react';
import { Box, Button, Container, TextField, Typography } from '@mui/material';
import { checkFiles, describeRelease, type CheckReport, type KnownIssueRef } from '../../domain/validate/check';
import { upgradeFiles, type UpgradeResult } from '../../domain/validate/upgrade';
import { INPUT_LIMITS } from '../../domain/validate/parse';
import type { BundleInputFile } from '../../domain/validate';
import { RELEASES, NEWEST_KNOWN_RELEASE } from '../../domain/rke2/releases';
import { compareVersions } from '../../domain/rke2/version';
import { Notice } from '../../ui/Notice';
import { SourceLink } from '../../ui/SourceLink';
import { downloadBlob, downloadText } from '../../lib/download';
import { zipBundle } from '../../lib/zip';
import { readCheckInput, type RawInput } from './read-input';
import { describeUnreadable, droppedEntries, walkDropped, type DropEntry } from './drop-walk';
import { groupByFile, type Finding } from './findings';

const NEWEST_FIRST = [...RELEASES].reverse().map((r) => r.version);

/** Later releases an upgrade may go to: the rest of this minor line and the next one (RKE2 upgrades one minor at a time). */
function targetsFor(release: string) {
  const from = NEWEST_FIRST.find((v) => v.text === release);
  if (!from) return [];
  return NEWEST_FIRST.filter((v) => compareVersions(v, from) > 0 && v.minor - from.minor <= 1);
}

/** ?release=v1.33.6+rke2r1 (from a CNI page's link) when it is in the table, else the newest. */
function releaseFromSearch(): string {
  const asked = new URLSearchParams(window.location.search).get('release')?.trim().replace(/ /g, '+');
  return NEWEST_FIRST.find((v) => v.text === asked)?.text ?? NEWEST_KNOWN_RELEASE;
}

async function readPicked(
  list: FileList | File[],
): Promise<{ ok: true; raw: RawInput[] } | { ok: false; message: string }> {
  const files = [...list];
  if (files.length > INPUT_LIMITS.maxFiles)
    return { ok: false, message: `That is ${files.length} files; the check reads at most ${INPUT_LIMITS.maxFiles}.` };
  const size = files.reduce((n, f) => n + f.size, 0);
  if (size > INPUT_LIMITS.maxTotalBytes)
    return {
      ok: false,
      message: `That is ${Math.round(size / 1024)} KiB; the check reads at most ${INPUT_LIMITS.maxTotalBytes / 1024} KiB in all. Choose the bundle folder or the manifests themselves.`,
    };
  const raw = await Promise.all(
    files.map(async (f) => ({
      name: (f as File & { webkitRelativePath?: string }).webkitRelativePath || f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
    })),
  );
  return { ok: true, raw };
}

function FindingItem({ f }: { f: Finding }) {
  return (
    <li className="check-finding" data-message-id={f.messageId} data-severity={f.severity}>
      <Typography component="p" sx={{ fontWeight: 600 }}>
        <code>{f.keyPath || '(whole file)'}</code>{' '}
        <span className={`tone-${f.severity === 'error' ? 'error' : 'warning'}`}>
          {f.severity === 'error' ? 'Error' : 'Warning'}
        </span>
        {f.kind ? <> · {f.kind}</> : null}
        {f.rewritten ? <> · fixed by the rewrite</> : null}
      </Typography>
      <Typography component="p">{f.message}</Typography>
      {f.source ? (
        <Typography component="p" variant="body2">
          Source: <SourceLink source={f.source} />
        </Typography>
      ) : null}
    </li>
  );
}

function FindingsByFile({ findings, heading }: { findings: Finding[]; heading: string }) {
  const groups = groupByFile(findings);
  return (
    <Box component="section" aria-labelledby="check-findings-heading" sx={{ mt: 3 }}>
      <Typography variant="h5" component="h2" id="check-findings-heading">
        {heading}
      </Typography>
      {groups.length === 0 ? <Typography>Nothing to report.</Typography> : null}
      {groups.map(([file, list]) => (
        <Box component="section" key={file} aria-label={`Findings in ${file || 'the files as a whole'}`} sx={{ mt: 2 }}>
          <Typography variant="h6" component="h3" sx={{ wordBreak: 'break-all' }}>
            {file || '(the files as a whole)'}
          </Typography>
          <Box component="ul" sx={{ pl: 2 }}>
            {list.map((f, i) => (
              <FindingItem key={`${f.keyPath}|${f.messageId}|${i}`} f={f} />
            ))}
          </Box>
        </Box>
      ))}
    </Box>
  );
}

/** Known issues of the release that apply (filled by the known-issues registry when it is wired in). */
function KnownIssues({ list }: { list: readonly KnownIssueRef[] | undefined }) {
  if (!list?.length) return null;
  return (
    <Box component="section" aria-labelledby="check-known-heading" sx={{ mt: 3 }}>
      <Typography variant="h5" component="h2" id="check-known-heading">
        Known issues of this release that apply
      </Typography>
      <Box component="ul" sx={{ pl: 2 }}>
        {list.map((k) => (
          <li key={k.id}>
            <SourceLink source={{ title: k.title, url: k.url }} /> ({k.affected}; {k.fixed}). Workaround: {k.workaround}
          </li>
        ))}
      </Box>
    </Box>
  );
}

function ValidateResult({ report }: { report: CheckReport }) {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  const warnings = report.issues.length - errors;
  return (
    <>
      <Notice severity={errors ? 'error' : warnings ? 'warning' : 'success'} role="status" title="Result">
        <p>{describeRelease(report.release)}</p>
        <p>
          {errors} error{errors === 1 ? '' : 's'}, {warnings} warning{warnings === 1 ? '' : 's'}.
        </p>
      </Notice>
      <FindingsByFile findings={report.issues} heading="Findings by file" />
      <KnownIssues list={report.knownIssues} />
    </>
  );
}

function UpgradeView({ result, files }: { result: UpgradeResult; files: readonly BundleInputFile[] }) {
  if (!result.ok)
    return (
      <Notice severity="error" title="Upgrade refused">
        <p>{result.message}</p>
        {result.source ? <SourceLink source={result.source} /> : null}
      </Notice>
    );
  const r = result.report;
  const rewritten = new Map(r.rewrites.map((x) => [x.path, x.after]));
  const downloadFiles = () => {
    const out = files
      .filter((f) => /\.(ya?ml|json)$/i.test(f.path))
      .map((f) => ({ path: f.path, contents: rewritten.get(f.path) ?? f.contents, description: '' }));
    const bytes = zipBundle(out, 'rewritten');
    downloadBlob('rewritten-files.zip', new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  };
  return (
    <>
      <Notice severity={r.unrewritten.length ? 'warning' : 'success'} role="status" title="Upgrade check">
        <p>From {describeRelease(r.from)}</p>
        <p>To {describeRelease(r.to)}</p>
        <p>
          {r.findings.length} finding{r.findings.length === 1 ? '' : 's'}, {r.rewrites.length} file
          {r.rewrites.length === 1 ? '' : 's'} rewritten, {r.unrewritten.length} left for you.
        </p>
      </Notice>
      <Box component="section" aria-labelledby="check-charts-heading" sx={{ mt: 3 }}>
        <Typography variant="h5" component="h2" id="check-charts-heading">
          Bundled CNI charts ({r.step} upgrade)
        </Typography>
        {r.charts.length === 0 ? <Typography>No CNI chart version changes.</Typography> : null}
        <Box component="ul" sx={{ pl: 2 }}>
          {r.charts.map((c) => (
            <li key={c.chart}>
              <code>{c.chart}</code>: {c.from ?? 'not bundled'} → {c.to ?? 'not bundled'}
              {c.hiddenInPatch ? (
                <strong> — minor version jump inside a patch upgrade: read its upgrade notes</strong>
              ) : c.minorJump ? (
                ' (minor version jump)'
              ) : null}
            </li>
          ))}
        </Box>
      </Box>
      <FindingsByFile findings={r.findings} heading="What the target release does to your files" />
      <KnownIssues list={r.knownIssues} />
      {r.unrewritten.length ? (
        <FindingsByFile
          findings={r.unrewritten.map((u) => ({
            file: u.file,
            keyPath: u.keyPath,
            messageId: 'upgrade.notRewritten',
            message: u.reason,
            severity: 'error' as const,
            ...(u.source ? { source: u.source } : {}),
          }))}
          heading="Not rewritten (needs your decision)"
        />
      ) : null}
      {r.rewrites.length ? (
        <Box component="section" aria-labelledby="check-rewrites-heading" sx={{ mt: 3 }}>
          <Typography variant="h5" component="h2" id="check-rewrites-heading">
            Rewritten files
          </Typography>
          <Box component="ul" sx={{ pl: 2 }}>
            {r.rewrites.flatMap((x) =>
              x.changes.map((c, i) => (
                <li key={`${x.path}|${i}`}>
                  <code>{x.path}</code>: <code>{c.fullKeyPath}</code>: {c.what} (
                  <SourceLink source={c.source}>source</SourceLink>)
                </li>
              )),
            )}
          </Box>
          <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 2 }}>
            <Button variant="contained" onClick={downloadFiles}>
              Download the rewritten files (.zip)
            </Button>
            <Button variant="outlined" onClick={() => downloadText('upgrade.diff', r.diff, 'text/x-diff')}>
              Download the diff
            </Button>
          </Box>
          <Box
            component="pre"
            role="region"
            aria-label="Unified diff of the rewritten files"
            tabIndex={0}
            sx={{ overflowX: 'auto', p: 2, bgcolor: 'action.hover', fontSize: '0.8125rem' }}
          >
            {r.diff}
          </Box>
        </Box>
      ) : null}
    </>
  );
}

/** "Check my files": the bundle doctor and the upgrade check in the browser. Nothing leaves the page. */
export default function CheckPage() {
  const [files, setFiles] = useState<BundleInputFile[] | null>(null);
  const [label, setLabel] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  /** What a drop held that could not be read (the rest was checked). */
  const [unreadable, setUnreadable] = useState<string | null>(null);
  const [paste, setPaste] = useState('');
  const [pasteName, setPasteName] = useState('pasted.yaml');
  const [release, setRelease] = useState(releaseFromSearch);
  const [target, setTarget] = useState('');
  const [dragging, setDragging] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);

  const targets = useMemo(() => targetsFor(release), [release]);
  const useTarget = targets.some((t) => t.text === target) ? target : '';

  const take = async (list: FileList | File[] | null, what: string) => {
    if (!list || list.length === 0) return;
    const read = await readPicked(list);
    const result = read.ok ? readCheckInput(read.raw) : read;
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setUnreadable(null);
    setFiles(result.files);
    setLabel(what);
  };

  const takeDropped = async (entries: DropEntry[]) => {
    const walked = await walkDropped(entries);
    if (!walked.ok) {
      setProblem(walked.message);
      return;
    }
    // A file the browser listed can still refuse its bytes (moved, locked): name it and check the rest.
    const unread = [...walked.unreadable];
    const raw: RawInput[] = [];
    for (const f of walked.files) {
      try {
        raw.push({ name: f.path, bytes: new Uint8Array(await f.file.arrayBuffer()) });
      } catch (e) {
        unread.push({ path: f.path, why: e instanceof Error && e.message ? e.message : 'the browser refused it' });
      }
    }
    const skipped = unread.length ? describeUnreadable(unread) : null;
    if (!raw.length) {
      setProblem(skipped ? `Nothing dropped could be read: ${skipped}.` : 'Nothing was dropped.');
      return;
    }
    const result = readCheckInput(raw);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setUnreadable(skipped);
    setFiles(result.files);
    setLabel(entries.some((x) => x.kind === 'directory') ? 'the dropped folder' : 'the dropped files');
  };

  const onPick = (e: ChangeEvent<HTMLInputElement>, what: string) => {
    void take(e.target.files, what);
    e.target.value = '';
  };

  const onDrop = (e: DragEvent<HTMLElement>) => {
    e.preventDefault();
    setDragging(false);
    // The entries must be taken now: the browser empties the DataTransfer once the event is over.
    void takeDropped(droppedEntries(e.dataTransfer));
  };

  const checkPaste = () => {
    const name = pasteName.trim() || 'pasted.yaml';
    const result = readCheckInput([{ name, bytes: new TextEncoder().encode(paste) }]);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setProblem(null);
    setUnreadable(null);
    setFiles(result.files);
    setLabel(`the pasted YAML (as ${name})`);
  };

  const checked = useMemo(() => (files ? checkFiles(files, { release }) : null), [files, release]);
  const upgraded = useMemo(
    () => (files && useTarget ? upgradeFiles(files, { from: release, to: useTarget }) : null),
    [files, release, useTarget],
  );

  return (
    <Container component="main" id="main-content" maxWidth="lg" sx={{ py: 3 }}>
      <Typography variant="h4" component="h1" gutterBottom>
        Check my files
      </Typography>
      <Typography sx={{ mb: 2 }}>
        Check a <code>config.yaml</code>, HelmChartConfigs or a whole bundle against an RKE2 release, and see what an
        upgrade does to them. Everything runs in this browser tab: nothing is uploaded.
      </Typography>

      <Box component="section" aria-labelledby="check-input-heading">
        <Typography variant="h5" component="h2" id="check-input-heading">
          Your files
        </Typography>
        <Box
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
          data-testid="check-drop-zone"
          sx={{
            border: 2,
            borderStyle: 'dashed',
            borderColor: dragging ? 'primary.main' : 'divider',
            borderRadius: 1,
            p: 3,
            my: 2,
            textAlign: 'center',
          }}
        >
          <Typography sx={{ mb: 1 }}>
            Drop files, a folder or a bundle .zip here, or choose them (at most{' '}
            {INPUT_LIMITS.maxTotalBytes / 1024 / 1024} MiB in all).
          </Typography>
          <Box sx={{ display: 'flex', gap: 1, justifyContent: 'center', flexWrap: 'wrap' }}>
            <Button variant="contained" onClick={() => fileInput.current?.click()}>
              Choose files or a .zip
            </Button>
            <Button variant="outlined" onClick={() => folderInput.current?.click()}>
              Choose a folder
            </Button>
          </Box>
          <input
            ref={fileInput}
            type="file"
            multiple
            accept=".yaml,.yml,.json,.zip"
            aria-label="Files or a .zip to check"
            hidden
            onChange={(e) => onPick(e, 'the chosen files')}
          />
          <input
            ref={folderInput}
            type="file"
            aria-label="A folder to check"
            hidden
            {...{ webkitdirectory: '', directory: '' }}
            onChange={(e) => onPick(e, 'the chosen folder')}
          />
        </Box>
        <TextField
          label="Or paste YAML"
          multiline
          minRows={4}
          fullWidth
          value={paste}
          onChange={(e) => setPaste(e.target.value)}
          slotProps={{ htmlInput: { spellCheck: false, style: { fontFamily: 'monospace' } } }}
        />
        <Box sx={{ display: 'flex', gap: 1, alignItems: 'flex-start', flexWrap: 'wrap', mt: 1 }}>
          <TextField
            label="Pasted file name"
            value={pasteName}
            onChange={(e) => setPasteName(e.target.value)}
            helperText="Name it config.yaml for an RKE2 config file."
            size="small"
          />
          <Button variant="outlined" onClick={checkPaste} disabled={paste.trim() === ''}>
            Check the pasted YAML
          </Button>
        </Box>
      </Box>

      <Box component="section" aria-labelledby="check-release-heading" sx={{ mt: 3 }}>
        <Typography variant="h5" component="h2" id="check-release-heading">
          Release
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap' }}>
          <TextField
            select
            label="RKE2 release of the cluster"
            value={release}
            onChange={(e) => setRelease(e.target.value)}
            slotProps={{ select: { native: true } }}
            helperText="Its bundled chart versions set the keys, schemas and defaults checked."
            sx={{ minWidth: 260 }}
          >
            {NEWEST_FIRST.map((v) => (
              <option key={v.text} value={v.text}>
                {v.text}
              </option>
            ))}
          </TextField>
          <TextField
            select
            label="Upgrade to (optional)"
            value={useTarget}
            onChange={(e) => setTarget(e.target.value)}
            slotProps={{ select: { native: true } }}
            helperText="Later releases of this minor line and the next (one minor at a time)."
            sx={{ minWidth: 260 }}
          >
            <option value="">No upgrade</option>
            {targets.map((v) => (
              <option key={v.text} value={v.text}>
                {v.text}
              </option>
            ))}
          </TextField>
        </Box>
      </Box>

      <Box sx={{ mt: 3 }} aria-live="polite">
        {problem ? (
          <Notice severity="error" title="These files cannot be checked">
            <p>{problem}</p>
          </Notice>
        ) : null}
        {files && !problem && unreadable ? (
          <Notice severity="warning" title="Not everything you dropped could be read">
            <p>Left out of the check: {unreadable}. Choose those files with the buttons above if you need them.</p>
          </Notice>
        ) : null}
        {files && !problem ? (
          <Typography sx={{ mb: 1 }}>
            Checked {label}: {files.filter((f) => /\.(ya?ml|json)$/i.test(f.path)).length} YAML/JSON file(s).
          </Typography>
        ) : null}
      </Box>
      {checked && !checked.ok ? (
        <Notice severity="error">
          <p>{checked.message}</p>
        </Notice>
      ) : null}
      {files && upgraded ? <UpgradeView result={upgraded} files={files} /> : null}
      {files && !upgraded && checked?.ok ? <ValidateResult report={checked.report} /> : null}
    </Container>
  );
}
