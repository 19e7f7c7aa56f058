import type { CloudWatchClient } from '@aws-sdk/client-cloudwatch';
import type { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import type { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { SSMClient } from '@aws-sdk/client-ssm';

export interface AwsClientOptions {
  /** Attempts per call, the first included. */
  readonly maxAttempts?: number;
  /** How long opening a connection may take, per attempt. */
  readonly connectionTimeoutMs?: number;
  /** How long one attempt may wait for the whole answer. */
  readonly requestTimeoutMs?: number;
}

export interface AwsClients {
  codePipeline(region: string): CodePipelineClient;
  codeDeploy(region: string): CodeDeployClient;
  dynamoDb(region: string): DynamoDBClient;
  cloudWatch(region: string): CloudWatchClient;
  /** The notifier's only: its SDK is a file of its own (ssm-sdk.ts), required by the first call to this. */
  ssm(region: string): SSMClient;
  /** Closes every client made so far (their keep-alive sockets); later calls make new ones. */
  destroy(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 1000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 3000;

/**
 * The SDK (./sdk) and node:http(s), required when the first client is asked for, never at import: loading them takes
 * longer than a whole LaunchRequest, which needs none of them. In the bundle the SDK is a file of its own.
 */
/* eslint-disable @typescript-eslint/no-require-imports -- synchronous on purpose: clients are handed out synchronously */
const sdk = () => require('./sdk') as typeof import('./sdk');
const ssmSdk = () => require('./ssm-sdk') as typeof import('./ssm-sdk');
const agents = () => ({
  HttpAgent: (require('node:http') as typeof import('node:http')).Agent,
  HttpsAgent: (require('node:https') as typeof import('node:https')).Agent,
});
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * Makes AWS clients on first use and keeps one per service and region, so that a warm Lambda reuses their
 * connections. Endpoints come from the SDK's own resolution, which honours AWS_ENDPOINT_URL_CODEPIPELINE,
 * AWS_ENDPOINT_URL_CODEDEPLOY and AWS_ENDPOINT_URL_CLOUDWATCH: a loopback stand-in for AWS needs no code path here.
 */
export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  const caches: Map<string, { destroy(): void }>[] = [];
  /** One client per region, made on first use. */
  const perRegion = <Client extends { destroy(): void }>(make: (region: string) => Client) => {
    const byRegion = new Map<string, Client>();
    caches.push(byRegion);
    return (region: string): Client => {
      let client = byRegion.get(region);
      if (client === undefined) {
        client = make(region);
        byRegion.set(region, client);
      }
      return client;
    };
  };

  const commonConfig = (region: string) => {
    const { NodeHttpHandler, credentialDefaultProvider } = sdk();
    const { HttpAgent, HttpsAgent } = agents();
    return {
      region,
      // The SDK's chain, with the environment's keys (where Lambda puts them) read first (credentials.ts).
      credentialDefaultProvider,
      maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      retryMode: 'standard',
      requestHandler: new NodeHttpHandler({
        connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
        requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
        // Without this a request past requestTimeout only logs a warning and keeps the skill waiting.
        throwOnRequestTimeout: true,
        // Keep-alive: a warm Lambda reuses its TLS connection to AWS instead of a new handshake per call.
        httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
        httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
      }),
    };
  };

  const codePipeline = perRegion((region) => new (sdk().CodePipelineClient)(commonConfig(region)));
  const codeDeploy = perRegion((region) => new (sdk().CodeDeployClient)(commonConfig(region)));
  const dynamoDb = perRegion((region) => new (sdk().DynamoDBClient)(commonConfig(region)));
  const cloudWatch = perRegion((region) => new (sdk().CloudWatchClient)(commonConfig(region)));
  const ssm = perRegion((region) => new (ssmSdk().SSMClient)(commonConfig(region)));
  return {
    codePipeline: (region) => codePipeline(region),
    codeDeploy: (region) => codeDeploy(region),
    dynamoDb: (region) => dynamoDb(region),
    cloudWatch: (region) => cloudWatch(region),
    ssm: (region) => ssm(region),
    destroy() {
      for (const cache of caches) {
        for (const client of cache.values()) client.destroy();
        cache.clear();
      }
    },
  };
}
