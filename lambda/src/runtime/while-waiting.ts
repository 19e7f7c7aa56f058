/**
 * Work a request will need later, done while the process would otherwise sit idle waiting for AWS to answer.
 *
 * A cold status spends most of its time waiting on the network (a TLS handshake and a round trip per service), and
 * then, once the answers are in, builds its first Intl.DateTimeFormat to say when things happened: ICU loads its
 * locale and time zone data on the main thread, some 13 ms on a cold start (BENCHMARKS.md). Queued here, that work
 * runs as soon as an AWS request has been handed to the socket, so it overlaps the wait instead of following it.
 *
 * A task is keyed: queuing the same key twice runs it once, and a key already run is not run again (the work it
 * stands for is cached by whoever did it). Tasks are warm-ups only: what they prepare is prepared again, on demand,
 * by the code that needs it, so a task that never runs (no AWS call) or fails changes nothing but timing. No library
 * offers this; Node's own idle hook (`setImmediate` after the socket write) is all it needs.
 */
const queued = new Map<string, () => void>();
const done = new Set<string>();
let scheduled = false;

/** Queues `task` to run in the next wait for AWS; does nothing for a key already queued or run. */
export function whileWaiting(key: string, task: () => void): void {
  if (done.has(key) || queued.has(key)) return;
  queued.set(key, task);
}

/**
 * Called by the AWS adapters right after a request has been handed to the HTTP handler: the queued tasks run in the
 * event loop's next check phase, after the pending I/O has been polled, so the request is on its way first.
 */
export function waitingForAws(): void {
  if (scheduled || queued.size === 0) return;
  scheduled = true;
  setImmediate(runQueued);
}

function runQueued(): void {
  scheduled = false;
  for (const [key, task] of queued) {
    queued.delete(key);
    done.add(key);
    try {
      task();
    } catch {
      // A warm-up only: the code that needs the result does the work again and meets the error where it can answer.
    }
  }
}
