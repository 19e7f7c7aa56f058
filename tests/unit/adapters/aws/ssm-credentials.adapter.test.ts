import { GetParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { SsmClientCredentials } from '../../../../lambda/src/adapters/aws/ssm-credentials.adapter';

const NAME = '/push-to-prod/alexa-client';
const SECRET_VALUE = JSON.stringify({ clientId: 'amzn1.application-oa2-client.abc', clientSecret: 'amzn1.oa2-cs.v1.SECRET' });
const awsError = (name: string, status: number) => Object.assign(new Error(`${name} (mocked)`), { name, $fault: status >= 500 ? 'server' : 'client', $metadata: { httpStatusCode: status } });

function setUp() {
  const client = new SSMClient({ region: 'eu-west-1', maxAttempts: 1 });
  const ssm = mockClient(client);
  return { ssm, credentials: new SsmClientCredentials(() => client, NAME) };
}

describe('SsmClientCredentials', () => {
  it('reads the SecureString decrypted, once per instance, and again after forget', async () => {
    // Prepare
    const { ssm, credentials } = setUp();
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: NAME, Type: 'SecureString', Value: SECRET_VALUE } });

    // Act
    const first = await credentials.get();
    await credentials.get();
    credentials.forget();
    await credentials.get();

    // Assess
    expect(first).toEqual({ clientId: 'amzn1.application-oa2-client.abc', clientSecret: 'amzn1.oa2-cs.v1.SECRET' });
    expect(ssm.commandCalls(GetParameterCommand).map((call) => call.args[0].input)).toEqual([
      { Name: NAME, WithDecryption: true }, { Name: NAME, WithDecryption: true },
    ]);
  });

  it('says the parameter is missing, for a person to fix, when SSM has none', async () => {
    // Prepare
    const { ssm, credentials } = setUp();
    ssm.on(GetParameterCommand).rejects(awsError('ParameterNotFound', 400));

    // Act
    const error = await credentials.get().catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_CREDENTIALS_MISSING', retryable: false });
    expect((error as Error).message).toMatch(/\/push-to-prod\/alexa-client does not exist/);
  });

  it('says so when the role may not read it', async () => {
    // Prepare
    const { ssm, credentials } = setUp();
    ssm.on(GetParameterCommand).rejects(awsError('AccessDeniedException', 400));

    // Act / Assess
    await expect(credentials.get()).rejects.toMatchObject({ code: 'ALEXA_CREDENTIALS_MISSING', retryable: false });
  });

  it('refuses a value that is not the expected JSON without repeating the value', async () => {
    // Prepare
    const { ssm, credentials } = setUp();
    ssm.on(GetParameterCommand).resolves({ Parameter: { Name: NAME, Type: 'SecureString', Value: 'amzn1.oa2-cs.v1.SECRET' } });

    // Act
    const error = await credentials.get().catch((e: unknown) => e);

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_CREDENTIALS_MISSING' });
    expect((error as Error).message).not.toContain('SECRET');
  });

  it('keeps no failure: throttling is retryable, and the next call reads again', async () => {
    // Prepare
    const { ssm, credentials } = setUp();
    ssm.on(GetParameterCommand).rejectsOnce(awsError('ThrottlingException', 400)).resolves({ Parameter: { Value: SECRET_VALUE } });

    // Act
    const error = await credentials.get().catch((e: unknown) => e);
    const later = await credentials.get();

    // Assess
    expect(error).toMatchObject({ code: 'ALEXA_CREDENTIALS_UNAVAILABLE', retryable: true });
    expect(later.clientId).toBe('amzn1.application-oa2-client.abc');
  });
});
