import * as z from 'zod/mini';
import { en } from 'zod/v4/locales';
import { normalise } from '../domain/spoken';
import { SKILL_ID_PATTERN } from './skill-id';

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

/**
 * A CloudWatch alarm name (1–255 characters, as DescribeAlarms takes them). The gates are built by the first config
 * that has them (lazyOptional, below), as the policies are.
 */
const alarmsSchema = () => z.array(z.string().check(
  z.minLength(1, 'an alarm name must not be empty'),
  z.maxLength(255, 'an alarm name is longer than 255 characters'),
)).check(z.minLength(1, 'must name at least one alarm, or be left out'));

/** Ship to this environment what another one ran successfully, once it has run there for `bakeMinutes`. */
const promoteFromSchema = () => z.strictObject({
  /** The environment (of the same service) whose latest succeeded release is shipped. */
  environment: spokenName,
  /** How long that release must have run there, in whole minutes, before it may ship here. */
  bakeMinutes: z.number().check(z.int('must be a whole number of minutes'), z.minimum(0, 'must be 0 or more'), z.maximum(7 * 24 * 60, 'is longer than a week')),
});

/**
 * z.optional(z.lazy(build)), except that a config without the field never builds the schema: z.optional asks its
 * inner schema whether it has a default, and a z.lazy answers by building it. Behind z.unknown() in a pipe, the
 * question stops at z.unknown(); a value that is there is validated by the built schema as before.
 */
const lazyOptional = <T extends z.core.SomeType>(build: () => T) => z.optional(z.pipe(z.unknown(), z.lazy(build)));

/** A stage or action name, as CodePipeline allows them. */
const pipelinePartName = (what: string) => awsName(what, /^[A-Za-z0-9.@\-_]+$/, 100);

/**
 * Whether the skill may answer the pipeline's manual approvals: `true` for every Approval/Manual action in it, or one
 * action by name (the IAM grant then names that action alone). Built only by a config that has it (lazyOptional).
 */
const approvalsSchema = () => z.union([
  z.boolean(),
  z.strictObject({ stage: pipelinePartName('a stage name'), action: pipelinePartName('an action name') }),
], { error: 'must be true, false, or one approval action such as { "stage": "Approve", "action": "ManualApproval" }' });

export const EnvironmentSchema = z.strictObject({
  pipeline: z.optional(pipelineName),
  codeDeploy: z.optional(CodeDeployTargetSchema),
  /** A V2 pipeline stage to roll back with RollbackStage instead of a CodeDeploy redeployment. */
  rollbackStage: z.optional(z.string().check(z.minLength(1), z.maxLength(100))),
  /** AWS region of this environment's pipeline and deployment group; defaults to the config's region. */
  region: z.optional(regionName),
  /** CloudWatch alarms (metric or composite) in this environment's region: while one is in ALARM, deploys are refused. */
  alarms: lazyOptional(alarmsSchema),
  /** Deploys here ship what succeeded in another environment of the service, after a bake time there. */
  promoteFrom: lazyOptional(promoteFromSchema),
  /** Answer this pipeline's manual approvals by voice (ApproveIntent, RejectIntent); off unless set. */
  approvals: lazyOptional(approvalsSchema),
}).check(
  z.refine((env) => env.pipeline !== undefined || env.codeDeploy !== undefined, {
    message: 'needs a "pipeline", a "codeDeploy" target, or both',
  }),
  z.refine((env) => env.rollbackStage === undefined || env.pipeline !== undefined, {
    message: '"rollbackStage" needs a "pipeline"', path: ['rollbackStage'],
  }),
  z.refine((env) => env.promoteFrom === undefined || env.pipeline !== undefined, {
    message: '"promoteFrom" needs a "pipeline" to start with the promoted revisions', path: ['promoteFrom'],
  }),
  z.refine((env) => env.approvals === undefined || env.approvals === false || env.pipeline !== undefined, {
    message: '"approvals" needs a "pipeline"', path: ['approvals'],
  }),
);

export const ServiceSchema = z.strictObject({
  name: spokenName,
  synonyms: z._default(z.array(spokenName), []),
  environments: z.record(spokenName, EnvironmentSchema).check(z.refine((envs) => Object.keys(envs).length > 0, {
    message: 'must name at least one environment',
  })),
}).check(z.superRefine((service, ctx) => {
  for (const [key, environment] of Object.entries(service.environments)) {
    const from = environment.promoteFrom?.environment;
    if (from === undefined) continue;
    const path = ['environments', key, 'promoteFrom', 'environment'];
    const source = service.environments[from];
    if (from === key) ctx.addIssue({ code: 'custom', path, message: 'an environment cannot promote from itself' });
    else if (source === undefined) ctx.addIssue({ code: 'custom', path, message: `"${from}" is not an environment of service "${service.name}"` });
    else if (source.pipeline === undefined) ctx.addIssue({ code: 'custom', path, message: `"${from}" has no "pipeline", so it has no releases to promote` });
    else if (promotionLoops(service.environments, key)) ctx.addIssue({ code: 'custom', path, message: `promotes in a circle back to "${key}"` });
  }
}));

/** True when following promoteFrom from `start` comes back to it. */
function promotionLoops(environments: Readonly<Record<string, { readonly promoteFrom?: { readonly environment: string } }>>, start: string): boolean {
  const seen = new Set([start]);
  for (let next = environments[start]?.promoteFrom?.environment; next !== undefined; next = environments[next]?.promoteFrom?.environment) {
    if (seen.has(next)) return next === start;
    seen.add(next);
  }
  return false;
}

const alexaId = z.string().check(
  z.regex(/^amzn1\.ask\.(account|person)\.\S+$/, 'must be an amzn1.ask.account.… user id or an amzn1.ask.person.… person id'),
);

