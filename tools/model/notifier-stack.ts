import type { Config } from '../../lambda/src/config/schema';
import { DEPLOYMENT_END_STATES, DEPLOYMENT_DETAIL_TYPE, PIPELINE_DETAIL_TYPE, PIPELINE_END_STATES } from '../../lambda/src/notifier/release-events';

/**
 * The notifier's part of the CloudFormation template, generated from the config as the release policy is
 * (iam-policy.ts): its function and role, and the EventBridge rules for the configured pipelines and deployment
 * groups, each with the permission for EventBridge to invoke the function. One block between markers at the top of
 * the template's Resources, so that it regenerates (and merges) without touching anything else.
 *
 * Event patterns (EventBridge User Guide, "Amazon EventBridge event patterns"): a rule matches when every field it
 * names holds one of the listed values. The detail types and states are the ones the notifier reads
 * (lambda/src/notifier/release-events.ts), so that a rule never sends what the notifier would ignore.
 */

export const NOTIFIER_BEGIN_MARKER = '# BEGIN GENERATED NOTIFIER (npm run model; do not edit by hand)';
export const NOTIFIER_END_MARKER = '# END GENERATED NOTIFIER';
export const NOTIFIER_HANDLER = 'notifier.handler';

/** What the rules listen for, from the config: names in config order, each once. */
export interface ReleaseEventSources {
  readonly pipelines: readonly string[];
  readonly applications: readonly string[];
  readonly deploymentGroups: readonly string[];
}

export function releaseEventSources(config: Config): ReleaseEventSources {
  const pipelines = new Set<string>();
  const applications = new Set<string>();
  const deploymentGroups = new Set<string>();
  for (const service of config.services) {
    for (const environment of Object.values(service.environments)) {
      if (environment.pipeline !== undefined) pipelines.add(environment.pipeline);
      if (environment.codeDeploy !== undefined) {
        applications.add(environment.codeDeploy.application);
        deploymentGroups.add(environment.codeDeploy.deploymentGroup);
      }
    }
  }
  return { pipelines: [...pipelines], applications: [...applications], deploymentGroups: [...deploymentGroups] };
}

/** The EventBridge event pattern of each rule; a rule with nothing to match is left out. */
export function notifierEventPatterns(config: Config): { pipeline?: EventPattern; deployment?: EventPattern } {
  const sources = releaseEventSources(config);
  return {
    ...(sources.pipelines.length === 0 ? {} : {
      pipeline: {
        source: ['aws.codepipeline'],
        'detail-type': [PIPELINE_DETAIL_TYPE],
        detail: { pipeline: [...sources.pipelines], state: Object.keys(PIPELINE_END_STATES) },
      },
    }),
    ...(sources.deploymentGroups.length === 0 ? {} : {
      deployment: {
        source: ['aws.codedeploy'],
        'detail-type': [DEPLOYMENT_DETAIL_TYPE],
        detail: { application: [...sources.applications], deploymentGroup: [...sources.deploymentGroups], state: Object.keys(DEPLOYMENT_END_STATES) },
      },
    }),
  };
}

export interface EventPattern {
  readonly source: readonly string[];
  readonly 'detail-type': readonly string[];
  readonly detail: Readonly<Record<string, readonly string[]>>;
}

/** The SSM parameter's ARN as a `!Sub` string; a name without a leading slash gets one in the ARN, as SSM writes it. */
export function credentialsParameterArn(name: string): string {
  return `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${name.replace(/^\//, '')}`;
}

