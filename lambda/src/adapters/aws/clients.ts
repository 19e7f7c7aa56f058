import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { CodeDeployClient } from '@aws-sdk/client-codedeploy';
import { CodePipelineClient } from '@aws-sdk/client-codepipeline';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { NodeHttpHandler } from '@smithy/node-http-handler';

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
  /** Closes every client made so far (their keep-alive sockets); later calls make new ones. */
  destroy(): void;
}

export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_CONNECTION_TIMEOUT_MS = 1000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 3000;

/**
 * Makes AWS clients on first use and keeps one per service and region, so that a warm Lambda reuses their
 * connections. Endpoints come from the SDK's own resolution, which honours AWS_ENDPOINT_URL_CODEPIPELINE and
 * AWS_ENDPOINT_URL_CODEDEPLOY: a loopback stand-in for AWS needs no code path here.
 */
export function createAwsClients(options: AwsClientOptions = {}): AwsClients {
  const pipelines = new Map<string, CodePipelineClient>();
  const deploys = new Map<string, CodeDeployClient>();
  const tables = new Map<string, DynamoDBClient>();

  const commonConfig = (region: string) => ({
    region,
    maxAttempts: options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    retryMode: 'standard',
    requestHandler: new NodeHttpHandler({
      connectionTimeout: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
      requestTimeout: options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
      // Without this a request past requestTimeout only logs a warning and keeps the skill waiting.
      throwOnRequestTimeout: true,
      httpAgent: new HttpAgent({ keepAlive: true, maxSockets: 50 }),
      httpsAgent: new HttpsAgent({ keepAlive: true, maxSockets: 50 }),
    }),
  });

  return {
    codePipeline(region) {
      let client = pipelines.get(region);
      if (client === undefined) {
        client = new CodePipelineClient(commonConfig(region));
        pipelines.set(region, client);
      }
      return client;
    },
    codeDeploy(region) {
      let client = deploys.get(region);
      if (client === undefined) {
        client = new CodeDeployClient(commonConfig(region));
        deploys.set(region, client);
      }
      return client;
    },
    dynamoDb(region) {
      let client = tables.get(region);
      if (client === undefined) {
        client = new DynamoDBClient(commonConfig(region));
        tables.set(region, client);
      }
      return client;
    },
    destroy() {
      for (const client of [...pipelines.values(), ...deploys.values(), ...tables.values()]) client.destroy();
      pipelines.clear();
      deploys.clear();
      tables.clear();
    },
  };
}
