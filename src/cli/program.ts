import { version } from '../../package.json';
import { NEWEST_KNOWN_RELEASE } from '../domain/rke2/releases';

declare const __CLI_PROG__: string | undefined;

/**
 * How help texts name the program: the built bin (`npm run build:cli`) defines it as
 * `rke2-cni-wizard`; from the sources (`npm run cli`) it is `npm run cli --`.
 */
export const PROG: string = typeof __CLI_PROG__ === 'string' ? __CLI_PROG__ : 'npm run cli --';

/** `--version`: the app version, and the newest RKE2 release in the release table it was built with. */
export const VERSION_TEXT = `rke2-cni-wizard ${version}\nnewest RKE2 release known: ${NEWEST_KNOWN_RELEASE}`;
