import { createHash } from 'node:crypto';
import { ACCOUNT_ID, type LocalAwsStore } from './store';
import { AwsServiceError, type Input, optionalBoolean, requiredString, toEpochSeconds } from './wire';

/**
 * SSM Parameter Store's GetParameter, as the notifier reads the skill's Alexa client credentials (AWS JSON 1.1,
 * X-Amz-Target AmazonSSM.GetParameter; shapes from the SSM API reference). A SecureString comes back decrypted only
 * with WithDecryption, as SSM does; without it the value is an opaque ciphertext.
 */

export type Operation = (store: LocalAwsStore, input: Input) => unknown;

export interface ParameterSpec {
  readonly type: 'String' | 'SecureString';
  readonly value: string;
}

export const ssmOperations: Readonly<Record<string, Operation>> = {
  GetParameter(store, input) {
    const name = requiredString(input, 'Name');
    const parameter = store.parameter(name);
    if (parameter === undefined) throw new AwsServiceError('ParameterNotFound', '');
    const decrypt = optionalBoolean(input, 'WithDecryption') ?? false;
    const value = parameter.type === 'SecureString' && !decrypt
      ? `AQICAH${createHash('sha256').update(parameter.value).digest('base64')}`
      : parameter.value;
    const path = name.startsWith('/') ? name : `/${name}`;
    return {
      Parameter: {
        Name: name, Type: parameter.type, Value: value, Version: 1, DataType: 'text',
        LastModifiedDate: toEpochSeconds(parameter.modifiedAt),
        ARN: `arn:aws:ssm:${store.region}:${ACCOUNT_ID}:parameter${path}`,
      },
    };
  },
};

export function ssmNotFound(): AwsServiceError {
  return new AwsServiceError('ParameterNotFound', '');
}
