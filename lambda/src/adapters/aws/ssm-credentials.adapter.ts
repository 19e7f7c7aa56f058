import type { SSMClient } from '@aws-sdk/client-ssm';
import { AccessDeniedError, AlexaApiError, AwsError, ResourceNotFoundError } from '../../domain/errors';
import type { ClientCredentials, CredentialsSource } from '../alexa/lwa-token';
import { sendCommand } from './send';

/**
 * The skill's Alexa client id and secret, from an SSM SecureString parameter holding
 * `{"clientId": "amzn1.application-oa2-client.…", "clientSecret": "…"}`, read with `GetParameter` `WithDecryption`
 * (SSM decrypts with the parameter's KMS key; with the default aws/ssm key the notifier's role needs no KMS grant).
 * Read once per Lambda instance and kept in memory only, until Login with Amazon refuses them (`forget`), so that a
 * corrected parameter is picked up without a redeploy. The value never reaches a log or an error message.
 */
export class SsmClientCredentials implements CredentialsSource {
  private loaded: Promise<ClientCredentials> | undefined;

  constructor(private readonly client: () => SSMClient, private readonly parameterName: string) {}

  get(): Promise<ClientCredentials> {
    this.loaded ??= this.read().catch((error: unknown) => {
      this.loaded = undefined;
      throw error;
    });
    return this.loaded;
  }

  forget(): void {
    this.loaded = undefined;
  }

  private async read(): Promise<ClientCredentials> {
    // Required here, not imported: the SSM client is in a file of its own, loaded by the first notification.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { GetParameterCommand } = require('./ssm-sdk') as typeof import('./ssm-sdk');
    let value: string | undefined;
    try {
      const output = await sendCommand(this.client(), new GetParameterCommand({ Name: this.parameterName, WithDecryption: true }),
        { operation: 'GetParameter', mutating: false, retrySafe: true });
      value = output.Parameter?.Value;
    } catch (error) {
      throw missing(this.parameterName, error);
    }
    const credentials = parse(value);
    if (credentials === undefined) {
      throw new AlexaApiError('ALEXA_CREDENTIALS_MISSING',
        `The SSM parameter ${this.parameterName} must hold {"clientId": "…", "clientSecret": "…"} (the skill's Alexa client id and secret)`,
        { retryable: false });
    }
    return credentials;
  }
}

function parse(value: string | undefined): ClientCredentials | undefined {
  if (value === undefined) return undefined;
  try {
    const parsed = JSON.parse(value) as { clientId?: unknown; clientSecret?: unknown };
    const { clientId, clientSecret } = parsed;
    return typeof clientId === 'string' && clientId !== '' && typeof clientSecret === 'string' && clientSecret !== ''
      ? { clientId, clientSecret }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The error for a parameter that could not be read: missing and forbidden are for a person to fix; the rest may pass. */
function missing(name: string, error: unknown): AlexaApiError | unknown {
  if (error instanceof ResourceNotFoundError) {
    return new AlexaApiError('ALEXA_CREDENTIALS_MISSING', `The SSM parameter ${name} does not exist in this region; README "Notifications" says how to create it`, { retryable: false, cause: error });
  }
  if (error instanceof AccessDeniedError) {
    return new AlexaApiError('ALEXA_CREDENTIALS_MISSING', `The notifier may not read the SSM parameter ${name} (or decrypt it with its KMS key)`, { retryable: false, cause: error });
  }
  // Throttling, timeouts, faults: AWS errors a later attempt may get past.
  return error instanceof AwsError ? new AlexaApiError('ALEXA_CREDENTIALS_UNAVAILABLE', `Reading the SSM parameter ${name} failed: ${error.code}`, { retryable: true, cause: error }) : error;
}
