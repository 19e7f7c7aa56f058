/**
 * local-aws: a loopback stand-in for the CodePipeline, CodeDeploy and CloudWatch operations push-to-prod uses (and
 * SSM's GetParameter, for the notifier), speaking AWS JSON 1.1 (1.0 for CloudWatch) over HTTP on 127.0.0.1, for the
 * offline simulator, dialog and fault tests and benchmarks. It also makes the EventBridge state-change events of the
 * releases it runs (events.ts).
 *
 * Why write one: no real AWS emulator can be installed on these machines (LocalStack and moto are out of reach), and
 * mocking at the SDK client would skip the wire, the SDK's parsing and its error classes. The skill reaches this server
 * only through AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL_CODEDEPLOY, which the AWS SDK v3 reads itself, so no
 * code path in the skill knows about it. Only node:http is used.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Config } from '../../lambda/src/config/schema';
import { type Clock, systemClock } from './clock';
import { CLOUDWATCH_TARGET_PREFIX, cloudWatchNotFound, cloudWatchOperations, QUERY_CODES } from './cloudwatch';
import { codeDeployNotFound, codeDeployOperations } from './codedeploy';
import { codePipelineNotFound, codePipelineOperations, type Operation } from './codepipeline';
import { DYNAMODB_TARGET_PREFIX, startLocalDynamoDb } from './dynamodb';
import { DEFAULT_SLOW_DELAY_MS, type FaultSpec, Faults, parseFaultSpec, type ServiceName } from './faults';
import { parseAlarmSetting } from './alarms';
import { ReleaseEvents } from './events';
import { seedFromConfig } from './seed';
import { ssmNotFound, ssmOperations, type ParameterSpec } from './ssm';
import { LocalAwsStore } from './store';
import { AwsServiceError, type Input } from './wire';

const HOST = '127.0.0.1';
const MAX_BODY_BYTES = 1024 * 1024;

/** Operations that change something in AWS: a test asserts none of these was called when nothing may change. */
export const MUTATING_OPERATIONS: ReadonlySet<string> = new Set([
  'StartPipelineExecution', 'RollbackStage', 'PutApprovalResult', 'CreateDeployment', 'StopDeployment',
]);

const JSON_1_1 = 'application/x-amz-json-1.1';
const JSON_1_0 = 'application/x-amz-json-1.0';

interface ServiceSpec {
  readonly service: ServiceName;
  readonly operations: Readonly<Record<string, Operation>>;
  readonly notFound: (operation: string) => AwsServiceError;
  /** The AWS JSON version the service speaks, as its Content-Type. */
  readonly contentType: string;
  /** For a query-compatible service: each error's query-API code, sent in `x-amzn-query-error`. */
  readonly queryCodes?: Readonly<Record<string, string>>;
}

const SERVICES: Readonly<Record<string, ServiceSpec>> = {
  CodePipeline_20150709: { service: 'codepipeline', operations: codePipelineOperations, notFound: codePipelineNotFound, contentType: JSON_1_1 },
  CodeDeploy_20141006: { service: 'codedeploy', operations: codeDeployOperations, notFound: codeDeployNotFound, contentType: JSON_1_1 },
  [CLOUDWATCH_TARGET_PREFIX]: {
    service: 'cloudwatch', operations: cloudWatchOperations, notFound: cloudWatchNotFound, contentType: JSON_1_0, queryCodes: QUERY_CODES,
  },
  AmazonSSM: { service: 'ssm', operations: ssmOperations, notFound: ssmNotFound, contentType: JSON_1_1 },
};

export interface RecordedCall {
  readonly service: ServiceName;
  readonly operation: string;
  readonly input: Input;
  /** Clock time when the call arrived. */
  readonly at: number;
  /** The access key id in the SigV4 credential scope of the Authorization header: which credentials signed it. */
  readonly accessKeyId?: string;
  /** The region in that scope: where the caller meant to call. */
  readonly region?: string;
}

