import { readFileSync } from 'node:fs';
import { loadConfigFile } from '../../../lambda/src/config/load';
import { DEFAULT_CONFIG_PATH, TEMPLATE_PATH } from '../../../tools/model/generate';
import { releasePolicyStatements } from '../../../tools/model/iam-policy';
import { SKILL_ID_VARIABLE } from '../../../lambda/src/config/skill-id';
import { parseTemplate } from '../../support/cfn-yaml';

interface Statement { Sid?: string; Effect: string; Action: string[]; Resource: unknown[] }
interface Resource { Type: string; Properties: Record<string, unknown>; DeletionPolicy?: string; UpdateReplacePolicy?: string }
interface Template {
  Parameters: Record<string, { Type: string; Default?: unknown; AllowedValues?: unknown[] }>;
  Resources: Record<string, Resource>;
  Outputs: Record<string, { Value: unknown }>;
}

const template = parseTemplate(readFileSync(TEMPLATE_PATH, 'utf8')) as unknown as Template;
const config = loadConfigFile(DEFAULT_CONFIG_PATH);
const ofType = (type: string) => Object.values(template.Resources).filter((r) => r.Type === type);
// The skill's own role; the notifier's has tests of its own (notifier-stack.test.ts).
const role = template.Resources['AlexaSkillFunctionRole'];
const policies = (role?.Properties['Policies'] ?? []) as { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
const releasePolicy = policies.filter((p) => p.PolicyName === 'release');
const statements = releasePolicy.flatMap((p) => p.PolicyDocument.Statement);
const stateStatements = policies.filter((p) => p.PolicyName === 'state').flatMap((p) => p.PolicyDocument.Statement);
const subs = (resources: unknown[]) => resources.map((r) => (r as { 'Fn::Sub'?: string })['Fn::Sub'] ?? r);

describe('skill-stack.yaml', () => {
  it('takes the parameters cfn-deployer passes and outputs the SkillEndpoint as the function ARN', () => {
    // Act
    const parameters = Object.keys(template.Parameters);

    // Assess
    expect(parameters).toEqual(expect.arrayContaining(['SkillId', 'LambdaRuntime', 'LambdaHandler', 'CodeBucket', 'CodeKey', 'CodeVersion']));
    expect(template.Outputs['SkillEndpoint']?.Value).toEqual({ 'Fn::GetAtt': ['AlexaSkillFunction', 'Arn'] });
  });

  it('holds the release policy that the bundled config makes (run `npm run model` when this fails)', () => {
    // Act
    const inTemplate = statements.map((s) => ({ ...s, Resource: subs(s.Resource) }));

    // Assess
    expect(inTemplate).toEqual(releasePolicyStatements(config));
  });

  it('grants pipeline actions on exactly the configured pipelines, and CodeDeploy ones on exactly the configured groups', () => {
    // Prepare
    const environments = config.services.flatMap((s) => Object.values(s.environments));
    const pipelines = environments.flatMap((e) => (e.pipeline === undefined ? [] : [e.pipeline]));
    const groups = environments.flatMap((e) => (e.codeDeploy === undefined ? [] : [`${e.codeDeploy.application}/${e.codeDeploy.deploymentGroup}`]));

    // Act
    const resourcesOf = (action: string) => statements.filter((s) => s.Action.includes(action)).flatMap((s) => subs(s.Resource) as string[]);

    // Assess
    expect(resourcesOf('codepipeline:StartPipelineExecution').map((arn) => arn.split(':').pop())).toEqual(pipelines);
    expect(resourcesOf('codedeploy:CreateDeployment').map((arn) => arn.split(':deploymentgroup:').pop())).toEqual(groups);
  });

  it("uses no wildcard action, and Resource '*' only for StopDeployment, which supports no resource type", () => {
    // Act
    const wildcardActions = statements.flatMap((s) => s.Action).filter((a) => a.includes('*'));
    const unscoped = statements.filter((s) => s.Resource.includes('*'));

    // Assess
    expect(wildcardActions).toEqual([]);
    expect(unscoped.flatMap((s) => s.Action)).toEqual(['codedeploy:StopDeployment']);
    expect(statements.every((s) => s.Effect === 'Allow')).toBe(true);
  });

  it('leaves logging to AWSLambdaBasicExecutionRole and grants nothing else to the role', () => {
    // Act
    const managed = role?.Properties['ManagedPolicyArns'];

    // Assess
    expect(role?.Type).toBe('AWS::IAM::Role');
    expect(managed).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }]);
    expect(policies.map((p) => p.PolicyName)).toEqual(['release', 'state']);
  });

  it('keeps state in its own table and grants only item reads and conditional writes on it', () => {
    // Act
    const table = template.Resources['StateTable']?.Properties;

    // Assess
    expect(template.Resources['StateTable']?.Type).toBe('AWS::DynamoDB::Table');
    expect(table).toMatchObject({
      BillingMode: 'PAY_PER_REQUEST',
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
      SSESpecification: { SSEEnabled: true },
    });
    expect(stateStatements).toEqual([{
      Sid: 'StateTable', Effect: 'Allow',
      Action: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:DeleteItem'],
      Resource: [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }],
    }]);
    expect((template.Resources['AlexaSkillFunction']?.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables['PUSH_TO_PROD_STATE_TABLE'])
      .toEqual({ Ref: 'StateTable' });
  });

  it('runs the bundle on arm64 with 512 MB and a 10 s timeout, without Node options that slow a cold start', () => {
    // Act
    const fn = template.Resources['AlexaSkillFunction']?.Properties;

    // Assess
    expect(fn).toMatchObject({
      Runtime: { Ref: 'LambdaRuntime' },
      Handler: { Ref: 'LambdaHandler' },
      Code: { S3Bucket: { Ref: 'CodeBucket' }, S3Key: { Ref: 'CodeKey' }, S3ObjectVersion: { Ref: 'CodeVersion' } },
      Architectures: ['arm64'],
      MemorySize: 512,
      Timeout: 10,
    });
    // The source maps are not deployed; --enable-source-maps would only cost time (BENCHMARKS.md).
    expect(JSON.stringify(fn?.['Environment'] ?? {})).not.toContain('enable-source-maps');
  });

  it('lets only this skill invoke the function', () => {
    // Act
    const permissions = ofType('AWS::Lambda::Permission')
      .filter((p) => JSON.stringify(p.Properties['FunctionName']) === JSON.stringify({ 'Fn::GetAtt': ['AlexaSkillFunction', 'Arn'] }));

    // Assess
    expect(permissions.map((p) => p.Properties)).toEqual([{
      Action: 'lambda:InvokeFunction',
      FunctionName: { 'Fn::GetAtt': ['AlexaSkillFunction', 'Arn'] },
      Principal: 'alexa-appkit.amazon.com',
      EventSourceToken: { Ref: 'SkillId' },
    }]);
  });

  it('passes the skill id ask-cli deploys for to the function, which accepts requests for that skill only', () => {
    // Act
    const variables = (template.Resources['AlexaSkillFunction']?.Properties['Environment'] as { Variables: Record<string, unknown> }).Variables;

    // Assess
    expect(variables[SKILL_ID_VARIABLE]).toEqual({ Ref: 'SkillId' });
  });

  it("owns the function's log group, named as Lambda names it, with a retention from a parameter of 90 days by default", () => {
    // Act
    const groups = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Logs::LogGroup');
    const retention = template.Parameters['LogRetentionInDays'];

    // Assess
    expect(groups).toHaveLength(1);
    const [, group] = groups[0] as [string, Resource];
    expect(group.Properties).toEqual({
      LogGroupName: { 'Fn::Sub': '/aws/lambda/${AlexaSkillFunction}' },
      RetentionInDays: { Ref: 'LogRetentionInDays' },
    });
    expect(retention).toMatchObject({ Type: 'Number', Default: 90 });
    // CloudWatch Logs refuses any other number of days.
    expect(retention?.AllowedValues).toEqual([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]);
    expect(group.DeletionPolicy).toBe('Retain');
  });
});
