import {
  POLICY_BEGIN_MARKER,
  POLICY_END_MARKER,
  releasePolicyStatements,
  replacePolicyBlock,
} from '../../../../tools/model/iam-policy';
import { parseTemplate } from '../../../support/cfn-yaml';
import { configWith } from '../../../support/config-builder';

const statementBySid = (statements: ReturnType<typeof releasePolicyStatements>, sid: string) =>
  statements.find((s) => s.Sid === sid);

describe('releasePolicyStatements', () => {
  it('scopes pipeline and deployment-group actions to the configured resources in their regions', () => {
    // Prepare
    const config = configWith([{
      name: 'checkout',
      environments: {
        production: { pipeline: 'checkout-prod', region: 'eu-west-1', codeDeploy: { application: 'shop', deploymentGroup: 'prod' } },
        staging: { pipeline: 'checkout-staging' },
      },
    }], { region: 'us-east-2' });

    // Act
    const statements = releasePolicyStatements(config);

    // Assess
    expect(statementBySid(statements, 'Pipelines')?.Resource).toEqual([
      'arn:${AWS::Partition}:codepipeline:eu-west-1:${AWS::AccountId}:checkout-prod',
      'arn:${AWS::Partition}:codepipeline:us-east-2:${AWS::AccountId}:checkout-staging',
    ]);
    expect(statementBySid(statements, 'DeploymentGroups')?.Resource).toEqual([
      'arn:${AWS::Partition}:codedeploy:eu-west-1:${AWS::AccountId}:deploymentgroup:shop/prod',
    ]);
    expect(statementBySid(statements, 'DeploymentApplicationRevisions')?.Resource).toEqual([
      'arn:${AWS::Partition}:codedeploy:eu-west-1:${AWS::AccountId}:application:shop',
    ]);
  });

  it("uses the stack's own region when neither the environment nor the config names one", () => {
    // Prepare
    const config = configWith([{ name: 'checkout', environments: { production: { pipeline: 'p' } } }]);

    // Act
    const pipelines = statementBySid(releasePolicyStatements(config), 'Pipelines');

    // Assess
    expect(pipelines?.Resource).toEqual(['arn:${AWS::Partition}:codepipeline:${AWS::Region}:${AWS::AccountId}:p']);
  });

  it('grants GetPipeline only on pipelines that promote from another environment', () => {
    // Prepare
    const config = configWith([{ name: 'a', environments: {
      production: { pipeline: 'a-prod', promoteFrom: { environment: 'staging', bakeMinutes: 30 } },
      staging: { pipeline: 'a-staging' },
    } }], { region: 'us-east-1' });
    const plain = configWith([{ name: 'a', environments: { production: { pipeline: 'a-prod' } } }], { region: 'us-east-1' });

    // Act
    const promoted = statementBySid(releasePolicyStatements(config), 'PromotedPipelines');
    const none = statementBySid(releasePolicyStatements(plain), 'PromotedPipelines');

    // Assess
    expect(promoted).toEqual({ Sid: 'PromotedPipelines', Effect: 'Allow', Action: ['codepipeline:GetPipeline'], Resource: ['arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:a-prod'] });
    expect(none).toBeUndefined();
  });

  it('grants DescribeAlarms only when some environment names alarms, on * as composite alarms need', () => {
    // Prepare
    const withAlarms = configWith([{ name: 'a', environments: { production: { pipeline: 'p', alarms: ['a-5xx'] } } }], { region: 'us-east-1' });
    const without = configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }], { region: 'us-east-1' });

    // Act
    const alarms = statementBySid(releasePolicyStatements(withAlarms), 'Alarms');
    const none = statementBySid(releasePolicyStatements(without), 'Alarms');

    // Assess
    expect(alarms).toEqual({ Sid: 'Alarms', Effect: 'Allow', Action: ['cloudwatch:DescribeAlarms'], Resource: ['*'] });
    expect(none).toBeUndefined();
  });

  it('grants RollbackStage on the configured stage only, and only when one is configured', () => {
    // Prepare
    const withStage = configWith([{ name: 'a', environments: { production: { pipeline: 'p', rollbackStage: 'Deploy' } } }], { region: 'us-east-1' });
    const withoutStage = configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }], { region: 'us-east-1' });

    // Act
    const stages = statementBySid(releasePolicyStatements(withStage), 'PipelineRollbackStages');
    const none = statementBySid(releasePolicyStatements(withoutStage), 'PipelineRollbackStages');

    // Assess
    expect(stages).toEqual({
      Sid: 'PipelineRollbackStages',
      Effect: 'Allow',
      Action: ['codepipeline:RollbackStage'],
      Resource: ['arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:p/Deploy'],
    });
    expect(none).toBeUndefined();
  });

  it('grants answering approvals only where the config opts in, on the named action or on that pipeline\'s actions', () => {
    // Prepare
    const config = configWith([{
      name: 'a',
      environments: {
        production: { pipeline: 'p-prod', approvals: { stage: 'Approve', action: 'ManualApproval' } },
        staging: { pipeline: 'p-staging', approvals: true },
        dev: { pipeline: 'p-dev', approvals: false },
        qa: { pipeline: 'p-qa' },
      },
    }], { region: 'us-east-1' });

    // Act
    const statements = releasePolicyStatements(config);

    // Assess
    expect(statementBySid(statements, 'PipelineApprovals')).toEqual({
      Sid: 'PipelineApprovals',
      Effect: 'Allow',
      Action: ['codepipeline:PutApprovalResult'],
      Resource: [
        'arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:p-prod/Approve/ManualApproval',
        'arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:p-staging/*/*',
      ],
    });
    expect(statementBySid(statements, 'PipelineDeclarations')?.Resource).toEqual([
      'arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:p-prod',
      'arn:${AWS::Partition}:codepipeline:us-east-1:${AWS::AccountId}:p-staging',
    ]);
    expect(statementBySid(statements, 'Pipelines')?.Action).not.toContain('codepipeline:GetPipeline');
  });

  it('grants no approval action when no environment opts in', () => {
    // Prepare
    const config = configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }]);

    // Act
    const actions = releasePolicyStatements(config).flatMap((s) => s.Action);

    // Assess
    expect(actions).not.toContain('codepipeline:PutApprovalResult');
    expect(actions).not.toContain('codepipeline:GetPipeline');
  });

  it('grants no CodeDeploy action at all when no environment has a deployment group', () => {
    // Prepare
    const config = configWith([{ name: 'a', environments: { production: { pipeline: 'p' } } }]);

    // Act
    const actions = releasePolicyStatements(config).flatMap((s) => s.Action);

    // Assess
    expect(actions.filter((a) => a.startsWith('codedeploy:'))).toEqual([]);
  });

  it('lists a resource used by two environments once', () => {
    // Prepare
    const config = configWith([{ name: 'a', environments: { production: { pipeline: 'shared' }, staging: { pipeline: 'shared' } } }]);

    // Act
    const pipelines = statementBySid(releasePolicyStatements(config), 'Pipelines');

    // Assess
    expect(pipelines?.Resource).toHaveLength(1);
  });
});

