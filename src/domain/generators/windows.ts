import type { BundlePlan } from './plan';
import { windowsAgentPorts, SUPERVISOR_PORT } from '../net/ports';
import { portLabel } from './firewall';
import { WINDOWS, windowsBuildText } from '../facts/windows';
import { psQuote, psScript } from './powershell';
import { SOURCES } from '../sources';

/**
 * What a Windows worker needs from the bundle: its agent config.yaml and a read-only PowerShell preflight.
 * Sources: rke2-docs install/quickstart.md "Windows Agent (Worker) Node Installation", install/requirements.md
 * "Windows" and "Windows Specific Inbound Network Rules", networking/windows_bgp.md.
 */

export const WINDOWS_AGENT_CONFIG_PATH = 'windows-agent/etc/rancher/rke2/config.yaml';
export const WINDOWS_PREFLIGHT_PATH = 'scripts/preflight.ps1';

/** Values only the user knows; the file holds them as <...> placeholders and the preflight refuses them unfilled. */
export const WINDOWS_FILL_IN: Readonly<Record<'server' | 'token', string>> = {
  server: `https://<first server>:${SUPERVISOR_PORT}`,
  token: '<contents of /var/lib/rancher/rke2/server/node-token on the first server>',
};

/**
 * The Windows agent's config.yaml. It takes no `cni` (server-only; the Windows agent reads the CNI from the
 * HelmCharts in kube-system, pebinary.go) and no `profile` (validateProfile is a no-op on Windows,
 * pkg/cli/cmds/profile_windows.go): it needs the server to join and the token, which only the user knows.
 */
export function windowsAgentConfig(): Record<string, string> {
  return { server: WINDOWS_FILL_IN.server, token: WINDOWS_FILL_IN.token };
}

/** Keys of the Windows agent config that the user must fill in (the README says so, from this list). */
export function windowsFillInKeys(): string[] {
  return Object.keys(windowsAgentConfig());
}

