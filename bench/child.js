/* eslint-disable @typescript-eslint/no-require-imports -- plain CommonJS on purpose, see below */
/**
 * One measured process of `npm run bench`. Plain CommonJS run by `node` itself: a TypeScript loader in this process
 * would hook `require` and slow down exactly what is measured (most of all the baseline's many node_modules files).
 *
 *   node bench/child.js cold <handler.js> <request.json>
 *   node bench/child.js warm <handler.js> <request.json> <count> <warmup>
 *
 * cold: the time from `require(handler)` to the first response, as a Lambda cold start does it (after the runtime
 * has started Node). warm: one handler, `warmup` requests unmeasured, then `count` requests timed one by one.
 * The result is one JSON object on file descriptor 3 (stdout belongs to the skill's log lines).
 */
const { readFileSync, writeSync } = require('node:fs');
const { format } = require('node:util');

/**
 * Lambda's Node.js runtime replaces the console methods before it loads a handler: they write each line with one
 * fs.writeSync to its log descriptor. Done here too, for skill and baseline alike; without it the first
 * console.log would set up a stream on the piped stdout (some 5 ms here), which no Lambda does.
 */
for (const level of ['log', 'info', 'warn', 'error', 'debug', 'trace']) {
  console[level] = (...args) => {
    writeSync(1, `${new Date().toISOString()}\t${level.toUpperCase()}\t${format(...args)}\n`);
  };
}

const LAMBDA_TIMEOUT_MS = 8000;

const [mode, handlerPath, requestPath, countArg, warmupArg] = process.argv.slice(2);
const template = JSON.parse(readFileSync(requestPath, 'utf8'));

/**
 * A unique id without node:crypto: this process must load only what the handler under test loads (the Lambda
 * runtime does not load crypto for a handler either), or a handler that loads it late would get it for free.
 */
let sequence = 0;
function uniqueId() {
  sequence += 1;
  return `${process.pid.toString(16)}-${Date.now().toString(16)}-${sequence.toString(16)}-${Math.random().toString(16).slice(2, 10)}`;
}

/** A copy of the template with fresh request and session ids, as every Alexa request has. */
function freshRequest() {
  const envelope = structuredClone(template);
  envelope.request.requestId = `amzn1.echo-api.request.${uniqueId()}`;
  envelope.session.sessionId = `amzn1.echo-api.session.${uniqueId()}`;
  return envelope;
}

function lambdaContext() {
  const deadline = Date.now() + LAMBDA_TIMEOUT_MS;
  return { getRemainingTimeInMillis: () => deadline - Date.now(), callbackWaitsForEmptyEventLoop: true };
}

function summary(response) {
  const r = (response && response.response) || {};
  return {
    speech: (r.outputSpeech && (r.outputSpeech.ssml || r.outputSpeech.text)) || '',
    directives: (r.directives || []).map((d) => d.type),
    shouldEndSession: r.shouldEndSession,
  };
}

function report(result) {
  const text = `${JSON.stringify({ ...result, maxRssKb: process.resourceUsage().maxRSS })}\n`;
  try {
    writeSync(3, text);
  } catch {
    process.stdout.write(text);
  }
}

const ms = (from, to) => Number(to - from) / 1e6;

async function cold() {
  const event = freshRequest();
  const context = lambdaContext();
  const t0 = process.hrtime.bigint();
  const { handler } = require(handlerPath);
  const loaded = process.hrtime.bigint();
  const response = await handler(event, context);
  const answered = process.hrtime.bigint();
  report({ requireMs: ms(t0, loaded), firstResponseMs: ms(t0, answered), ...summary(response) });
}

async function warm() {
  const count = Number(countArg);
  const warmup = Number(warmupArg);
  const events = Array.from({ length: count + warmup }, freshRequest);
  const { handler } = require(handlerPath);
  const latencies = [];
  let last;
  for (const [i, event] of events.entries()) {
    const context = lambdaContext();
    const t0 = process.hrtime.bigint();
    last = await handler(event, context);
    const t1 = process.hrtime.bigint();
    if (i >= warmup) latencies.push(ms(t0, t1));
  }
  report({ latencies, ...summary(last) });
}

(mode === 'warm' ? warm() : cold()).then(
  // Keep-alive sockets would hold the process open; a Lambda would be frozen here instead.
  () => process.exit(0),
  (error) => {
    writeSync(2, `${error && error.stack ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