describe('replacePolicyBlock', () => {
  const template = [
    'Resources:',
    '  Role:',
    '    Properties:',
    '      Statement:',
    `        ${POLICY_BEGIN_MARKER}`,
    '        - Sid: Stale',
    `        ${POLICY_END_MARKER}`,
    'Outputs: {}',
    '',
  ].join('\n');
  const config = configWith([{ name: 'a', environments: { production: { pipeline: 'p', codeDeploy: { application: 'app', deploymentGroup: 'g' } } } }]);

  it('writes statements that parse back, with intrinsic !Sub, to exactly the generated policy', () => {
    // Act
    const parsed = parseTemplate(replacePolicyBlock(template, config)) as {
      Resources: { Role: { Properties: { Statement: { Resource: unknown[] }[] } } };
    };

    // Assess
    const expected = releasePolicyStatements(config).map((s) => ({
      ...s,
      Resource: s.Resource.map((r) => (r === '*' ? '*' : { 'Fn::Sub': r })),
    }));
    expect(parsed.Resources.Role.Properties.Statement).toEqual(expected);
  });

  it('changes nothing when run on its own output', () => {
    // Prepare
    const once = replacePolicyBlock(template, config);

    // Act
    const twice = replacePolicyBlock(once, config);

    // Assess
    expect(twice).toBe(once);
    expect(once).not.toContain('Stale');
  });

  it('refuses a template without the markers', () => {
    // Act / Assess
    expect(() => replacePolicyBlock('Resources: {}\n', config)).toThrow(/BEGIN GENERATED RELEASE POLICY/);
  });
});
