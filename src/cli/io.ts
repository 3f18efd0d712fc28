/** The CLI writes through this so tests can run commands in-process without mocking our code. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** What "--answers -" reads; process.stdin when absent. */
  stdin?: import('node:stream').Readable;
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text.endsWith('\n') ? text : `${text}\n`),
  stderr: (text) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`),
};

export type Command = (args: string[], io: CliIo) => Promise<number>;
