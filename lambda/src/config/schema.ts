import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';

/**
 * The public contract: the JSON file a team writes to describe its services.
 * Unknown keys are rejected so that a typo ("pipline") is an error, not a silently ignored field.
 *
 * Written with zod/mini rather than zod's chained API: the config is validated on every cold start, before the
 * first answer, and the mini build costs that start about a third as much (see BENCHMARKS.md). The messages are
 * zod's own English ones, which mini only has once the locale is set.
 */
z.config(en());

const awsName = (what: string, pattern: RegExp, max: number) =>
  z.string().check(
    z.minLength(1, `${what} must not be empty`),
    z.maxLength(max, `${what} is longer than ${max} characters`),
    z.regex(pattern, `${what} has characters AWS does not allow`),
  );

const pipelineName = awsName('a pipeline name', /^[A-Za-z0-9.@\-_]+$/, 100);
const codeDeployName = (what: string) => awsName(what, /^[A-Za-z0-9.@\-_+]+$/, 100);

/** A word or phrase people say: lower-case letters, digits, spaces, apostrophes, hyphens, periods. */
const spokenName = z.string().check(
  z.trim(),
  z.minLength(1, 'must not be empty'),
  z.maxLength(60, 'is longer than 60 characters'),
  z.regex(/^[a-z0-9][a-z0-9 '.\-]*$/i, 'may hold only letters, digits, spaces, apostrophes, hyphens and periods'),
);

const regionName = z.string().check(z.regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'is not an AWS region name such as eu-west-1'));

export const CodeDeployTargetSchema = z.strictObject({
  application: codeDeployName('a CodeDeploy application name'),
  deploymentGroup: codeDeployName('a CodeDeploy deployment group name'),
});

export const EnvironmentSchema = z.strictObject({
  pipeline: z.optional(pipelineName),
  codeDeploy: z.optional(CodeDeployTargetSchema),
  /** A V2 pipeline stage to roll back with RollbackStage instead of a CodeDeploy redeployment. */
  rollbackStage: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** AWS region of this environment's pipeline and deployment group; defaults to the config's region. */
  region: z.optional(regionName),
}).check(
  z.refine((env) => env.pipeline !== undefined || env.codeDeploy !== undefined, {
    message: 'needs a "pipeline", a "codeDeploy" target, or both',
  }),
  z.refine((env) => env.rollbackStage === undefined || env.pipeline !== undefined, {
    message: '"rollbackStage" needs a "pipeline"', path: ['rollbackStage'],
  }),
);

export const ServiceSchema = z.strictObject({
  name: spokenName,
  synonyms: z._default(z.array(spokenName), []),
  environments: z.record(spokenName, EnvironmentSchema).check(z.refine((envs) => Object.keys(envs).length > 0, {
    message: 'must name at least one environment',
  })),
});

export const ConfigSchema = z.strictObject({
  skillId: z.string().check(z.regex(/^amzn1\.ask\.skill\.[0-9a-f-]{36}$/, 'must look like amzn1.ask.skill.<uuid>')),
  allowedUsers: z.array(z.string().check(
    z.regex(/^amzn1\.ask\.(account|person)\.\S+$/, 'must be an amzn1.ask.account.… user id or an amzn1.ask.person.… person id'),
  )),
  region: z.optional(regionName),
  /** IANA time zone the team speaks in ("Europe/Berlin"); times are said in it. Defaults to UTC. */
  timeZone: z._default(z.string().check(z.refine(isTimeZone, 'is not an IANA time zone such as Europe/Berlin')), 'UTC'),
  /** The service meant when a request names none (a single configured service is always the default). */
  defaultService: z.optional(spokenName),
  services: z.array(ServiceSchema).check(z.minLength(1, 'must list at least one service')),
}).check(z.superRefine((config, ctx) => {
  const spoken = new Map<string, string>();
  config.services.forEach((service, i) => {
    for (const phrase of [service.name, ...service.synonyms]) {
      const key = phrase.toLowerCase();
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
}));

export type Config = z.infer<typeof ConfigSchema>;
export type ServiceConfig = z.infer<typeof ServiceSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentSchema>;

/** Valid in every ICU, but not among Intl.supportedValuesOf('timeZone'). */
const UNIVERSAL_ZONES: ReadonlySet<string> = new Set(['UTC', 'Etc/UTC', 'GMT', 'Etc/GMT']);

function isTimeZone(zone: string): boolean {
  // Known names first: only a DateTimeFormat can check an alias ("Asia/Kolkata"), but the first one a process makes
  // loads ICU's locale data, which costs a cold start some 18 ms.
  if (UNIVERSAL_ZONES.has(zone) || Intl.supportedValuesOf('timeZone').includes(zone)) return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
