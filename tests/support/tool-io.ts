import { Readable, Writable } from 'node:stream';

/** A stream that keeps what is written to it. */
export function textSink(): { stream: Writable; text(): string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  return { stream, text: () => text };
}

/** What a tool's exported main reads and writes in a test: `input` on stdin (no terminal), output kept, this environment. */
export function testIo(env: NodeJS.ProcessEnv, input = '') {
  const stdout = textSink();
  const stderr = textSink();
  return {
    io: { stdin: Readable.from([input]), stdout: stdout.stream, stderr: stderr.stream, env },
    stdout: stdout.text,
    stderr: stderr.text,
  };
}
