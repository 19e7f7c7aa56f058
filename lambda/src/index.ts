import type { RequestEnvelope, ResponseEnvelope } from 'ask-sdk-model';
import type { Skill } from 'ask-sdk-core';
import { resolveConfig } from './config/load';
import { resolveSkillId } from './config/skill-id';
import { MemoryStateStore } from './adapters/state/memory-state-store.adapter';
import type { StateStore } from './ports/state-store.port';
import { jsonLogger, type Logger } from './logging/logger';
import { DEFAULT_BUDGET_MS, runWithDeadline } from './runtime/deadline';
import { normaliseEnvelope } from './runtime/envelope';
import { composeSkill } from './compose';
import { bundledConfig } from './config/bundled';
import { createAwsClients } from './adapters/aws/clients';
import type { AlarmPort } from './ports/alarm.port';
import type { DeploymentPort } from './ports/deployment.port';
import type { PipelinePort } from './ports/pipeline.port';
import { onFirstCall } from './runtime/on-first-call';
import { FetchProgressiveResponses } from './adapters/alexa/progressive-response.adapter';

/**
 * The composition root: config → AWS clients → adapters → the skill's one composition (compose.ts). Nothing is built at import
 * time; the first invocation builds it all once (validating the config, so a broken one fails loudly with the
 * field named) and warm invocations reuse it. The AWS adapters and the SDK are loaded by the first AWS call
 * (onFirstCall): a cold LaunchRequest, which needs no AWS, answers without evaluating them (see BENCHMARKS.md).
 */

interface LambdaContext {
  getRemainingTimeInMillis?: () => number;
}

/** Time Lambda keeps back for itself after the handler returns. */
const LAMBDA_MARGIN_MS = 500;

export interface HandlerOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly logger?: Logger;
  readonly now?: () => Date;
  /** How long one invocation may take before the skill must answer (Alexa's limit less a margin); tests shorten it. */
  readonly budgetMs?: number;
  /** How long a read may run before Alexa says something meanwhile; the dialog tests lengthen it where timing varies. */
  readonly progressThresholdMs?: number;
  /**
   * Alexa API stand-ins trusted with progressive responses besides Alexa's own hosts (the simulator's loopback one).
   * An option of the composition, never the environment or the config: nothing deployed can widen whom the skill
   * sends a person's access token to.
   */
  readonly alexaApiEndpoints?: readonly string[];
}

/** Creates a Lambda handler; `handler` below is the one Lambda calls. Tests create their own with other options. */
export function createHandler(options: HandlerOptions = {}) {
  let skill: Skill | undefined;
  const build = (): Skill => {
    const env = options.env ?? process.env;
    const logger = options.logger ?? jsonLogger();
    const config = resolveConfig(env, bundledConfig);
    const clients = createAwsClients();
    const pipelines = onFirstCall<PipelinePort>(async () => {
      const { CodePipelineAdapter } = await import('./adapters/aws/codepipeline.adapter');
      return new CodePipelineAdapter(clients.codePipeline);
    });
    const deployments = onFirstCall<DeploymentPort>(async () => {
      const { CodeDeployAdapter } = await import('./adapters/aws/codedeploy.adapter');
      return new CodeDeployAdapter(clients.codeDeploy, now);
    });
    // Read only for environments with alarms: a config without them never loads the adapter.
    const alarms = onFirstCall<AlarmPort>(async () => {
      const { CloudWatchAdapter } = await import('./adapters/aws/cloudwatch.adapter');
      return new CloudWatchAdapter(clients.cloudWatch);
    });
    const now = options.now ?? (() => new Date());
    // Locks and PIN lockouts must outlive a Lambda instance: DynamoDB whenever a table is named (the CloudFormation
    // stack always names one); in memory otherwise, which suits tests and the offline simulator.
    const table = env.PUSH_TO_PROD_STATE_TABLE ?? config.stateTable;
    const region = config.region ?? env.AWS_REGION ?? 'us-east-1';
    const store = table
      ? onFirstCall<StateStore>(async () => {
        const { DynamoDbStateStore } = await import('./adapters/aws/dynamodb-state-store.adapter');
        return new DynamoDbStateStore(clients.dynamoDb(region), table, now);
      })
      : new MemoryStateStore(now);
    // Only on Lambda is memory the wrong place; tests and the simulator want it, and need no warning.
    if (!table && env.AWS_LAMBDA_FUNCTION_NAME) logger.log('warn', 'state.in-memory', { hint: 'set PUSH_TO_PROD_STATE_TABLE so locks and PIN lockouts survive across Lambda instances' });
    // Progressive responses go to Alexa's API: on Lambda, and in the simulator to its loopback stand-in, never from a
    // test or a developer's machine to Amazon.
    const standIns = options.alexaApiEndpoints ?? [];
    const progressive = env.AWS_LAMBDA_FUNCTION_NAME || standIns.length > 0
      ? { responses: new FetchProgressiveResponses(standIns), thresholdMs: options.progressThresholdMs }
      : undefined;
    return composeSkill({
      config: { ...config, skillId: resolveSkillId(env, config) }, pipelines, deployments, alarms, store, logger, now,
      fallbackRegion: env.AWS_REGION, progressive,
    });
  };
  return async (event: RequestEnvelope, context?: LambdaContext): Promise<ResponseEnvelope> => {
    const current = skill ?? (skill = build());
    const envelope = normaliseEnvelope(event);
    const lambdaLeft = context?.getRemainingTimeInMillis?.() ?? Number.POSITIVE_INFINITY;
    const budget = Math.min(options.budgetMs ?? DEFAULT_BUDGET_MS, lambdaLeft - LAMBDA_MARGIN_MS);
    return runWithDeadline(budget, () => current.invoke(envelope, context as never));
  };
}

/** The Lambda entry point (`index.handler`): async, two parameters, as nodejs22.x and nodejs24.x require. */
export const handler = createHandler();
