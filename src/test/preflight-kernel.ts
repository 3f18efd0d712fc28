/**
 * Runs only the kernel checks of a generated preflight.sh, on a node whose `uname -r` answers `kernel`
 * (a fake uname first on PATH). Returns what the script printed, ending with a "FAILS=n" line.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function runPreflightKernelChecks(preflight: string, kernel: string, workDir: string): string {
  const bin = join(workDir, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'uname'), `#!/bin/sh\necho '${kernel}'\n`);
  chmodSync(join(bin, 'uname'), 0o755);
  const lines = preflight.split('\n');
  const part = [
    ...lines.filter((l) => /^(pass|warn|fail|version_ge)\(\)|^FAILS=0/.test(l)),
    ...lines.filter((l) => l.startsWith('KERNEL') || l.includes('"$KERNEL_BASE"')),
    'echo "FAILS=$FAILS"',
  ].join('\n');
  return execFileSync('bash', ['-c', part], { env: { PATH: `${bin}:/usr/bin:/bin` }, encoding: 'utf8' });
}
