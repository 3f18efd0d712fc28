/**
 * npm run pack:cli [-- --dest DIR]: packs the built CLI (dist-cli/, from `npm run build:cli`) as an npm
 * package with no dependencies, so `npx ./rke2-cni-wizard-<version>.tgz recommend ...` works on a
 * machine that has only Node: no registry, no node_modules, no dev dependencies. Prints the tarball path.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const DIST = 'dist-cli';
const BIN = 'rke2-cni-wizard.mjs';

const destFlag = process.argv.indexOf('--dest');
const dest = resolve(destFlag > 0 && process.argv[destFlag + 1] ? process.argv[destFlag + 1]! : '.');

if (!existsSync(join(DIST, BIN))) {
  console.error(`pack:cli: ${DIST}/${BIN} is missing; run npm run build:cli first`);
  process.exit(2);
}
const app = JSON.parse(readFileSync('package.json', 'utf8')) as {
  name: string;
  version: string;
  description: string;
  engines: Record<string, string>;
};
const manifest = {
  name: app.name,
  version: app.version,
  description: app.description,
  type: 'module',
  bin: { [app.name]: BIN },
  files: [BIN, 'README.md'],
  engines: app.engines,
};
writeFileSync(join(DIST, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(
  join(DIST, 'README.md'),
  `# ${app.name} (command line)

${app.description}

One self-contained JavaScript file: it needs Node.js ${app.engines.node} and nothing else.

\`\`\`sh
npx ./${app.name}-${app.version}.tgz recommend --answers answers.yaml
npx ./${app.name}-${app.version}.tgz generate --answers answers.yaml --out bundle.zip
npx ./${app.name}-${app.version}.tgz validate ./my-manifests
npx ./${app.name}-${app.version}.tgz --help     # every command takes --help; --version names the newest RKE2 release known
\`\`\`
`,
);
mkdirSync(dest, { recursive: true });
const out = execFileSync('npm', ['pack', resolve(DIST), '--pack-destination', dest, '--json'], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'inherit'],
});
const [packed] = JSON.parse(out) as { filename: string }[];
console.log(join(dest, packed!.filename));
