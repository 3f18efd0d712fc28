import type { CliIo } from '../io';

export const generateUsage = 'generate: not implemented yet';

export async function generate(_args: string[], io: CliIo): Promise<number> {
  io.stderr('generate is not implemented yet');
  return 2;
}
