import { useMemo, useState } from 'react';
import { Alert, Box, Typography } from '@mui/material';
import {
  CNI_PROFILES,
  COMMON_PORTS,
  COMPARISON_ONLY_PROFILES,
  DEFAULT_PORT_OPTIONS,
  PROFILE_IDS,
  chartVersionsByRelease,
  ciliumKernelFor,
  offeredIn,
  profilePorts,
  type CniProfile,
  type ProfileId,
  type SourcedFact,
} from '../../domain/cni/profiles';
import type { ComparisonOnly } from '../../domain/facts/cni-names';
import { COMPARISON_ONLY } from '../../domain/facts/cni-names';
import { portsText } from '../../domain/matrix';
import type { PortRule } from '../../domain/net/ports';
import type { ResolvedRelease } from '../../domain/rke2/releases';
import { EvidenceSection } from './EvidenceSection';
import { bundleSnippet, installSnippet } from './install-snippet';
import { NetworkDiagram } from './NetworkDiagram';
import { ExternalLink, InAppLink, LevelBadge, ReleaseSelect, chooseRelease, useStoredAnswers } from './shared';
import { currentPath, urlFor } from '../../lib/location';
import { useHydrated } from '../../ui/hydration';

const CELL = { border: 1, borderColor: 'divider', p: 1, textAlign: 'left', verticalAlign: 'top' } as const;

function idFromPath(): string {
  return /^\/cni\/([^/?#]+)/.exec(currentPath())?.[1] ?? '';
}

function releaseFromSearch(): string | null {
  return new URLSearchParams(window.location.search).get('release')?.trim().replace(/ /g, '+') || null;
}

function PortsTable({ caption, rules }: { caption: string; rules: readonly PortRule[] }) {
  return (
    <Box
      role="region"
      aria-label={caption}
      tabIndex={0}
      sx={{ position: 'relative', overflowX: 'auto', maxWidth: '100%', mb: 2 }}
    >
      <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
        <Box component="caption" sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}>
          {caption}
        </Box>
        <thead>
          <tr>
            {['Port', 'Protocol', 'From', 'To', 'Purpose', 'Source'].map((h) => (
              <Box component="th" scope="col" key={h} sx={CELL}>
                {h}
              </Box>
            ))}
          </tr>
        </thead>
        <tbody>
          {rules.map((r) => (
            <tr key={`${r.protocol}-${String(r.port)}-${r.purpose}`}>
              <Box component="th" scope="row" sx={CELL}>
                {r.port === null ? '—' : r.protocol === 'ICMP' ? `types ${r.port}` : r.port}
              </Box>
              <Box component="td" sx={CELL}>
                {r.protocol}
              </Box>
              <Box component="td" sx={CELL}>
                {r.from}
              </Box>
              <Box component="td" sx={CELL}>
                {r.to}
              </Box>
              <Box component="td" sx={CELL}>
                {r.purpose}
              </Box>
              <Box component="td" sx={CELL}>
                <ExternalLink source={r.source}>Source</ExternalLink>
              </Box>
            </tr>
          ))}
        </tbody>
      </Box>
    </Box>
  );
}

const key = (r: PortRule) => `${r.protocol}/${String(r.port)}/${r.purpose}`;

/** Ports opened only when a feature is on: every option set, minus the default ones. */
function optionalPorts(id: ProfileId): PortRule[] {
  const base = new Set(profilePorts(id, DEFAULT_PORT_OPTIONS).map(key));
  const seen = new Map<string, PortRule>();
  for (const o of [
    { ...DEFAULT_PORT_OPTIONS, encryption: 'wireguard' as const, ipv6: true, observability: true, bgp: true },
    { ...DEFAULT_PORT_OPTIONS, encryption: 'ipsec' as const },
  ])
    for (const r of profilePorts(id, o)) if (!base.has(key(r))) seen.set(key(r), r);
  return [...seen.values()];
}

function Fact({ label, fact }: { label: string; fact: SourcedFact }) {
  return (
    <tr>
      <Box component="th" scope="row" sx={CELL}>
        {label}
      </Box>
      <Box component="td" sx={CELL}>
        <LevelBadge level={fact.level} />
      </Box>
      <Box component="td" sx={CELL}>
        {fact.note} <ExternalLink source={fact.source}>Source</ExternalLink>
      </Box>
    </tr>
  );
}

function ChartVersions({ profile, release }: { profile: CniProfile; release: ResolvedRelease }) {
  if (!profile.chart) return <Typography>RKE2 bundles no chart for {profile.name}.</Typography>;
  const lines = new Map<string, { release: string; version: string | null }[]>();
  for (const r of chartVersionsByRelease(profile.id).reverse()) {
    const line = r.release.replace(/^(v\d+\.\d+)\..*$/, '$1');
    lines.set(line, [...(lines.get(line) ?? []), r]);
  }
  const currentLine = release.row.version.text.replace(/^(v\d+\.\d+)\..*$/, '$1');
  const current = release.row.charts[profile.chart];
  return (
    <>
      <Typography gutterBottom>
        RKE2 {release.requested.text} bundles{' '}
        <strong>
          {profile.chart} {current ?? '(none)'}
        </strong>
        .
      </Typography>
      {[...lines.entries()].map(([line, rows]) => {
        const versions = [...new Set(rows.map((r) => r.version ?? 'not bundled'))];
        return (
          <Box component="details" key={line} open={line === currentLine} sx={{ mb: 1 }}>
            <Box component="summary" sx={{ cursor: 'pointer' }}>
              {line}: {rows.length} releases,{' '}
              {versions.length === 1 ? versions[0] : `${versions[versions.length - 1]} to ${versions[0]}`}
            </Box>
            <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.875rem', mt: 1 }}>
              <Box component="caption" sx={{ captionSide: 'top', textAlign: 'left', p: 0.5 }}>
                {profile.chart} in RKE2 {line} releases
              </Box>
              <thead>
                <tr>
                  <Box component="th" scope="col" sx={CELL}>
                    RKE2 release
                  </Box>
                  <Box component="th" scope="col" sx={CELL}>
                    {profile.chart}
                  </Box>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <Box
                    component="tr"
                    key={r.release}
                    sx={r.release === release.row.version.text ? { bgcolor: 'action.selected' } : undefined}
                  >
                    <Box component="th" scope="row" sx={CELL}>
                      {r.release}
                      {r.release === release.row.version.text ? ' (shown)' : ''}
                    </Box>
                    <Box component="td" sx={CELL}>
                      {r.version ?? 'not bundled'}
                    </Box>
                  </Box>
                ))}
              </tbody>
            </Box>
          </Box>
        );
      })}
    </>
  );
}

