import { z } from 'zod';
import { normalise } from '../domain/catalog';

/**
 * The public contract: the JSON file a team writes to describe its services.
 * Unknown keys are rejected so that a typo ("pipline") is an error, not a silently ignored field.
 */

const awsName = (what: string, pattern: RegExp, max: number) =>
  z.string().min(1, `${what} must not be empty`).max(max, `${what} is longer than ${max} characters`)
    .regex(pattern, `${what} has characters AWS does not allow`);

const pipelineName = awsName('a pipeline name', /^[A-Za-z0-9.@\-_]+$/, 100);
const codeDeployName = (what: string) => awsName(what, /^[A-Za-z0-9.@\-_+]+$/, 100);

/** A word or phrase people say: lower-case letters, digits, spaces, apostrophes, hyphens, periods. */
const spokenName = z.string().trim().min(1, 'must not be empty').max(60, 'is longer than 60 characters')
  .regex(/^[a-z0-9][a-z0-9 '.\-]*$/i, 'may hold only letters, digits, spaces, apostrophes, hyphens and periods');

export const CodeDeployTargetSchema = z.strictObject({
  application: codeDeployName('a CodeDeploy application name'),
  deploymentGroup: codeDeployName('a CodeDeploy deployment group name'),
});

export const EnvironmentSchema = z.strictObject({
  pipeline: pipelineName.optional(),
  codeDeploy: CodeDeployTargetSchema.optional(),
  /** A V2 pipeline stage to roll back with RollbackStage instead of a CodeDeploy redeployment. */
  rollbackStage: z.string().min(1).max(100).optional(),
  /** AWS region of this environment's pipeline and deployment group; defaults to the config's region. */
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'is not an AWS region name such as eu-west-1').optional(),
}).refine((env) => env.pipeline !== undefined || env.codeDeploy !== undefined, {
  message: 'needs a "pipeline", a "codeDeploy" target, or both',
}).refine((env) => env.rollbackStage === undefined || env.pipeline !== undefined, {
  message: '"rollbackStage" needs a "pipeline"', path: ['rollbackStage'],
});

export const ServiceSchema = z.strictObject({
  name: spokenName,
  synonyms: z.array(spokenName).default([]),
  environments: z.record(spokenName, EnvironmentSchema).refine((envs) => Object.keys(envs).length > 0, {
    message: 'must name at least one environment',
  }),
});

export const ConfigSchema = z.strictObject({
  skillId: z.string().regex(/^amzn1\.ask\.skill\.[0-9a-f-]{36}$/, 'must look like amzn1.ask.skill.<uuid>'),
  allowedUsers: z.array(z.string().regex(/^amzn1\.ask\.(account|person)\.\S+$/, 'must be an amzn1.ask.account.… user id or an amzn1.ask.person.… person id')),
  region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'is not an AWS region name such as eu-west-1').optional(),
  /** IANA time zone the team speaks in ("Europe/Berlin"); times are said in it. Defaults to UTC. */
  timeZone: z.string().refine(isTimeZone, 'is not an IANA time zone such as Europe/Berlin').default('UTC'),
  /** The service meant when a request names none (a single configured service is always the default). */
  defaultService: spokenName.optional(),
  services: z.array(ServiceSchema).min(1, 'must list at least one service'),
}).superRefine((config, ctx) => {
  const spoken = new Map<string, string>();
  config.services.forEach((service, i) => {
    for (const phrase of [service.name, ...service.synonyms]) {
      // Compared as the catalog compares what was heard, so two phrases it cannot tell apart are refused here.
      const key = normalise(phrase);
      const owner = spoken.get(key);
      if (owner !== undefined && owner !== service.name) {
        ctx.addIssue({ code: 'custom', path: ['services', i], message: `"${phrase}" already names service "${owner}"` });
      }
      spoken.set(key, service.name);
    }
  });
  if (config.defaultService !== undefined && !config.services.some((s) => s.name === config.defaultService)) {
    ctx.addIssue({ code: 'custom', path: ['defaultService'], message: `"${config.defaultService}" is not the name of a configured service` });
  }
});

export type Config = z.infer<typeof ConfigSchema>;
export type ServiceConfig = z.infer<typeof ServiceSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentSchema>;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
