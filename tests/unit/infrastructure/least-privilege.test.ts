import { readFileSync } from 'node:fs';
import { TEMPLATE_PATH } from '../../../tools/model/generate';
import { DEPENDENT_ACTIONS, releasePolicyStatements } from '../../../tools/model/iam-policy';
import { parseTemplate } from '../../support/cfn-yaml';
import { configWith } from '../../support/config-builder';
import { sdkExports, sentOperations } from '../../support/sent-aws-operations';

interface Statement { Action: string[] }
interface Template { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }

const template = parseTemplate(readFileSync(TEMPLATE_PATH, 'utf8')) as unknown as Template;
const role = Object.values(template.Resources).find((r) => r.Type === 'AWS::IAM::Role');
const policies = (role?.Properties['Policies'] ?? []) as { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
const actionsOf = (statements: readonly { Action: readonly string[] }[]) => new Set(statements.flatMap((s) => [...s.Action]));

/** Every action the role in the template grants: the generated release policy and the hand-written state policy. */
const grantedInTemplate = actionsOf(policies.flatMap((p) => p.PolicyDocument.Statement));
/** The state policy does not depend on the config; the release policy does. */
const stateActions = actionsOf(policies.filter((p) => p.PolicyName !== 'release').flatMap((p) => p.PolicyDocument.Statement));

/** A config that uses every kind of target, so that its release policy holds every action any config can get. */
const everyFeature = configWith([{
  name: 'checkout',
  environments: {
    production: {
      pipeline: 'checkout-prod', rollbackStage: 'Deploy', codeDeploy: { application: 'shop', deploymentGroup: 'prod' },
      alarms: ['checkout-5xx'], promoteFrom: { environment: 'staging', bakeMinutes: 30 },
    },
    staging: { pipeline: 'checkout-staging' },
  },
}], { region: 'eu-west-1', stateTable: 'push-to-prod-state' });

const sent = sentOperations();
const sentActions = new Set(sent.map((operation) => operation.action));
/** What IAM checks when those are sent: the actions themselves and their dependent actions. */
const neededActions = new Set([...sentActions, ...[...sentActions].flatMap((action) => DEPENDENT_ACTIONS[action] ?? [])]);

const sorted = (actions: Iterable<string>) => [...actions].sort();
const minus = (a: Iterable<string>, b: ReadonlySet<string>) => sorted([...a].filter((x) => !b.has(x)));

describe('the Lambda role against the AWS commands the code sends', () => {
  it('finds the commands in the adapters, each one taken from sdk.ts', () => {
    // Assess
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((operation) => operation.action.startsWith('unknown:'))).toEqual([]);
    expect(new Set(sent.map((operation) => operation.file.split('/').slice(0, 4).join('/')))).toEqual(new Set(['lambda/src/adapters/aws']));
  });

  it('grants, in the template, no action that no command needs (run `npm run model` after removing a command)', () => {
    // Act
    const unused = minus(grantedInTemplate, neededActions);

    // Assess
    expect(unused).toEqual([]);
  });

  it('grants every command the code sends, and every action it depends on, when the config uses every feature', () => {
    // Prepare
    const granted = new Set([...actionsOf(releasePolicyStatements(everyFeature)), ...stateActions]);

    // Act
    const missing = minus(neededActions, granted);
    const unused = minus(granted, neededActions);

    // Assess
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('lists dependent actions only for actions the code sends', () => {
    // Act
    const orphans = minus(Object.keys(DEPENDENT_ACTIONS), sentActions);

    // Assess
    expect(orphans).toEqual([]);
  });

  it('exports from sdk.ts no command that the code never sends', () => {
    // Prepare
    const commands = [...sdkExports().keys()].filter((name) => name.endsWith('Command'));

    // Act
    const neverSent = commands.filter((command) => !sent.some((operation) => operation.command === command));

    // Assess
    expect(neverSent).toEqual([]);
  });
});