export interface LocalAwsOptions {
  /** Seeds a pipeline and deployment group with history for every environment in it. */
  readonly config?: Config;
  readonly clock?: Clock;
  /** Default 0: any free port. */
  readonly port?: number;
  readonly stageDurationMs?: number;
  readonly deploymentDurationMs?: number;
  readonly seed?: number;
  readonly region?: string;
  /**
   * Weeks of history seeded before the last three days (see seed.ts). Default 0: the stand-in's own tests pin the
   * three-day history; the simulator asks for four weeks, so that a delivery report has something to say.
   */
  readonly historyWeeks?: number;
  /**
   * A DynamoDB table (key `pk`) for the skill's state, served on the same port through dynalite (dynamodb.ts); the
   * config's stateTable by default. Without one, DynamoDB calls are unknown operations, as before.
   */
  readonly stateTable?: string;
  /** SSM parameters by name (the notifier's client credentials), served to GetParameter. */
  readonly parameters?: Readonly<Record<string, ParameterSpec>>;
  /**
   * Answer CodePipeline and CodeDeploy calls signed for another region than `region` as that region would: from an
   * account with nothing in it. Off by default, because seeded scenarios keep every environment in the one region
   * whatever their configs say; tools that check regions (npm run doctor) turn it on.
   */
  readonly strictRegion?: boolean;
}

export interface LocalAws {
  readonly url: string;
  readonly codePipelineUrl: string;
  readonly codeDeployUrl: string;
  readonly cloudWatchUrl: string;
  /** What to put in the environment of a process that should talk to this server. */
  readonly env: Readonly<Record<string, string>>;
  readonly store: LocalAwsStore;
  readonly faults: Faults;
  /** The EventBridge state-change events of releases started after the server started, as they end. */
  readonly events: ReleaseEvents;
  calls(): RecordedCall[];
  mutatingCalls(): RecordedCall[];
  clearCalls(): void;
  /** Stops listening and cuts every open connection, hung ones included. */
  close(): Promise<void>;
}

/** Starts the stand-in on 127.0.0.1. */
export async function startLocalAws(options: LocalAwsOptions = {}): Promise<LocalAws> {
  const clock = options.clock ?? systemClock;
  const store = new LocalAwsStore({
    clock, stageDurationMs: options.stageDurationMs, deploymentDurationMs: options.deploymentDurationMs,
    seed: options.seed, region: options.region,
  });
  if (options.config !== undefined) seedFromConfig(store, options.config, { weeks: options.historyWeeks ?? 0 });
  for (const [name, parameter] of Object.entries(options.parameters ?? {})) store.putParameter(name, parameter.type, parameter.value);
  // The seeded history ended long ago: only what starts from now on is news.
  const events = new ReleaseEvents(store, clock.now());
  const stateTable = options.stateTable ?? options.config?.stateTable;
  const dynamo = stateTable === undefined ? undefined : await startLocalDynamoDb([stateTable], store.region);
  const faults = new Faults();
  const recorded: RecordedCall[] = [];
  const otherRegions = new Map<string, LocalAwsStore>();
  /** The store of the region a call was signed for: this one, or (strictRegion) an empty one of that region's own. */
  const storeFor = (region: string | undefined): LocalAwsStore => {
    if (options.strictRegion !== true || region === undefined || region === store.region) return store;
    const other = otherRegions.get(region) ?? new LocalAwsStore({ clock, region });
    otherRegions.set(region, other);
    return other;
  };
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((request, response) => {
    readBody(request).then((body) => {
      if (request.url?.startsWith('/_local/')) return control(request, response, body, faults, recorded, store);
      const target = String(request.headers['x-amz-target'] ?? '');
      if (dynamo !== undefined && target.startsWith(`${DYNAMODB_TARGET_PREFIX}.`)) {
        const operation = target.slice(DYNAMODB_TARGET_PREFIX.length + 1);
        recorded.push({ service: 'dynamodb', operation, input: parseInput(body), at: clock.now(), accessKeyId: signingKeyId(request) });
        return withFault(faults.take('dynamodb', operation), () => dynamo.forward(request, body, response),
          (fault) => sendError(response, faultError(fault, operation, dynamoDbNotFound, store.callerArn, 'dynamodb'), JSON_1_0));
      }
      const call = parseCall(request, body);
      if (call instanceof AwsServiceError) return sendError(response, call, contentTypeOf(request));
      const region = signingRegion(request);
      recorded.push({ service: call.service, operation: call.operation, input: call.input, at: clock.now(), accessKeyId: signingKeyId(request), region });
      const answer = () => sendResult(response, call.spec, () => {
        const regional = storeFor(region);
        regional.sync();
        return call.run(regional, call.input);
      });
      return withFault(faults.take(call.service, call.operation), answer,
        (fault) => sendError(response, faultError(fault, call.operation, call.notFound, store.callerArn, call.service), call.spec.contentType, call.spec.queryCodes));
    }).catch((error: unknown) => {
      sendError(response, error instanceof AwsServiceError ? error : new AwsServiceError('InternalFailure', String(error), 500), contentTypeOf(request));
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, HOST, () => resolve());
  });
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}`;

  /** Answers now, later ('slow'), never ('hang': the socket stays open until the client gives up or close()), or fails. */
  function withFault(fault: FaultSpec | undefined, answer: () => void, fail: (fault: FaultSpec) => void): void {
    if (fault === undefined) return answer();
    if (fault.kind === 'hang') return undefined;
    if (fault.kind === 'slow') {
      const timer = setTimeout(() => {
        timers.delete(timer);
        answer();
      }, fault.delayMs ?? DEFAULT_SLOW_DELAY_MS);
      timers.add(timer);
      return undefined;
    }
    return fail(fault);
  }

  return {
    url,
    codePipelineUrl: url,
    codeDeployUrl: url,
    cloudWatchUrl: url,
    env: {
      AWS_ENDPOINT_URL_CODEPIPELINE: url,
      AWS_ENDPOINT_URL_CODEDEPLOY: url,
      AWS_ENDPOINT_URL_CLOUDWATCH: url,
      AWS_ENDPOINT_URL_SSM: url,
      AWS_REGION: store.region,
      AWS_ACCESS_KEY_ID: 'LOCALAWSFAKEACCESSKEY',
      AWS_SECRET_ACCESS_KEY: 'local-aws-fake-secret-access-key',
      ...(dynamo === undefined ? {} : { AWS_ENDPOINT_URL_DYNAMODB: url }),
    },
    store,
    faults,
    events,
    calls: () => [...recorded],
    mutatingCalls: () => recorded.filter((call) => MUTATING_OPERATIONS.has(call.operation)),
    clearCalls: () => {
      recorded.splice(0);
    },
    close: async () => {
      await closeServer(server, sockets, timers);
      await dynamo?.close();
    },
  };
}

/** A URL where nothing listens, to see how a client takes "connection refused". */
export async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, HOST, resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://${HOST}:${port}`;
}

