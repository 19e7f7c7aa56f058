import { networkInterfaces } from 'node:os';
import { connect } from 'node:net';
import { CodeDeployClient, GetDeploymentGroupCommand, ThrottlingException } from '@aws-sdk/client-codedeploy';
import {
  CodePipelineClient, GetPipelineStateCommand, ListPipelineExecutionsCommand, PipelineNotFoundException,
  StartPipelineExecutionCommand,
} from '@aws-sdk/client-codepipeline';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { closedPortUrl, ManualClock, MUTATING_OPERATIONS, startLocalAws, type LocalAws } from '../../../../tools/local-aws';
import { clientsFor, eventually, testConfig } from './clients';

const GROUP = { applicationName: 'checkout', deploymentGroupName: 'checkout-prod' };

describe('local-aws server', () => {
  let aws: LocalAws;
  let clients: ReturnType<typeof clientsFor>;

  beforeEach(async () => {
    aws = await startLocalAws({ config: testConfig(), clock: new ManualClock() });
    clients = clientsFor(aws.url);
  });

  afterEach(async () => {
    clients.destroy();
    await aws.close();
  });

  const post = (target: string, body: string, headers: Record<string, string> = {}) => fetch(aws.url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': target, Authorization: 'AWS4-HMAC-SHA256 test', ...headers },
    body,
  });

  describe('wire protocol', () => {
    it('answers an unknown operation with 400 UnknownOperationException and a request id', async () => {
      // Act
      const response = await post('CodePipeline_20150709.DeletePipeline', '{"name":"checkout-prod"}');

      // Assess
      expect(response.status).toBe(400);
      expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
      expect(await response.json()).toMatchObject({ __type: 'UnknownOperationException' });
    });

    it('refuses a time range whose ends are not timestamps, as AWS\'s deserializer does', async () => {
      // Act
      const response = await post('CodeDeploy_20141006.ListDeployments', JSON.stringify({
        applicationName: 'checkout', deploymentGroupName: 'checkout-prod', createTimeRange: { start: '2026-11-01' },
      }));

      // Assess
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: 'SerializationException' });
    });

    it('refuses an unsigned request the way AWS does', async () => {
      // Act
      const response = await fetch(aws.url, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'CodePipeline_20150709.GetPipelineState' },
        body: '{"name":"checkout-prod"}',
      });

      // Assess
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ __type: 'MissingAuthenticationTokenException' });
    });

    it('is reached by an SDK client configured only through the environment variables it hands out', async () => {
      // Prepare
      const saved = { ...process.env };
      Object.assign(process.env, aws.env);
      const client = new CodePipelineClient({});

      try {
        // Act
        const answer = await client.send(new ListPipelineExecutionsCommand({ pipelineName: 'checkout-prod' }));

        // Assess
        expect(answer.pipelineExecutionSummaries).toHaveLength(4);
        expect(answer.$metadata.requestId).toEqual(expect.any(String));
      } finally {
        client.destroy();
        process.env = saved;
      }
    });
  });

  describe('recording', () => {
    it('records each call with its input, the key that signed it, and which of them change something', async () => {
      // Prepare
      await clients.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' }));

      // Act
      await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod', clientRequestToken: 'tok-1' }));

      // Assess
      expect(aws.calls().map((call) => call.operation)).toEqual(['GetPipelineState', 'StartPipelineExecution']);
      expect(aws.mutatingCalls()).toEqual([
        {
          service: 'codepipeline', operation: 'StartPipelineExecution', input: { name: 'checkout-prod', clientRequestToken: 'tok-1' },
          at: aws.store.now(), accessKeyId: 'AKIDTEST', region: 'us-east-1',
        },
      ]);
    });

    it('counts only the operations that change state as mutating', () => {
      // Assess
      expect([...MUTATING_OPERATIONS].sort()).toEqual(
        ['CreateDeployment', 'PutApprovalResult', 'RollbackStage', 'StartPipelineExecution', 'StopDeployment'],
      );
    });
  });

  describe('faults', () => {
    it('throttles with ThrottlingException, which CodeDeploy models and the SDK does not retry at maxAttempts 1', async () => {
      // Prepare
      aws.faults.inject({ service: 'codedeploy', kind: 'throttle', times: 1 });

      // Act
      const throttled = clients.deploy.send(new GetDeploymentGroupCommand(GROUP));

      // Assess
      await expect(throttled).rejects.toBeInstanceOf(ThrottlingException);
      await expect(clients.deploy.send(new GetDeploymentGroupCommand(GROUP))).resolves.toBeDefined();
    });

    it('throttles CodePipeline so that the SDK retries and then succeeds', async () => {
      // Prepare
      const retrying = clientsFor(aws.url, 3);
      aws.faults.inject({ service: 'codepipeline', operation: 'GetPipelineState', kind: 'throttle', times: 1 });

      try {
        // Act
        const answer = await retrying.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' }));

        // Assess
        expect(answer.$metadata.attempts).toBe(2);
        expect(aws.calls()).toHaveLength(2);
      } finally {
        retrying.destroy();
      }
    });

    it('denies access with a 400 AccessDeniedException', async () => {
      // Prepare
      aws.faults.inject({ kind: 'accessDenied' });

      // Act
      const starting = clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));

      // Assess
      await expect(starting).rejects.toMatchObject({ name: 'AccessDeniedException', $fault: 'client', $metadata: { httpStatusCode: 400 } });
      expect(aws.store.pipeline('checkout-prod').executions).toHaveLength(4);
    });

    it('fails with a 500 server fault', async () => {
      // Prepare
      aws.faults.inject({ kind: 'serverError', operation: 'GetDeploymentGroup' });

      // Act
      const getting = clients.deploy.send(new GetDeploymentGroupCommand(GROUP));

      // Assess
      await expect(getting).rejects.toMatchObject({ $fault: 'server', $metadata: { httpStatusCode: 500 } });
    });

    it('answers notFound with the service\'s modelled not-found exception', async () => {
      // Prepare
      aws.faults.inject({ kind: 'notFound', service: 'codepipeline' });

      // Act
      const getting = clients.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' }));

      // Assess
      await expect(getting).rejects.toBeInstanceOf(PipelineNotFoundException);
    });

    it('hits only the operation it names, and only as many times as asked', async () => {
      // Prepare
      aws.faults.inject({ kind: 'serverError', operation: 'StartPipelineExecution', times: 2 });

      // Act
      const state = await clients.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' }));
      const first = clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
      await expect(first).rejects.toMatchObject({ $fault: 'server' });
      const second = clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));
      await expect(second).rejects.toMatchObject({ $fault: 'server' });
      const third = await clients.pipeline.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));

      // Assess
      expect(state.stageStates).toHaveLength(3);
      expect(third.pipelineExecutionId).toEqual(expect.any(String));
      expect(aws.faults.active()).toEqual([]);
    });

    it('holds a slow answer back, and still applies a change the client gave up waiting for', async () => {
      // Prepare
      aws.faults.inject({ kind: 'slow', delayMs: 300, times: 1, operation: 'StartPipelineExecution' });
      const impatient = new CodePipelineClient({
        endpoint: aws.url, region: 'us-east-1', credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' }, maxAttempts: 1,
        requestHandler: new NodeHttpHandler({ requestTimeout: 50, throwOnRequestTimeout: true }),
      });
      const started = Date.now();

      try {
        // Act
        const starting = impatient.send(new StartPipelineExecutionCommand({ name: 'checkout-prod' }));

        // Assess
        await expect(starting).rejects.toMatchObject({ name: 'TimeoutError' });
        expect(aws.store.pipeline('checkout-prod').executions).toHaveLength(4);
        await eventually(() => aws.store.pipeline('checkout-prod').executions.length === 5);
        expect(Date.now() - started).toBeGreaterThanOrEqual(300);
      } finally {
        impatient.destroy();
      }
    });

    it('never answers a hung call, and close() still ends it', async () => {
      // Prepare
      aws.faults.inject({ kind: 'hang' });
      const hanging = clients.pipeline.send(new GetPipelineStateCommand({ name: 'checkout-prod' }));
      const outcome = hanging.then(() => 'answered', () => 'cut off');
      await eventually(() => aws.calls().length === 1);

      // Act
      await aws.close();

      // Assess
      expect(await outcome).toBe('cut off');
    });

    it('takes faults over HTTP at /_local/faults, and clears them there', async () => {
      // Prepare
      const injected = await fetch(`${aws.url}/_local/faults`, {
        method: 'POST', body: JSON.stringify({ service: 'codedeploy', kind: 'throttle' }),
      });

      // Act
      const throttled = clients.deploy.send(new GetDeploymentGroupCommand(GROUP));
      await expect(throttled).rejects.toBeInstanceOf(ThrottlingException);
      const cleared = await fetch(`${aws.url}/_local/faults`, { method: 'DELETE' });
      const after = await clients.deploy.send(new GetDeploymentGroupCommand(GROUP));

      // Assess
      expect(injected.status).toBe(200);
      expect(cleared.status).toBe(200);
      expect(after.deploymentGroupInfo?.deploymentGroupName).toBe('checkout-prod');
    });

    it('rejects a malformed fault over HTTP', async () => {
      // Act
      const response = await fetch(`${aws.url}/_local/faults`, { method: 'POST', body: JSON.stringify({ kind: 'explode' }) });

      // Assess
      expect(response.status).toBe(400);
      expect(aws.faults.active()).toEqual([]);
    });
  });

  describe('network', () => {
    it('gives a URL where the connection is refused', async () => {
      // Prepare
      const refused = clientsFor(await closedPortUrl());

      try {
        // Act
        const getting = refused.deploy.send(new GetDeploymentGroupCommand(GROUP));

        // Assess: under Jest the SDK wraps Node's cross-realm error, so only the message keeps the code.
        await expect(getting).rejects.toThrow(/ECONNREFUSED/);
      } finally {
        refused.destroy();
      }
    });

    it('listens on 127.0.0.1 and on no other address of this machine', async () => {
      // Prepare
      const { port, hostname } = new URL(aws.url);
      const others = Object.values(networkInterfaces()).flat()
        .filter((address) => address !== undefined && address.family === 'IPv4' && !address.internal)
        .map((address) => address?.address as string);
      const tryConnect = (host: string) => new Promise<string>((resolve) => {
        const socket = connect({ host, port: Number(port) });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });

      // Act
      const loopback = await tryConnect('127.0.0.1');
      const elsewhere = await Promise.all(others.map(tryConnect));

      // Assess
      expect(hostname).toBe('127.0.0.1');
      expect(loopback).toBe('connected');
      expect(elsewhere.every((result) => result !== 'connected')).toBe(true);
    });
  });
});

describe('local-aws without a config', () => {
  it('starts empty, so a test can build its own scenario', async () => {
    // Prepare
    const aws = await startLocalAws({ clock: new ManualClock() });
    const deploy = new CodeDeployClient({ endpoint: aws.url, region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' }, maxAttempts: 1 });

    try {
      // Act
      const getting = deploy.send(new GetDeploymentGroupCommand(GROUP));

      // Assess
      await expect(getting).rejects.toMatchObject({ name: 'ApplicationDoesNotExistException' });
      expect(aws.store.pipelineNames()).toEqual([]);
    } finally {
      deploy.destroy();
      await aws.close();
    }
  });
});