/** scripts/preflight.ps1: read-only checks on a Windows agent before RKE2's first start. */
export function windowsPreflightScript(plan: BundlePlan): string {
  const release = plan.release.requested.text;
  const ports = windowsAgentPorts({ bgp: plan.bgp });
  const builds = WINDOWS.builds
    .map((b) => `  @{ Name = ${psQuote(b.name)}; Build = ${b.build}; MinRevision = ${b.minRevision} }`)
    .join(',\n');
  const supportedText = WINDOWS.builds.map(windowsBuildText).join(' or ');
  const body: string[] = [
    "$ErrorActionPreference = 'Continue'",
    '$script:Fails = 0',
    'function Pass([string]$What) { Write-Output "PASS  $What" }',
    'function Warn([string]$What, [string]$Fix) { Write-Output "WARN  $What"; if ($Fix) { Write-Output "      fix: $Fix" } }',
    'function Fail([string]$What, [string]$Fix) { Write-Output "FAIL  $What"; if ($Fix) { Write-Output "      fix: $Fix" }; $script:Fails++ }',
    '',
    '$principal = New-Object Security.Principal.WindowsPrincipal([Security.Principal.WindowsIdentity]::GetCurrent())',
    "if ($principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) { Pass 'running as Administrator' }",
    "else { Fail 'not running as Administrator: some checks cannot read the system' 'open PowerShell with Run as administrator' }",
    '',
    `# Windows Server builds RKE2 documents for ${release}: ${supportedText} (${WINDOWS.source.url}).`,
    '$supported = @(',
    builds,
    ')',
    "$cv = Get-ItemProperty 'HKLM:\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion'",
    '$build = [int]$cv.CurrentBuildNumber',
    '$revision = [int]$cv.UBR',
    '$os = "$($cv.ProductName) build $build.$revision"',
    '$match = $supported | Where-Object { $_.Build -eq $build }',
    `if (-not $match) { Fail "$os is not a Windows Server release RKE2 supports" ${psQuote(`use ${supportedText}`)} }`,
    'elseif ($revision -lt $match.MinRevision) { Fail "$os is older than $($match.Name) build $($match.Build).$($match.MinRevision)" \'install the Windows updates\' }',
    'else { Pass "$os ($($match.Name))" }',
    "if ($cv.InstallationType -notlike 'Server*') { Warn \"installation type $($cv.InstallationType): RKE2 supports Windows Server\" '' }",
    '',
    `$feature = Get-WindowsOptionalFeature -Online -FeatureName ${psQuote(WINDOWS.containersFeature)} -ErrorAction SilentlyContinue`,
    `if ($feature -and $feature.State -eq 'Enabled') { Pass ${psQuote(`${WINDOWS.containersFeature} feature enabled`)} }`,
    `elseif ($feature -and $feature.State -eq 'EnablePending') { Fail ${psQuote(`${WINDOWS.containersFeature} feature enabled but waits for a reboot`)} 'Restart-Computer' }`,
    `else { Fail ${psQuote(`${WINDOWS.containersFeature} feature not enabled`)} ${psQuote(`Enable-WindowsOptionalFeature -Online -FeatureName ${WINDOWS.containersFeature} -All, then reboot`)} }`,
  ];
  if (plan.bgp) {
    body.push(
      '',
      `# Calico BGP on Windows: Windows features, then Install-RemoteAccess -VpnType RoutingOnly (${SOURCES.windowsBgp.url}).`,
    );
    for (const f of WINDOWS.bgpFeatures)
      body.push(
        `$wf = Get-WindowsFeature -Name ${psQuote(f)} -ErrorAction SilentlyContinue`,
        `if ($wf -and $wf.Installed) { Pass ${psQuote(`${f} feature installed`)} } else { Fail ${psQuote(`${f} feature not installed (Calico BGP)`)} ${psQuote(`Install-WindowsFeature ${f}`)} }`,
      );
    body.push(
      '$ra = Get-RemoteAccess -ErrorAction SilentlyContinue',
      "if ($ra -and $ra.RoutingStatus -eq 'Installed') { Pass 'RemoteAccess routing installed' } else { Warn 'RemoteAccess routing not confirmed (Calico BGP)' 'Install-RemoteAccess -VpnType RoutingOnly' }",
    );
  }
  body.push(
    '',
    '# Inbound ports this node must accept (RKE2 docs: Inbound network rules, Windows specific rules).',
    'function Test-InboundAllowed([string]$Protocol, [int]$Low, [int]$High) {',
    '  $filters = Get-NetFirewallRule -Direction Inbound -Enabled True -Action Allow -ErrorAction SilentlyContinue | Get-NetFirewallPortFilter -ErrorAction SilentlyContinue',
    '  foreach ($f in $filters) {',
    "    if ($f.Protocol -ne $Protocol -and $f.Protocol -ne 'Any') { continue }",
    '    foreach ($p in @($f.LocalPort)) {',
    "      if ($p -eq 'Any') { return $true }",
    "      if ($p -match '^(\\d+)-(\\d+)$') { if ([int]$Matches[1] -le $Low -and [int]$Matches[2] -ge $High) { return $true } }",
    "      elseif ($p -match '^\\d+$' -and [int]$p -eq $Low -and $Low -eq $High) { return $true }",
    '    }',
    '  }',
    '  return $false',
    '}',
    '$firewallOn = @(Get-NetFirewallProfile -ErrorAction SilentlyContinue | Where-Object { $_.Enabled }).Count -gt 0',
    "if (-not $firewallOn) { Pass 'Windows Firewall is off on every profile: nothing to open' }",
    'else {',
  );
  for (const r of ports) {
    const [low, high] = String(r.port).split('-');
    const what = `${portLabel(r)} inbound allowed (${r.purpose})`;
    const fix = `New-NetFirewallRule -DisplayName ${psQuote(`RKE2 ${r.purpose}`)} -Direction Inbound -Protocol ${r.protocol} -LocalPort ${String(r.port)} -Action Allow`;
    body.push(
      `  if (Test-InboundAllowed ${psQuote(r.protocol)} ${low} ${high ?? low}) { Pass ${psQuote(what)} } else { Fail ${psQuote(`${portLabel(r)} inbound not allowed (${r.purpose})`)} ${psQuote(fix)} }`,
    );
  }
  body.push('}');
  if (!plan.rancher) {
    const keys = windowsFillInKeys();
    body.push(
      '',
      `$config = ${psQuote(WINDOWS.configPath)}`,
      `if (-not (Test-Path $config)) { Fail "$config missing" ${psQuote(`copy ${WINDOWS_AGENT_CONFIG_PATH} there and fill in ${keys.join(' and ')}`)} }`,
      `elseif (Select-String -Path $config -Pattern '<[^>]*>' -Quiet) { Fail "$config still holds a <...> placeholder" ${psQuote(`fill in ${keys.join(' and ')}`)} }`,
      'else { Pass "$config present" }',
    );
  }
  body.push(
    '',
    'if ($script:Fails -gt 0) { Write-Output "$($script:Fails) check(s) failed."; exit 1 }',
    "Write-Output 'All checks passed.'",
  );
  return psScript(
    [
      `preflight.ps1: read-only checks on a Windows agent before RKE2 ${release} first starts (${plan.cni}; generated by rke2-cni-wizard).`,
      'Run in an elevated PowerShell on every Windows agent: powershell -ExecutionPolicy Bypass -File .\\preflight.ps1',
      'It changes nothing; fix every FAIL line (each prints the command that fixes it).',
    ],
    body,
  );
}
