/**
 * A jest worker that exits as soon as jest ends it. jest-worker ends a worker by taking its message listener away and
 * letting the process end by itself (jest-worker's processChild.js, exitProcess). That natural end tears the V8 heap
 * down page by page, and after a full run a worker's heap is 300–550 MB: the three workers took 490–590 ms from their
 * exit event to their end, past jest's FORCE_EXIT_DELAY of 500 ms, so jest killed one or two of them each run and
 * printed "A worker process has failed to exit gracefully" though no test left anything open (at the end message
 * each worker held only its stdio and IPC pipes). process.exit skips that teardown. It runs after jest's own listener,
 * by then the worker has sent every result; stdout and stderr are pipes, which Node writes synchronously on Linux.
 *
 * Written here because jest has no option for it; tests/unit/support/worker-exit.test.ts holds the message's shape.
 */

/** jest-worker's CHILD_MESSAGE_END (not among its exports): the parent's `[2, forceExit]`, its last message to a worker. */
const CHILD_MESSAGE_END = 2;

let installed = false;

/** In a jest worker process (one with an IPC channel and a JEST_WORKER_ID), exit promptly on jest's end message. */
function exitPromptlyWhenJestEnds(proc = process, exit = (code) => proc.exit(code)) {
  if (installed || typeof proc.send !== 'function' || proc.env.JEST_WORKER_ID === undefined) return false;
  installed = true;
  const onMessage = (message) => {
    if (!Array.isArray(message) || message[0] !== CHILD_MESSAGE_END) return;
    proc.removeListener('message', onMessage);
    setImmediate(() => exit(typeof proc.exitCode === 'number' ? proc.exitCode : 0));
  };
  proc.on('message', onMessage);
  return true;
}

module.exports = { exitPromptlyWhenJestEnds, CHILD_MESSAGE_END };
