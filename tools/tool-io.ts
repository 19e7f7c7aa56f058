/**
 * The streams and environment a command-line tool runs with: the process's own when npm starts it, a test's when the
 * test calls the tool's exported main in-process (a tsx process costs over a CPU-second; the tests keep one or two
 * real runs of each tool to prove the wiring).
 */
export interface ToolIo {
  readonly stdin: NodeJS.ReadableStream & { readonly isTTY?: boolean };
  readonly stdout: NodeJS.WritableStream & { readonly isTTY?: boolean };
  readonly stderr: NodeJS.WritableStream;
  readonly env: NodeJS.ProcessEnv;
}

/** Read when a run starts, not at import: merely reading process.stdin opens it. */
export const processIo = (): ToolIo => ({ stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env });

/** Writes each line it is given, with its newline. */
export function lineWriter(stream: NodeJS.WritableStream): (line: string) => void {
  return (line) => {
    stream.write(`${line}\n`);
  };
}