/** The block's lines, indented by `indent` spaces (the indent of a resource under Resources). */
export function renderNotifierBlock(config: Config, indent: number): string {
  const patterns = notifierEventPatterns(config);
  const parameter = config.notifications?.clientCredentialsParameter;
  const lines = [
    '# The notifier (README "Notifications"): when a configured pipeline execution or deployment ends, EventBridge',
    '# invokes it; it finds the release in the journal the skill keeps in the state table, records how it ended for',
    "# the next launch, and sends the person who started it an Alexa notification. EventBridge delivers only events of",
    "# the stack's own region: an environment in another region needs a rule there (not generated).",
    'NotifierFunctionRole:',
    '  Type: AWS::IAM::Role',
    '  Properties:',
    '    AssumeRolePolicyDocument:',
    "      Version: '2012-10-17'",
    '      Statement:',
    '        - Effect: Allow',
    '          Principal:',
    '            Service: lambda.amazonaws.com',
    '          Action: sts:AssumeRole',
    '    # Logs only: CreateLogGroup, CreateLogStream, PutLogEvents.',
    '    ManagedPolicyArns:',
    "      - !Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'",
    '    Policies:',
    '      - PolicyName: notifier',
    '        PolicyDocument:',
    "          Version: '2012-10-17'",
    '          Statement:',
    "            # The release journal: read a release's start, record its end and the outcome to tell at the next launch.",
    '            - Sid: ReleaseJournal',
    '              Effect: Allow',
    '              Action:',
    '                - dynamodb:GetItem',
    '                - dynamodb:PutItem',
    '              Resource:',
    '                - !GetAtt StateTable.Arn',
    ...(parameter === undefined ? [] : [
      "            # The skill's Alexa client id and secret (config notifications.clientCredentialsParameter). A SecureString",
      '            # under the default aws/ssm key needs no KMS grant; a customer managed key needs kms:Decrypt here too.',
      '            - Sid: AlexaClientCredentials',
      '              Effect: Allow',
      '              Action:',
      '                - ssm:GetParameter',
      '              Resource:',
      `                - !Sub '${credentialsParameterArn(parameter)}'`,
    ]),
    'NotifierFunction:',
    '  Type: AWS::Lambda::Function',
    '  Properties:',
    '    Description: push-to-prod notifier, tells the person who started a release how it ended',
    '    Role: !GetAtt NotifierFunctionRole.Arn',
    '    Runtime: !Ref LambdaRuntime',
    '    # The same code as the skill: the bundle holds both entries (tools/build.ts).',
    `    Handler: ${NOTIFIER_HANDLER}`,
    '    Code:',
    '      S3Bucket: !Ref CodeBucket',
    '      S3Key: !Ref CodeKey',
    '      S3ObjectVersion: !Ref CodeVersion',
    '    Architectures:',
    '      - arm64',
    '    MemorySize: 256',
    '    # Its own deadline per event is 20 s (lambda/src/notifier/index.ts): the journal, SSM once, LWA and the API.',
    '    Timeout: 30',
    '    Environment:',
    '      Variables:',
    '        PUSH_TO_PROD_STATE_TABLE: !Ref StateTable',
    'NotifierEventInvokeConfig:',
    '  Type: AWS::Lambda::EventInvokeConfig',
    '  Properties:',
    '    FunctionName: !Ref NotifierFunction',
    '    Qualifier: $LATEST',
    '    # An invocation that threw (Alexa throttled or failed) is tried twice more within the hour, then dropped.',
    '    MaximumRetryAttempts: 2',
    '    MaximumEventAgeInSeconds: 3600',
    ...(patterns.pipeline === undefined ? [] : rule('NotifierPipelineRule', 'push-to-prod: a configured pipeline execution ended', patterns.pipeline)),
    ...(patterns.deployment === undefined ? [] : [
      '# Any listed application with any listed group: the notifier ignores a deployment it did not start.',
      ...rule('NotifierDeploymentRule', 'push-to-prod: a configured CodeDeploy deployment ended', patterns.deployment),
    ]),
  ];
  const pad = ' '.repeat(indent);
  return lines.map((line) => `${pad}${line}`).join('\n');
}

function rule(name: string, description: string, pattern: EventPattern): string[] {
  const list = (values: readonly string[], depth: number) => values.map((value) => `${' '.repeat(depth)}- '${value}'`);
  return [
    `${name}:`,
    '  Type: AWS::Events::Rule',
    '  Properties:',
    `    Description: '${description}'`,
    '    EventPattern:',
    '      source:',
    ...list(pattern.source, 8),
    '      detail-type:',
    ...list(pattern['detail-type'], 8),
    '      detail:',
    ...Object.entries(pattern.detail).flatMap(([field, values]) => [`        ${field}:`, ...list(values, 10)]),
    '    Targets:',
    '      - Arn: !GetAtt NotifierFunction.Arn',
    '        Id: notifier',
    `${name}Permission:`,
    '  Type: AWS::Lambda::Permission',
    '  Properties:',
    '    Action: lambda:InvokeFunction',
    '    FunctionName: !GetAtt NotifierFunction.Arn',
    '    Principal: events.amazonaws.com',
    '    # Only this rule may invoke the notifier this way.',
    `    SourceArn: !GetAtt ${name}.Arn`,
  ];
}

/**
 * Replaces what lies between the markers in `template` with the block for `config`, indented like the begin marker.
 * Throws when the markers are missing, so a hand-edited template is not silently left stale.
 */
export function replaceNotifierBlock(template: string, config: Config): string {
  const lines = template.split('\n');
  const begin = lines.findIndex((line) => line.trim() === NOTIFIER_BEGIN_MARKER);
  const end = lines.findIndex((line) => line.trim() === NOTIFIER_END_MARKER);
  if (begin < 0 || end < begin) throw new Error(`The template has no "${NOTIFIER_BEGIN_MARKER}" … "${NOTIFIER_END_MARKER}" block.`);
  const indent = (lines[begin] ?? '').length - (lines[begin] ?? '').trimStart().length;
  return [...lines.slice(0, begin + 1), renderNotifierBlock(config, indent), ...lines.slice(end)].join('\n');
}