const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
const clockTime = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'must be a time such as 15:00 (24-hour clock)'));

/*
 * Policies (with their freezes) and the PIN are built by the first config that has them, through z.lazy: most
 * configs have neither, and building a zod schema is not free on a cold start (each one runs zod's constructors,
 * and the first of a kind compiles them), so a config without them does not pay for them. A config with them is
 * validated exactly as before, by the same schemas, before the first answer.
 */

/** A time when releases to an environment are frozen, in the config's time zone. `to` before `from` runs past midnight. */
const freezeSchema = () => z.strictObject({
  days: z.optional(z.array(z.enum(DAYS, { error: `must be one of ${DAYS.join(', ')}` })).check(z.minLength(1))),
  from: clockTime,
  to: clockTime,
  /** Said when a release is refused: "no deploys on Friday afternoon". */
  reason: z.string().check(z.minLength(1), z.maxLength(120)),
}).check(z.refine((f) => f.from !== f.to, { message: '"from" and "to" must differ', path: ['to'] }));

/** Stricter rules for one environment key (production, say), whatever the service. */
const policySchema = () => z.strictObject({
  /** Who may deploy, roll back and lock here; when absent, everyone in the top-level allowedUsers. Admins always may. */
  allowedUsers: z.optional(z.array(alexaId)),
  /** Ask for the team's spoken release code (config `pin`) before acting here. */
  requirePin: z._default(z.boolean(), false),
  freezes: z._default(z.array(freezeSchema()), []),
});

const pinSchema = () => z.strictObject({
  /** The salted scrypt hash of the four-digit code, from `npm run pin-hash`; never the code itself. */
  hash: z.string().check(z.regex(/^scrypt\$\d+\$\d+\$\d+\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/, 'must be a hash made by npm run pin-hash, never the code itself')),
  maxAttempts: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10)), 3),
  lockoutMinutes: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(24 * 60)), 15),
});

/**
 * Alexa notifications when a release the skill started ends (README "Notifications"). The skill's Alexa client id and
 * secret are never in the config: they sit in an SSM SecureString parameter, which only the notifier may read.
 */
const notificationsSchema = () => z.strictObject({
  /** The SSM parameter holding `{"clientId": "…", "clientSecret": "…"}` from the developer console's Permissions page. */
  clientCredentialsParameter: z.string().check(
    z.maxLength(1011, 'is longer than an SSM parameter name may be'),
    z.regex(/^\/?[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/, 'is not an SSM parameter name such as /push-to-prod/alexa-client'),
    z.refine((name) => !/^\/?(aws|ssm)/i.test(name), 'must not begin with "aws" or "ssm", which SSM reserves'),
  ),
  /** Which stage of the skill the notifications go to: "development" while testing, "live" once certified. */
  stage: z._default(z.enum(['development', 'live'], { error: 'must be "development" or "live"' }), 'development'),
});


export const ConfigSchema = z.strictObject({
  /**
   * Optional: the deploy passes the skill's id to the function (PUSH_TO_PROD_SKILL_ID, see skill-id.ts). When set
   * here as well, the two must agree.
   */
  skillId: z.optional(z.string().check(z.regex(SKILL_ID_PATTERN, 'must look like amzn1.ask.skill.<uuid>'))),
  allowedUsers: z.array(alexaId),
  /** May do anything anywhere, override a freeze (with a second yes) and remove anyone's lock. */
  admins: z._default(z.array(alexaId), []),
  /** Names to speak for ids: "production is locked by Alice". */
  people: z._default(z.record(alexaId, z.string().check(z.minLength(1), z.maxLength(40))), {}),
  /** Per environment key. */
  policies: z._default(z.record(spokenName, z.lazy(policySchema)), {}),
  pin: lazyOptional(pinSchema),
  notifications: lazyOptional(notificationsSchema),
  /** DynamoDB table for locks and PIN lockouts; PUSH_TO_PROD_STATE_TABLE overrides it. Without one, state lives in memory. */
  stateTable: z.optional(z.string().check(z.regex(/^[A-Za-z0-9_.-]{3,255}$/, 'is not a DynamoDB table name'))),
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
      // Compared as the catalog compares what was heard, so two phrases it cannot tell apart are refused here.
      const key = normalise(phrase);
      const owner = spoken.get(key);
      if (owner !== undefined && owner !== service.name) {
        ctx.addIssue({ code: 'custom', path: ['services', i], message: `"${phrase}" already names service "${owner}"` });
      }
      spoken.set(key, service.name);
    }
  });
  const environments = new Set(config.services.flatMap((s) => Object.keys(s.environments)));
  for (const [key, policy] of Object.entries(config.policies)) {
    if (!environments.has(key)) ctx.addIssue({ code: 'custom', path: ['policies', key], message: `"${key}" is not an environment of any configured service` });
    if (policy.requirePin && config.pin === undefined) ctx.addIssue({ code: 'custom', path: ['policies', key, 'requirePin'], message: 'needs a top-level "pin" with the code\'s hash' });
  }
  if (config.defaultService !== undefined && !config.services.some((s) => s.name === config.defaultService)) {
    ctx.addIssue({ code: 'custom', path: ['defaultService'], message: `"${config.defaultService}" is not the name of a configured service` });
  }
}));

export type Config = z.infer<typeof ConfigSchema>;
export type ServiceConfig = z.infer<typeof ServiceSchema>;
export type EnvironmentConfig = z.infer<typeof EnvironmentSchema>;
export type Policy = z.infer<ReturnType<typeof policySchema>>;
export type Freeze = z.infer<ReturnType<typeof freezeSchema>>;
export type NotificationsConfig = z.infer<ReturnType<typeof notificationsSchema>>;

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
