import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

/** The script every measured process runs: plain CommonJS, so nothing hooks `require` in it. */
const CHILD = join(__dirname, 'child.js');
/** A measured process that takes longer than this is stuck: it is killed and the bench fails. */
const CHILD_TIMEOUT_MS = 120_000;

export interface ResponseSummary {
  readonly speech: string;
  readonly directives: readonly string[];
  readonly shouldEndSession?: boolean;
}

export interface ColdSample extends ResponseSummary {
  /** From `require(handler)` until the module and everything it imports is evaluated. */
  readonly requireMs: number;
  /** From `require(handler)` until the first response: what a cold start adds to Alexa's wait. */
  readonly firstResponseMs: number;
  /** Peak resident memory of the whole process (process.resourceUsage().maxRSS). */
  readonly maxRssKb: number;
}

export interface WarmSample extends ResponseSummary {
  /** One latency per request after the warm-up, in order. */
  readonly latencies: readonly number[];
  readonly maxRssKb: number;
}

const running = new Set<ChildProcess>();

/** Kills the measured processes still running (on Ctrl-C); only the ones this bench started. */
export function killRunningChildren(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Runs bench/child.js in a fresh Node process and returns what it wrote on file descriptor 3. */
function runChild<T>(args: readonly string[], env: NodeJS.ProcessEnv): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CHILD, ...args], { env, stdio: ['ignore', 'pipe', 'pipe', 'pipe'] });
    running.add(child);
    const result: Buffer[] = [];
    const errors: Buffer[] = [];
    child.stdout?.resume(); // the skill's log lines: read and dropped, as CloudWatch would take them
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk));
    child.stdio[3]?.on('data', (chunk: Buffer) => result.push(chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const text = Buffer.concat(result).toString('utf8').trim();
      if (code !== 0 || text === '') {
        reject(new Error(`bench child ${args.join(' ')} ended with ${signal ?? code}:\n${Buffer.concat(errors).toString('utf8')}`));
        return;
      }
      resolve(JSON.parse(text) as T);
    });
  });
}

/** One cold start: a fresh process loads the handler and answers one request. */
export function coldSample(handlerPath: string, requestPath: string, env: NodeJS.ProcessEnv): Promise<ColdSample> {
  return runChild<ColdSample>(['cold', handlerPath, requestPath], env);
}

/** Warm latency: one process, `warmup` unmeasured requests, then `count` timed ones, each with fresh ids. */
export function warmSeries(handlerPath: string, requestPath: string, env: NodeJS.ProcessEnv, count: number, warmup: number): Promise<WarmSample> {
  return runChild<WarmSample>(['warm', handlerPath, requestPath, String(count), String(warmup)], env);
}