function ComparisonOnlyPage({ id }: { id: ComparisonOnly }) {
  const p = COMPARISON_ONLY_PROFILES[id];
  return (
    <Box component="main" id="main-content" sx={{ p: { xs: 1.5, sm: 3 } }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {p.name}
      </Typography>
      <Alert severity="info" sx={{ mb: 2 }}>
        Not offered by RKE2. {p.whyNotOffered} <ExternalLink source={p.source}>Source</ExternalLink>
      </Alert>
      <Typography gutterBottom>{p.summary}</Typography>
      <InAppLink to="/compare">Back to the comparison</InAppLink>
    </Box>
  );
}

/** /cni/<id>: one CNI in depth, for the chosen release. */
export default function CniPage({ id: idProp }: { id?: string }) {
  const id = idProp ?? idFromPath();
  // Prerendered (issue 15): hydrate the newest release, then the address's.
  const hydrated = useHydrated();
  const [picked, setReleaseText] = useState<string | null>(null);
  const releaseText = picked ?? (hydrated ? releaseFromSearch() : null);
  const stored = useStoredAnswers();
  const { release, notice } = useMemo(
    () => chooseRelease(releaseText, stored.answers?.cluster.release ?? null),
    [releaseText, stored.answers],
  );

  if ((COMPARISON_ONLY as readonly string[]).includes(id)) return <ComparisonOnlyPage id={id as ComparisonOnly} />;
  if (!(PROFILE_IDS as readonly string[]).includes(id)) {
    return (
      <Box component="main" id="main-content" sx={{ p: 3 }}>
        <Typography variant="h4" component="h1" gutterBottom>
          Unknown CNI
        </Typography>
        <Typography>
          There is no CNI called “{id.slice(0, 40)}”. Known: {PROFILE_IDS.join(', ')}.{' '}
          <InAppLink to="/compare">Compare CNIs</InAppLink>
        </Typography>
      </Box>
    );
  }
  const profile = CNI_PROFILES[id as ProfileId];
  const offered = offeredIn(profile.id, release);
  const basePorts = profilePorts(profile.id, DEFAULT_PORT_OPTIONS);
  const extraPorts = optionalPorts(profile.id);
  const snippet = installSnippet(profile.id, release);
  const bundle = bundleSnippet(profile.id, release);
  const ciliumKernel = profile.id === 'cilium' ? ciliumKernelFor(release) : null;
  const evidenceCni =
    profile.id === 'canal' || profile.id === 'calico' || profile.id === 'cilium' || profile.id === 'flannel'
      ? profile.id
      : null;

  const changeRelease = (r: string) => {
    setReleaseText(r);
    window.history.replaceState(
      window.history.state,
      '',
      urlFor(`/cni/${profile.id}?release=${encodeURIComponent(r)}`),
    );
  };

  return (
    <Box component="main" id="main-content" sx={{ p: { xs: 1.5, sm: 3 }, maxWidth: '100%' }}>
      <Typography variant="h4" component="h1" gutterBottom>
        {profile.name}
      </Typography>
      <Typography gutterBottom sx={{ maxWidth: '70ch' }}>
        {profile.summary}
      </Typography>
      <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'center', my: 2 }}>
        <ReleaseSelect id="cni-release" value={release.requested.text} onChange={changeRelease} />
        <InAppLink to={`/compare?release=${encodeURIComponent(release.requested.text)}`}>
          Compare with the others
        </InAppLink>
        <InAppLink to={`/check?release=${encodeURIComponent(release.requested.text)}`}>
          Check your files against this release
        </InAppLink>
      </Box>
      {notice && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          {notice}
        </Alert>
      )}
      {!offered.offered && (
        <Alert severity="warning" sx={{ mb: 2 }}>
          Not offered by RKE2 {release.requested.text}: {offered.reason}{' '}
          <ExternalLink source={offered.source}>Source</ExternalLink>
        </Alert>
      )}

      <Box component="section" aria-labelledby="how-heading">
        <Typography variant="h5" component="h2" id="how-heading" gutterBottom>
          How it moves packets
        </Typography>
        <Typography sx={{ maxWidth: '70ch' }}>{profile.howItWorks}</Typography>
        <NetworkDiagram
          model={profile.networkModel}
          port={portsText(basePorts.filter((p) => /VXLAN/.test(p.purpose))) || 'UDP'}
        />
        <Typography>
          Sources:{' '}
          {profile.sources.map((s, i) => (
            <span key={s.url}>
              {i ? ', ' : ''}
              <ExternalLink source={s} />
            </span>
          ))}
        </Typography>
      </Box>

      <Box component="section" aria-labelledby="platform-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="platform-heading" gutterBottom>
          Windows, dual-stack and IPv6
        </Typography>
        <Box component="table" sx={{ borderCollapse: 'collapse', fontSize: '0.875rem' }}>
          <Box component="caption" sx={{ captionSide: 'top', textAlign: 'left', p: 1, fontWeight: 600 }}>
            {profile.name} platform support
          </Box>
          <thead>
            <tr>
              {['Feature', 'Support', 'Note'].map((h) => (
                <Box component="th" scope="col" key={h} sx={CELL}>
                  {h}
                </Box>
              ))}
            </tr>
          </thead>
          <tbody>
            <Fact label="Windows nodes" fact={profile.windows} />
            <Fact label="Dual-stack" fact={profile.dualStack} />
            <Fact label="IPv6-only" fact={profile.ipv6Only} />
          </tbody>
        </Box>
      </Box>

      <Box component="section" aria-labelledby="ports-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="ports-heading" gutterBottom>
          Ports
        </Typography>
        {basePorts.length > 0 ? (
          <PortsTable caption={`${profile.name} ports to open between nodes`} rules={basePorts} />
        ) : (
          <Typography gutterBottom>{profile.name} opens no port of its own.</Typography>
        )}
        {extraPorts.length > 0 && (
          <PortsTable caption={`${profile.name} ports needed only when the feature is enabled`} rules={extraPorts} />
        )}
        <PortsTable caption="Ports every RKE2 cluster needs" rules={COMMON_PORTS} />
      </Box>

      <Box component="section" aria-labelledby="kernel-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="kernel-heading" gutterBottom>
          Kernel and host needs
        </Typography>
        <Box component="ul" sx={{ pl: 3 }}>
          {ciliumKernel && (
            <li>
              <strong>
                Minimum kernel {ciliumKernel.minimum}
                {ciliumKernel.rhel8 ? ` (RHEL 8.10: ${ciliumKernel.rhel8})` : ''}
              </strong>{' '}
              for the Cilium {ciliumKernel.cilium} this release bundles. {ciliumKernel.note}{' '}
              <ExternalLink source={ciliumKernel.source}>Source</ExternalLink>
            </li>
          )}
          {profile.kernel.map((k) => (
            <li key={k.note}>
              {k.minimum ? <strong>{k.minimum}: </strong> : null}
              {k.note} <ExternalLink source={k.source}>Source</ExternalLink>
            </li>
          ))}
        </Box>
      </Box>

      <Box component="section" aria-labelledby="install-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="install-heading" gutterBottom>
          Install on RKE2 {release.requested.text}
        </Typography>
        {snippet ? (
          <>
            {bundle.ok ? (
              <>
                <Typography gutterBottom>
                  The files the wizard’s generators write for {profile.name} with RKE2’s default answers (server nodes,
                  before the first start):
                </Typography>
                {bundle.files.map((f) => (
                  <Box key={f.path} sx={{ mb: 2 }}>
                    <Typography component="p" sx={{ fontWeight: 600 }}>
                      <code>/{f.path}</code>: {f.description}
                    </Typography>
                    <Box
                      component="pre"
                      aria-label={`/${f.path}`}
                      tabIndex={0}
                      sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto', m: 0 }}
                    >
                      <code>{f.contents}</code>
                    </Box>
                  </Box>
                ))}
              </>
            ) : (
              <>
                <Typography>
                  In <code>/etc/rancher/rke2/config.yaml</code> on every server:
                </Typography>
                <Box
                  component="pre"
                  aria-label={`config.yaml for ${profile.name}`}
                  tabIndex={0}
                  sx={{ p: 1.5, bgcolor: 'action.hover', borderRadius: 1, overflowX: 'auto' }}
                >
                  <code>{snippet.configYaml}</code>
                </Box>
                <Typography variant="body2">
                  The full generator output is not available here: {bundle.reasons.join(' ')}
                </Typography>
              </>
            )}
            <Box component="ul" sx={{ pl: 3 }}>
              {snippet.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </Box>
            <Typography>
              For a bundle tailored to your cluster (firewall rules, scripts, secondary networks),{' '}
              <InAppLink to="/">use the wizard</InAppLink>.
            </Typography>
          </>
        ) : (
          <Typography>This release cannot install {profile.name}.</Typography>
        )}
      </Box>

      <Box component="section" aria-labelledby="versions-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="versions-heading" gutterBottom>
          Chart version in each RKE2 release
        </Typography>
        <ChartVersions profile={profile} release={release} />
      </Box>

      <Box component="section" aria-labelledby="pitfalls-heading" sx={{ mt: 4 }}>
        <Typography variant="h5" component="h2" id="pitfalls-heading" gutterBottom>
          Known pitfalls
        </Typography>
        <Box component="ul" sx={{ pl: 3 }}>
          {profile.pitfalls.map((p) => (
            <Box component="li" key={p.title} sx={{ mb: 1 }}>
              <strong>{p.title}.</strong> {p.advice}{' '}
              {p.sources.map((s, i) => (
                <span key={s.url}>
                  {i ? ' · ' : ''}
                  <ExternalLink source={s} />
                </span>
              ))}
            </Box>
          ))}
        </Box>
      </Box>

      {evidenceCni ? (
        <EvidenceSection cni={evidenceCni} />
      ) : (
        <Box component="section" aria-labelledby="evidence-heading" sx={{ mt: 4 }}>
          <Typography variant="h5" component="h2" id="evidence-heading" gutterBottom>
            Evidence
          </Typography>
          <Typography>The 2024 benchmark and the popularity figures cover primary CNIs only.</Typography>
        </Box>
      )}
    </Box>
  );
}
