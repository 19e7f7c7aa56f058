import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { createAwsClients } from '../../../../lambda/src/adapters/aws/clients';
import { defaultProvider } from '../../../../lambda/src/adapters/aws/credentials';

jest.mock('@aws-sdk/client-codepipeline', () => {
  const actual = jest.requireActual<typeof import('@aws-sdk/client-codepipeline')>('@aws-sdk/client-codepipeline');
  return { ...actual, CodePipelineClient: jest.fn((config: object) => new actual.CodePipelineClient(config)) };
});
jest.mock('@aws-sdk/client-codedeploy', () => {
  const actual = jest.requireActual<typeof import('@aws-sdk/client-codedeploy')>('@aws-sdk/client-codedeploy');
  return { ...actual, CodeDeployClient: jest.fn((config: object) => new actual.CodeDeployClient(config)) };
});

const PipelineClientMock = jest.mocked(CodePipelineClient);
const DeployClientMock = jest.mocked(CodeDeployClient);

beforeEach(() => {
  PipelineClientMock.mockClear();
  DeployClientMock.mockClear();
});

// The handler's timeouts are checked by behaviour, against a loopback server, in send.test.ts.
describe('createAwsClients', () => {
  it('makes no client until one is asked for', () => {
    // Act
    const clients = createAwsClients();

    // Assess
    expect(PipelineClientMock).not.toHaveBeenCalled();
    expect(DeployClientMock).not.toHaveBeenCalled();
    clients.destroy();
  });

  it('makes one client per service and region and hands it out again', async () => {
    // Prepare
    const clients = createAwsClients();

    // Act
    const first = clients.codePipeline('eu-west-1');
    const again = clients.codePipeline('eu-west-1');
    const elsewhere = clients.codePipeline('us-east-1');
    const deploy = clients.codeDeploy('eu-west-1');

    // Assess
    expect(again).toBe(first);
    expect(elsewhere).not.toBe(first);
    expect(PipelineClientMock).toHaveBeenCalledTimes(2);
    expect(DeployClientMock).toHaveBeenCalledTimes(1);
    await expect(first.config.region()).resolves.toBe('eu-west-1');
    await expect(deploy.config.region()).resolves.toBe('eu-west-1');
    clients.destroy();
  });

  it('configures the attempts and the standard retry mode', async () => {
    // Prepare
    const clients = createAwsClients({ maxAttempts: 2, connectionTimeoutMs: 700, requestTimeoutMs: 1500 });

    // Act
    const client = clients.codePipeline('eu-west-1');

    // Assess
    await expect(client.config.maxAttempts()).resolves.toBe(2);
    expect(PipelineClientMock).toHaveBeenCalledWith(expect.objectContaining({ retryMode: 'standard' }));
    clients.destroy();
  });

  it('hands every client the skill\'s credential provider, which reads the environment\'s keys first', () => {
    // Prepare
    const clients = createAwsClients();

    // Act
    const made = [clients.codePipeline('eu-west-1'), clients.codeDeploy('eu-west-1'), clients.dynamoDb('eu-west-1')];

    // Assess
    for (const client of made) expect(client.config.credentialDefaultProvider).toBe(defaultProvider);
    clients.destroy();
  });

  it('makes fresh clients after destroy', () => {
    // Prepare
    const clients = createAwsClients();
    const before = clients.codeDeploy('eu-west-1');

    // Act
    clients.destroy();
    const after = clients.codeDeploy('eu-west-1');

    // Assess
    expect(after).not.toBe(before);
    clients.destroy();
  });
});
