import type { CliIo } from '../io';

export const validateUsage = 'validate: not implemented yet';

export async function validate(_args: string[], io: CliIo): Promise<number> {
  io.stderr('validate is not implemented yet');
  return 2;
}
