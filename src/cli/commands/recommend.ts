import type { CliIo } from '../io';

export const recommendUsage = 'recommend: not implemented yet';

export async function recommend(_args: string[], io: CliIo): Promise<number> {
  io.stderr('recommend is not implemented yet');
  return 2;
}
