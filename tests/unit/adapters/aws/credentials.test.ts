import { defaultProvider } from '../../../../lambda/src/adapters/aws/credentials';
import { defaultProvider as sdkChain } from '../../../../lambda/src/adapters/aws/credential-chain';

// The SDK's own chain, as credentials.ts requires it when the environment holds no keys: a stand-in that says so.
jest.mock('../../../../lambda/src/adapters/aws/credential-chain', () => ({
  defaultProvider: jest.fn(() => async () => ({ accessKeyId: 'FROM-THE-SDK-CHAIN', secretAccessKey: 'chain-secret' })),
}));
const chain = jest.mocked(sdkChain);

const VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_CREDENTIAL_EXPIRATION', 'AWS_PROFILE'] as const;
const saved = Object.fromEntries(VARIABLES.map((name) => [name, process.env[name]]));

/** The environment a Lambda function runs with: its role's temporary keys. */
function lambdaEnvironment(): void {
  process.env.AWS_ACCESS_KEY_ID = 'ASIALAMBDAROLE';
  process.env.AWS_SECRET_ACCESS_KEY = 'lambda-secret';
  process.env.AWS_SESSION_TOKEN = 'lambda-session-token';
}

beforeEach(() => {
  for (const name of VARIABLES) delete process.env[name];
  chain.mockClear();
});

afterAll(() => {
  for (const name of VARIABLES) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('the skill\'s default credential provider', () => {
  it('signs with the keys Lambda puts in the environment, session token included, without loading the SDK\'s chain', async () => {
    // Prepare
    lambdaEnvironment();

    // Act
    const credentials = await defaultProvider({})();

    // Assess
    expect(credentials).toMatchObject({ accessKeyId: 'ASIALAMBDAROLE', secretAccessKey: 'lambda-secret', sessionToken: 'lambda-session-token' });
    expect(chain).not.toHaveBeenCalled();
  });

  it('uses the SDK\'s whole chain when the environment holds no keys, as on a developer\'s machine with a profile', async () => {
    // Prepare
    const init = { profile: undefined, ignoreCache: false };

    // Act
    const credentials = await defaultProvider(init)();

    // Assess
    expect(credentials.accessKeyId).toBe('FROM-THE-SDK-CHAIN');
    expect(chain).toHaveBeenCalledWith(init);
  });

  it('uses the SDK\'s chain when only half of a key pair is in the environment', async () => {
    // Prepare
    process.env.AWS_ACCESS_KEY_ID = 'ASIAHALF';

    // Act
    const credentials = await defaultProvider({})();

    // Assess
    expect(credentials.accessKeyId).toBe('FROM-THE-SDK-CHAIN');
  });

  it('prefers a profile named in AWS_PROFILE to keys in the environment, as the SDK\'s chain does', async () => {
    // Prepare
    lambdaEnvironment();
    process.env.AWS_PROFILE = 'release-ops';

    // Act
    const credentials = await defaultProvider({})();

    // Assess
    expect(credentials.accessKeyId).toBe('FROM-THE-SDK-CHAIN');
  });

  it('prefers a profile named in the client\'s config to keys in the environment', async () => {
    // Prepare
    lambdaEnvironment();

    // Act
    const credentials = await defaultProvider({ profile: 'release-ops' })();

    // Assess
    expect(credentials.accessKeyId).toBe('FROM-THE-SDK-CHAIN');
    expect(chain).toHaveBeenCalledWith({ profile: 'release-ops' });
  });

  it('chooses once, at the first call, and keeps the SDK chain it made (and so the chain\'s own cache)', async () => {
    // Prepare
    const provider = defaultProvider({});
    await provider();
    lambdaEnvironment();

    // Act
    const again = await provider();

    // Assess
    expect(again.accessKeyId).toBe('FROM-THE-SDK-CHAIN');
    expect(chain).toHaveBeenCalledTimes(1);
  });

  it('reads the environment\'s keys afresh on each call, as the SDK\'s fromEnv does, so that rotated keys are used', async () => {
    // Prepare
    lambdaEnvironment();
    const provider = defaultProvider({});
    await provider();
    process.env.AWS_ACCESS_KEY_ID = 'ASIAROTATED';

    // Act
    const rotated = await provider();

    // Assess
    expect(rotated.accessKeyId).toBe('ASIAROTATED');
  });
});
