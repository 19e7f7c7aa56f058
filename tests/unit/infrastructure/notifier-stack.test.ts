import { readFileSync } from 'node:fs';
import { loadConfigFile } from '../../../lambda/src/config/load';
import { DEFAULT_CONFIG_PATH, TEMPLATE_PATH } from '../../../tools/model/generate';
import { NOTIFIER_HANDLER, notifierEventPatterns, replaceNotifierBlock } from '../../../tools/model/notifier-stack';
import { parseTemplate } from '../../support/cfn-yaml';

interface Resource { Type: string; Properties: Record<string, unknown> }
interface Statement { Sid: string; Effect: string; Action: string[]; Resource: unknown[] }

const text = readFileSync(TEMPLATE_PATH, 'utf8');
const template = parseTemplate(text) as unknown as { Resources: Record<string, Resource> };
const config = loadConfigFile(DEFAULT_CONFIG_PATH);
const resource = (name: string) => template.Resources[name]?.Properties ?? {};
const statements = (resource('NotifierFunctionRole')['Policies'] as { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[])
  .flatMap((p) => p.PolicyDocument.Statement);

describe('skill-stack.yaml: the notifier', () => {
  it('holds the notifier block the bundled config makes (run `npm run model` when this fails)', () => {
    // Act / Assess
    expect(replaceNotifierBlock(text, config)).toBe(text);
  });

  it('runs the same code as the skill with the notifier handler, and the state table named', () => {
    // Act
    const fn = resource('NotifierFunction');
    const skill = resource('AlexaSkillFunction');

    // Assess
    expect(fn['Handler']).toBe(NOTIFIER_HANDLER);
    expect(fn['Code']).toEqual(skill['Code']);
    expect(fn['Runtime']).toEqual(skill['Runtime']);
    expect(fn['Role']).toEqual({ 'Fn::GetAtt': ['NotifierFunctionRole', 'Arn'] });
    expect(fn['Environment']).toEqual({ Variables: { PUSH_TO_PROD_STATE_TABLE: { Ref: 'StateTable' } } });
  });

  it('gives its role item reads and writes on the state table and the credentials parameter, and nothing else', () => {
    // Act / Assess
    expect(statements).toEqual([
      { Sid: 'ReleaseJournal', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: [{ 'Fn::GetAtt': ['StateTable', 'Arn'] }] },
      {
        Sid: 'AlexaClientCredentials', Effect: 'Allow', Action: ['ssm:GetParameter'],
        Resource: [{ 'Fn::Sub': `arn:\${AWS::Partition}:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter${config.notifications?.clientCredentialsParameter ?? ''}` }],
      },
    ]);
    expect(resource('NotifierFunctionRole')['ManagedPolicyArns']).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole' }]);
  });

  it('invokes it from one rule per service, for the configured pipelines and groups, each rule allowed by its own permission', () => {
    // Act
    const rules = Object.entries(template.Resources).filter(([, r]) => r.Type === 'AWS::Events::Rule');
    const permissions = Object.values(template.Resources)
      .filter((r) => r.Type === 'AWS::Lambda::Permission' && r.Properties['Principal'] === 'events.amazonaws.com');

    // Assess
    expect(rules.map(([, r]) => r.Properties['EventPattern'])).toEqual([notifierEventPatterns(config).pipeline, notifierEventPatterns(config).deployment]);
    expect(rules.every(([, r]) => JSON.stringify(r.Properties['Targets']) === JSON.stringify([{ Arn: { 'Fn::GetAtt': ['NotifierFunction', 'Arn'] }, Id: 'notifier' }]))).toBe(true);
    expect(permissions.map((p) => p.Properties['SourceArn'])).toEqual(rules.map(([name]) => ({ 'Fn::GetAtt': [name, 'Arn'] })));
    expect(permissions.every((p) => JSON.stringify(p.Properties['FunctionName']) === JSON.stringify({ 'Fn::GetAtt': ['NotifierFunction', 'Arn'] }))).toBe(true);
  });

  it('retries a failed invocation a bounded number of times', () => {
    // Act / Assess
    expect(resource('NotifierEventInvokeConfig')).toMatchObject({ FunctionName: { Ref: 'NotifierFunction' }, MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 });
  });
});