function closeServer(server: Server, sockets: Set<Socket>, timers: Set<NodeJS.Timeout>): Promise<void> {
  for (const timer of timers) clearTimeout(timer);
  timers.clear();
  return new Promise((resolve) => {
    server.close(() => resolve());
    for (const socket of sockets) socket.destroy();
  });
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new AwsServiceError('SerializationException', 'Request body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

interface ParsedCall {
  readonly spec: ServiceSpec;
  readonly service: ServiceName;
  readonly operation: string;
  readonly input: Input;
  readonly run: Operation;
  readonly notFound: (operation: string) => AwsServiceError;
}

/** DynamoDB's answer to a table it does not have. */
function dynamoDbNotFound(): AwsServiceError {
  return new AwsServiceError('ResourceNotFoundException', 'Requested resource not found');
}

/** A DynamoDB request's input for the call log; DynamoDB itself judges what is malformed. */
function parseInput(body: string): Input {
  try {
    const input: unknown = JSON.parse(body);
    return typeof input === 'object' && input !== null && !Array.isArray(input) ? input as Input : {};
  } catch {
    return {};
  }
}

/** `AWS4-HMAC-SHA256 Credential=AKID/20261126/us-east-1/codepipeline/aws4_request, SignedHeaders=…` → AKID. */
function signingKeyId(request: IncomingMessage): string | undefined {
  return /\bCredential=([^/,\s]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

/** `Credential=AKID/20261126/eu-west-1/codepipeline/aws4_request` → eu-west-1. */
function signingRegion(request: IncomingMessage): string | undefined {
  return /\bCredential=[^/,\s]+\/\d{8}\/([^/,\s]+)\//.exec(request.headers.authorization ?? '')?.[1];
}

/** The JSON version a request spoke, so that an error before its operation is known answers in kind. */
function contentTypeOf(request: IncomingMessage): string {
  return (request.headers['content-type'] ?? '').startsWith(JSON_1_0) ? JSON_1_0 : JSON_1_1;
}

/** Checks the request the way an AWS JSON 1.1 (or 1.0) front end does, and finds its operation. */
function parseCall(request: IncomingMessage, body: string): ParsedCall | AwsServiceError {
  const target = request.headers['x-amz-target'];
  const [prefix, operation] = typeof target === 'string' ? target.split('.', 2) : [];
  const service = prefix === undefined ? undefined : SERVICES[prefix];
  const run = operation === undefined ? undefined : service?.operations[operation];
  if (request.method !== 'POST' || request.url !== '/' || service === undefined || operation === undefined || run === undefined) {
    return new AwsServiceError('UnknownOperationException', `Unknown operation ${String(target)}`);
  }
  if (!(request.headers['content-type'] ?? '').startsWith(service.contentType)) {
    return new AwsServiceError('SerializationException', `Content-Type must be ${service.contentType}`);
  }
  if (request.headers.authorization === undefined) {
    return new AwsServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  let input: unknown;
  try {
    input = body.trim() === '' ? {} : JSON.parse(body);
  } catch {
    return new AwsServiceError('SerializationException', 'Request body is not valid JSON');
  }
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return new AwsServiceError('SerializationException', 'Request body must be a JSON object');
  }
  return { spec: service, service: service.service, operation, input: input as Input, run, notFound: service.notFound };
}

function faultError(fault: FaultSpec, operation: string, notFound: (operation: string) => AwsServiceError, caller: string, service: ServiceName): AwsServiceError {
  switch (fault.kind) {
    case 'throttle':
      return new AwsServiceError('ThrottlingException', 'Rate exceeded');
    case 'accessDenied':
      return new AwsServiceError('AccessDeniedException',
        `User: ${caller} is not authorized to perform: ${service}:${operation} because no identity-based policy allows the ${service}:${operation} action`);
    case 'serverError':
      return new AwsServiceError('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
    case 'notFound':
      return notFound(operation);
    default:
      throw new Error(`fault ${fault.kind} is not an error`);
  }
}

function send(response: ServerResponse, status: number, body: unknown, contentType = JSON_1_1, headers: Readonly<Record<string, string>> = {}): void {
  if (response.writableEnded || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': randomUUID(),
    ...headers,
  });
  response.end(text);
}

/** An error in the service's JSON; a query-compatible service adds the query API's `Code;Sender|Receiver`. */
function sendError(response: ServerResponse, error: AwsServiceError, contentType = JSON_1_1, queryCodes?: Readonly<Record<string, string>>): void {
  const queryCode = queryCodes?.[error.code] ?? error.code;
  const headers: Record<string, string> = queryCodes === undefined ? {} : { 'x-amzn-query-error': `${queryCode};${error.status >= 500 ? 'Receiver' : 'Sender'}` };
  send(response, error.status, { __type: error.code, message: error.message }, contentType, headers);
}

function sendResult(response: ServerResponse, spec: ServiceSpec, run: () => unknown): void {
  try {
    send(response, 200, run(), spec.contentType);
  } catch (error) {
    sendError(response, error instanceof AwsServiceError ? error : new AwsServiceError('InternalFailure', String(error), 500), spec.contentType, spec.queryCodes);
  }
}

/**
 * The side door for people and the CLI: POST /_local/faults injects, DELETE clears, GET /_local/calls lists;
 * POST /_local/alarms {"name", "state", "reason"?} sets an alarm's state (making the alarm if it does not exist).
 */
function control(request: IncomingMessage, response: ServerResponse, body: string, faults: Faults, recorded: readonly RecordedCall[], store: LocalAwsStore): void {
  const bad = (message: string) => send(response, 400, { message });
  if (request.url === '/_local/alarms' && request.method === 'POST') {
    try {
      const { name, state, reason } = parseAlarmSetting(JSON.parse(body));
      if (store.alarms.find(name) === undefined) store.alarms.put({ name });
      const alarm = store.alarms.setState(name, state, reason);
      return send(response, 200, { name: alarm.name, state: alarm.state, reason: alarm.reason });
    } catch (error) {
      return bad(error instanceof Error ? error.message : String(error));
    }
  }
  if (request.url === '/_local/faults' && request.method === 'POST') {
    try {
      const spec = parseFaultSpec(JSON.parse(body));
      faults.inject(spec);
      return send(response, 200, { injected: spec, active: faults.active() });
    } catch (error) {
      return bad(error instanceof Error ? error.message : String(error));
    }
  }
  if (request.url === '/_local/faults' && request.method === 'DELETE') {
    faults.clear();
    return send(response, 200, { active: [] });
  }
  if (request.url === '/_local/faults' && request.method === 'GET') return send(response, 200, { active: faults.active() });
  if (request.url === '/_local/calls' && request.method === 'GET') return send(response, 200, { calls: recorded });
  return send(response, 404, { message: `No such control endpoint: ${request.method ?? ''} ${request.url ?? ''}` });
}
