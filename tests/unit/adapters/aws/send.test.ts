import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAwsClients, type AwsClientOptions, type AwsClients } from '../../../../lambda/src/adapters/aws/clients';
import { CodeDeployAdapter } from '../../../../lambda/src/adapters/aws/codedeploy.adapter';
import { CodePipelineAdapter } from '../../../../lambda/src/adapters/aws/codepipeline.adapter';
import { runWithDeadline } from '../../../../lambda/src/runtime/deadline';

/**
 * A real SDK client, built by createAwsClients, against a loopback server that plays AWS: the endpoint comes from
 * AWS_ENDPOINT_URL_CODEPIPELINE / AWS_ENDPOINT_URL_CODEDEPLOY, as it would for a local stand-in.
 */
interface Seen {
  target: string | undefined;
  contentType: string | undefined;
}

type Reply = (request: IncomingMessage, response: ServerResponse) => void;

const pipeline = { name: 'checkout-prod', region: 'us-east-1' };
const group = { application: 'checkout', deploymentGroup: 'prod', region: 'us-east-1' };
const savedEnv = { ...process.env };
let server: Server | undefined;
let clients: AwsClients | undefined;
let seen: Seen[] = [];

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': `req-${seen.length}` });
  response.end(JSON.stringify(body));
}

const throttle: Reply = (_request, response) => json(response, 400, { __type: 'ThrottlingException', message: 'Rate exceeded' });
const neverAnswer: Reply = () => undefined;

async function startAws(replies: Reply[], options: AwsClientOptions = {}): Promise<AwsClients> {
  server = createServer((request, response) => {
    seen.push({ target: request.headers['x-amz-target'] as string | undefined, contentType: request.headers['content-type'] });
    request.resume();
    request.on('end', () => (replies[Math.min(seen.length, replies.length) - 1] ?? neverAnswer)(request, response));
  });
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  useEndpoint(`http://127.0.0.1:${port}`);
  clients = createAwsClients(options);
  return clients;
}

function useEndpoint(url: string): void {
  process.env.AWS_ENDPOINT_URL_CODEPIPELINE = url;
  process.env.AWS_ENDPOINT_URL_CODEDEPLOY = url;
  process.env.AWS_ACCESS_KEY_ID = 'AKIDLOOPBACKTEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'loopback-secret';
  delete process.env.AWS_SESSION_TOKEN;
  delete process.env.AWS_PROFILE;
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

afterEach(async () => {
  clients?.destroy();
  clients = undefined;
  if (server !== undefined) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server?.close(() => resolve()));
    server = undefined;
  }
  seen = [];
  process.env = { ...savedEnv };
});

