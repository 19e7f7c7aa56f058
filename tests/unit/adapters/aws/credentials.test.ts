import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

describe('the skill\'s provider next to the SDK\'s own chain', () => {
  // The real chain this time, and a shared credentials file, to hold the shortcut to the SDK's rule as it is.
  const { defaultProvider: realChain } = jest.requireActual<typeof import('../../../../lambda/src/adapters/aws/credential-chain')>(
    '../../../../lambda/src/adapters/aws/credential-chain',
  );
  const FILE_VARIABLES = ['AWS_SHARED_CREDENTIALS_FILE', 'AWS_CONFIG_FILE', 'AWS_EC2_METADATA_DISABLED'] as const;
  const savedFiles = Object.fromEntries(FILE_VARIABLES.map((name) => [name, process.env[name]]));
  const folder = mkdtempSync(join(tmpdir(), 'ptp-credentials-'));

  beforeAll(() => {
    writeFileSync(join(folder, 'credentials'), [
      '[default]', 'aws_access_key_id = AKIDDEFAULTPROFILE', 'aws_secret_access_key = default-secret', '',
      '[release-ops]', 'aws_access_key_id = AKIDRELEASEOPS', 'aws_secret_access_key = release-ops-secret', '',
    ].join('\n'));
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(folder, 'credentials');
    process.env.AWS_CONFIG_FILE = join(folder, 'config-that-does-not-exist');
    process.env.AWS_EC2_METADATA_DISABLED = 'true';
    chain.mockImplementation(realChain);
  });

  afterAll(() => {
    for (const name of FILE_VARIABLES) {
      if (savedFiles[name] === undefined) delete process.env[name];
      else process.env[name] = savedFiles[name];
    }
    rmSync(folder, { recursive: true, force: true });
  });

  it.each([
    ['keys in the environment', { AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE', AWS_SECRET_ACCESS_KEY: 's' }],
    ['no keys: the default profile', {}],
    ['keys and AWS_PROFILE', { AWS_ACCESS_KEY_ID: 'ASIALAMBDAROLE', AWS_SECRET_ACCESS_KEY: 's', AWS_PROFILE: 'release-ops' }],
    ['AWS_PROFILE alone', { AWS_PROFILE: 'release-ops' }],
    ['half a key pair', { AWS_ACCESS_KEY_ID: 'ASIAHALF' }],
  ])('signs with what the SDK\'s chain would: %s', async (_case, environment: Record<string, string>) => {
    // Prepare
    Object.assign(process.env, environment);
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);

    try {
      // Act
      const [ours, sdks] = await Promise.all([defaultProvider({})(), realChain({})()]);

      // Assess
      expect(ours.accessKeyId).toBe(sdks.accessKeyId);
    } finally {
      warn.mockRestore();
    }
  });
});
