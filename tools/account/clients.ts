import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * AWS clients for the tools that read a team's account from a developer's machine (`npm run setup`,
 * `npm run doctor`). Everything is the SDK's own default: the credential chain (AWS_PROFILE, SSO, environment keys,
 * …), the region (AWS_REGION, the profile's), and endpoints (AWS_ENDPOINT_URL_CODEPIPELINE and the like, which is
 * how the tests point them at the local AWS). Nothing here is the skill's: the skill's clients are tuned for
 * Alexa's time limit, these for a person waiting at a terminal.
 */
export interface AccountClients {
  /** The region the SDK settled on (or the one asked for): where the config's pipelines and groups are looked for. */
  readonly region: string;
  codePipeline(region?: string): CodePipelineClient;
  codeDeploy(region?: string): CodeDeployClient;
  dynamoDb(region?: string): DynamoDBClient;
  destroy(): void;
}

/** No credentials, no region: the tool cannot start, and says why in one line. */
export class AccountAccessError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AccountAccessError';
  }
}

export async function accountClients(options: { readonly region?: string } = {}): Promise<AccountClients> {
  const made: { destroy(): void }[] = [];
  const cache = new Map<string, unknown>();
  const make = <T extends { destroy(): void }>(kind: string, region: string, build: () => T): T => {
    const key = `${kind}:${region}`;
    const existing = cache.get(key) as T | undefined;
    if (existing !== undefined) return existing;
    const client = build();
    cache.set(key, client);
    made.push(client);
    return client;
  };
  const probe = new CodePipelineClient(options.region === undefined ? {} : { region: options.region });
  let region: string;
  try {
    region = await probe.config.region();
  } catch (error) {
    throw new AccountAccessError('no AWS region: set AWS_REGION, give your profile a region, or pass --region', { cause: error });
  } finally {
    probe.destroy();
  }
  return {
    region,
    codePipeline: (r = region) => make('codepipeline', r, () => new CodePipelineClient({ region: r })),
    codeDeploy: (r = region) => make('codedeploy', r, () => new CodeDeployClient({ region: r })),
    dynamoDb: (r = region) => make('dynamodb', r, () => new DynamoDBClient({ region: r })),
    destroy: () => made.forEach((client) => client.destroy()),
  };
}

const isNoCredentials = (error: unknown): boolean => error instanceof Error
  && (error.name === 'CredentialsProviderError' || /Could not load credentials|credentials/i.test(error.message) && !('$metadata' in error));

const isAccessDenied = (error: unknown): boolean => error instanceof Error
  && /AccessDenied|UnauthorizedOperation|UnrecognizedClient|InvalidSignature|ExpiredToken/.test(error.name);

/**
 * An AWS failure said for a person: no credentials at all, credentials AWS refused, or AWS's own message. Missing
 * credentials become an AccountAccessError (nothing can go on); the rest is a sentence for a finding.
 */
export function describeFailure(error: unknown, action: string): string {
  if (isNoCredentials(error)) {
    throw new AccountAccessError('no AWS credentials found: set AWS_PROFILE, or run `aws configure` (or `aws sso login`)', { cause: error });
  }
  const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
  if (isAccessDenied(error)) return `your AWS credentials may not ${action} (${(error as Error).name}: ${message})`;
  return `${action} failed: ${error instanceof Error ? `${error.name}: ` : ''}${message}`;
}