describe('sendCommand with a real client on loopback', () => {
  it('gives up with AwsTimeoutError within the deadline when AWS never answers', async () => {
    // Prepare
    const aws = await startAws([neverAnswer]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));
    const started = Date.now();

    // Act
    const failure = runWithDeadline(2000, () => adapter.start(pipeline, 'token-1'));

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsTimeoutError', mutating: true, operation: 'StartPipelineExecution' });
    expect(Date.now() - started).toBeLessThan(2500);
    expect(seen[0]?.target).toBe('CodePipeline_20150709.StartPipelineExecution');
  });

  it('turns a hung attempt into an error after requestTimeoutMs instead of waiting on', async () => {
    // Prepare
    const aws = await startAws([neverAnswer], { requestTimeoutMs: 300, maxAttempts: 1 });
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));
    const started = Date.now();

    // Act
    const failure = adapter.recentExecutions(pipeline, 5);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsTimeoutError', mutating: false });
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it('succeeds after AWS throttles twice, retrying within the budget', async () => {
    // Prepare
    const ok: Reply = (_request, response) =>
      json(response, 200, { pipelineExecutionSummaries: [{ pipelineExecutionId: 'e1', status: 'Succeeded', startTime: 1714557600 }] });
    const aws = await startAws([throttle, throttle, ok]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));

    // Act
    const executions = await adapter.recentExecutions(pipeline, 5);

    // Assess
    expect(executions).toEqual([expect.objectContaining({ id: 'e1', status: 'Succeeded', startedAt: new Date(1714557600 * 1000) })]);
    expect(seen).toHaveLength(3);
    expect(seen.every((request) => request.target === 'CodePipeline_20150709.ListPipelineExecutions')).toBe(true);
    expect(seen[0]?.contentType).toBe('application/x-amz-json-1.1');
  });

  it('reports ThrottledError with the request id when AWS keeps throttling', async () => {
    // Prepare
    const aws = await startAws([throttle]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));

    // Act
    const failure = adapter.state(pipeline);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'ThrottledError', requestId: 'req-3' });
    expect(seen).toHaveLength(3);
  });

  it('reports AwsUnavailableError when AWS answers 500', async () => {
    // Prepare
    const fault: Reply = (_request, response) => json(response, 500, { __type: 'InternalFailure', message: 'oops' });
    const aws = await startAws([fault]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));

    // Act
    const failure = adapter.recentExecutions(pipeline, 5);

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsUnavailableError', mutating: false });
    expect(seen).toHaveLength(3);
  });

  it('does not send CreateDeployment again after a 500, and says the outcome is unknown', async () => {
    // Prepare
    const fault: Reply = (_request, response) => json(response, 500, { __type: 'InternalFailure', message: 'oops' });
    const aws = await startAws([fault]);
    const adapter = new CodeDeployAdapter((region) => aws.codeDeploy(region));
    const revision = { kind: 'commit' as const, id: 'abcdef1', location: { revisionType: 'GitHub', gitHubLocation: { repository: 'a/b', commitId: 'abcdef1' } } };

    // Act
    const failure = adapter.redeploy(group, revision, 'push-to-prod rollback');

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsUnavailableError', mutating: true, requestId: 'req-1' });
    expect(seen).toEqual([{ target: 'CodeDeploy_20141006.CreateDeployment', contentType: 'application/x-amz-json-1.1' }]);
  });

  it('still retries CreateDeployment when AWS throttled it, since nothing happened', async () => {
    // Prepare
    const ok: Reply = (_request, response) => json(response, 200, { deploymentId: 'd-new' });
    const aws = await startAws([throttle, ok]);
    const adapter = new CodeDeployAdapter((region) => aws.codeDeploy(region));
    const revision = { kind: 'commit' as const, id: 'abcdef1', location: { revisionType: 'GitHub', gitHubLocation: { repository: 'a/b', commitId: 'abcdef1' } } };

    // Act
    const result = await adapter.redeploy(group, revision, 'push-to-prod rollback');

    // Assess
    expect(result).toEqual({ deploymentId: 'd-new', requestId: 'req-2' });
    expect(seen).toHaveLength(2);
  });

  it('does not send PutApprovalResult again after a 500: a recorded first answer would make the retry fail as already answered', async () => {
    // Prepare
    const fault: Reply = (_request, response) => json(response, 500, { __type: 'InternalFailure', message: 'oops' });
    const aws = await startAws([fault]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));
    const approval = { stage: 'Approve', action: 'ManualApproval', token: '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d' };

    // Act
    const failure = adapter.putApprovalResult(pipeline, approval, 'Approved', 'Approved by voice');

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsUnavailableError', mutating: true, operation: 'PutApprovalResult' });
    expect(seen).toEqual([{ target: 'CodePipeline_20150709.PutApprovalResult', contentType: 'application/x-amz-json-1.1' }]);
  });

  it('still retries PutApprovalResult when AWS throttled it, since nothing was recorded', async () => {
    // Prepare
    const ok: Reply = (_request, response) => json(response, 200, { approvedAt: 1764165600 });
    const aws = await startAws([throttle, ok]);
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));
    const approval = { stage: 'Approve', action: 'ManualApproval', token: '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d' };

    // Act
    const result = await adapter.putApprovalResult(pipeline, approval, 'Rejected', 'Rejected by voice');

    // Assess
    expect(result).toEqual({ approvedAt: new Date(1764165600 * 1000), requestId: 'req-2' });
    expect(seen).toHaveLength(2);
  });

  it('reports a refused connection as AwsUnavailableError that changed nothing', async () => {
    // Prepare
    useEndpoint(`http://127.0.0.1:${await closedPort()}`);
    clients = createAwsClients();
    const aws = clients;
    const adapter = new CodePipelineAdapter((region) => aws.codePipeline(region));

    // Act
    const failure = adapter.start(pipeline, 'token-1');

    // Assess
    await expect(failure).rejects.toMatchObject({ name: 'AwsUnavailableError', mutating: false });
  });
});
