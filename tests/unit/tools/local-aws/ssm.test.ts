import { GetParameterCommand, ParameterNotFound, SSMClient } from '@aws-sdk/client-ssm';
import { startLocalAws, type LocalAws } from '../../../../tools/local-aws';

const NAME = '/push-to-prod/alexa-client';
const VALUE = '{"clientId":"amzn1.application-oa2-client.local","clientSecret":"local-secret"}';

describe('local-aws SSM GetParameter', () => {
  let aws: LocalAws;
  let ssm: SSMClient;

  beforeEach(async () => {
    aws = await startLocalAws({ parameters: { [NAME]: { type: 'SecureString', value: VALUE } } });
    ssm = new SSMClient({ region: 'us-east-1', endpoint: aws.env.AWS_ENDPOINT_URL_SSM, maxAttempts: 1, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'test-secret' } });
  });

  afterEach(async () => {
    ssm.destroy();
    await aws.close();
  });

  it('gives a SecureString decrypted only when asked to, through the real SDK client', async () => {
    // Act
    const decrypted = await ssm.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }));
    const encrypted = await ssm.send(new GetParameterCommand({ Name: NAME }));

    // Assess
    expect(decrypted.Parameter).toMatchObject({ Name: NAME, Type: 'SecureString', Value: VALUE, ARN: `arn:aws:ssm:us-east-1:123456789012:parameter${NAME}` });
    expect(encrypted.Parameter?.Value).not.toContain('local-secret');
    expect(aws.calls().map((c) => [c.service, c.operation])).toEqual([['ssm', 'GetParameter'], ['ssm', 'GetParameter']]);
  });

  it('answers ParameterNotFound for a name it does not hold', async () => {
    // Act / Assess
    await expect(ssm.send(new GetParameterCommand({ Name: '/nope', WithDecryption: true }))).rejects.toBeInstanceOf(ParameterNotFound);
  });

  it('takes injected faults like the other services', async () => {
    // Prepare
    aws.faults.inject({ service: 'ssm', kind: 'accessDenied', times: 1 });

    // Act / Assess
    await expect(ssm.send(new GetParameterCommand({ Name: NAME, WithDecryption: true }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
