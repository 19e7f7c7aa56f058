import {
  credentialsParameterArn, notifierEventPatterns, NOTIFIER_BEGIN_MARKER, NOTIFIER_END_MARKER, releaseEventSources, replaceNotifierBlock,
} from '../../../../tools/model/notifier-stack';
import { parseTemplate } from '../../../support/cfn-yaml';
import { configWith } from '../../../support/config-builder';

interface Resource { Type: string; Properties: Record<string, unknown> }
const template = ['Resources:', `  ${NOTIFIER_BEGIN_MARKER}`, '  Stale:', '    Type: AWS::SNS::Topic', `  ${NOTIFIER_END_MARKER}`, 'Outputs: {}', ''].join('\n');
const resourcesOf = (text: string) => (parseTemplate(text) as { Resources: Record<string, Resource> }).Resources;
const notifierPolicy = (resources: Record<string, Resource>) =>
  (resources['NotifierFunctionRole']?.Properties['Policies'] as { PolicyDocument: { Statement: { Sid: string; Action: string[]; Resource: unknown[] }[] } }[])[0]?.PolicyDocument.Statement;

const both = configWith([
  { name: 'checkout', environments: { production: { pipeline: 'checkout-prod', codeDeploy: { application: 'shop', deploymentGroup: 'prod' } }, staging: { pipeline: 'checkout-staging' } } },
  { name: 'billing', environments: { production: { pipeline: 'checkout-prod', codeDeploy: { application: 'billing', deploymentGroup: 'prod' } } } },
], { notifications: { clientCredentialsParameter: '/push-to-prod/alexa-client' } });

describe('releaseEventSources and notifierEventPatterns', () => {
  it('lists each configured pipeline, application and group once, in config order', () => {
    // Act / Assess
    expect(releaseEventSources(both)).toEqual({ pipelines: ['checkout-prod', 'checkout-staging'], applications: ['shop', 'billing'], deploymentGroups: ['prod'] });
  });

  it('listens for the end states the notifier reads, and nothing else', () => {
    // Act
    const patterns = notifierEventPatterns(both);

    // Assess
    expect(patterns.pipeline).toEqual({
      source: ['aws.codepipeline'], 'detail-type': ['CodePipeline Pipeline Execution State Change'],
      detail: { pipeline: ['checkout-prod', 'checkout-staging'], state: ['SUCCEEDED', 'FAILED', 'STOPPED', 'SUPERSEDED', 'CANCELED'] },
    });
    expect(patterns.deployment?.detail).toEqual({ application: ['shop', 'billing'], deploymentGroup: ['prod'], state: ['SUCCESS', 'FAILURE', 'STOP'] });
  });

  it('makes no deployment rule when no environment has a deployment group', () => {
    // Act / Assess
    expect(notifierEventPatterns(configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }])).deployment).toBeUndefined();
  });
});

describe('replaceNotifierBlock', () => {
  it('writes the function, its role and a rule with its invoke permission per service, parsing back as CloudFormation', () => {
    // Act
    const resources = resourcesOf(replaceNotifierBlock(template, both));

    // Assess
    expect(Object.keys(resources).sort()).toEqual([
      'NotifierDeploymentRule', 'NotifierDeploymentRulePermission', 'NotifierEventInvokeConfig', 'NotifierFunction', 'NotifierFunctionRole',
      'NotifierPipelineRule', 'NotifierPipelineRulePermission',
    ]);
    expect(resources['NotifierPipelineRule']?.Properties['EventPattern']).toEqual(notifierEventPatterns(both).pipeline);
    expect(resources['NotifierDeploymentRulePermission']?.Properties).toEqual({
      Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': ['NotifierFunction', 'Arn'] },
      Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': ['NotifierDeploymentRule', 'Arn'] },
    });
  });

  it('grants reading the credentials parameter only when notifications are configured', () => {
    // Prepare
    const without = configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }]);

    // Act
    const withStatements = notifierPolicy(resourcesOf(replaceNotifierBlock(template, both)));
    const withoutStatements = notifierPolicy(resourcesOf(replaceNotifierBlock(template, without)));

    // Assess
    expect(withStatements?.map((s) => s.Sid)).toEqual(['ReleaseJournal', 'AlexaClientCredentials']);
    expect(withStatements?.[1]?.Resource).toEqual([{ 'Fn::Sub': 'arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/push-to-prod/alexa-client' }]);
    expect(withoutStatements?.map((s) => s.Sid)).toEqual(['ReleaseJournal']);
  });

  it('writes a parameter ARN with exactly one slash before the name, however it is written', () => {
    // Act / Assess
    expect(credentialsParameterArn('/a/b')).toBe(credentialsParameterArn('a/b'));
    expect(credentialsParameterArn('plain')).toMatch(/:parameter\/plain$/);
  });

  it('changes nothing when run on its own output, and leaves nothing stale', () => {
    // Prepare
    const once = replaceNotifierBlock(template, both);

    // Act
    const twice = replaceNotifierBlock(once, both);

    // Assess
    expect(twice).toBe(once);
    expect(once).not.toContain('Stale');
  });

  it('refuses a template without the markers', () => {
    // Act / Assess
    expect(() => replaceNotifierBlock('Resources: {}\n', both)).toThrow(/BEGIN GENERATED NOTIFIER/);
  });
});
