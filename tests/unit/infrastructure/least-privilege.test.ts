import { readFileSync } from 'node:fs';
import { TEMPLATE_PATH } from '../../../tools/model/generate';
import { DEPENDENT_ACTIONS, releasePolicyStatements } from '../../../tools/model/iam-policy';
import { parseTemplate } from '../../support/cfn-yaml';
import { configWith } from '../../support/config-builder';
import { ENTRIES, sdkExports, sentOperations } from '../../support/sent-aws-operations';

interface Statement { Action: string[] }
interface Template { Resources: Record<string, { Type: string; Properties: Record<string, unknown> }> }

const template = parseTemplate(readFileSync(TEMPLATE_PATH, 'utf8')) as unknown as Template;
type Policies = { PolicyName: string; PolicyDocument: { Statement: Statement[] } }[];
const policiesOf = (roleName: string) => (template.Resources[roleName]?.Properties['Policies'] ?? []) as Policies;
const policies = policiesOf('AlexaSkillFunctionRole');
const actionsOf = (statements: readonly { Action: readonly string[] }[]) => new Set(statements.flatMap((s) => [...s.Action]));

/** Every action the skill's role in the template grants: the generated release policy and the hand-written state policy. */
const grantedInTemplate = actionsOf(policies.flatMap((p) => p.PolicyDocument.Statement));
/** The state policy does not depend on the config; the release policy does. */
const stateActions = actionsOf(policies.filter((p) => p.PolicyName !== 'release').flatMap((p) => p.PolicyDocument.Statement));

/** A config that uses every kind of target, so that its release policy holds every action any config can get. */
const everyFeature = configWith([{
  name: 'checkout',
  environments: {
    production: {
      pipeline: 'checkout-prod', rollbackStage: 'Deploy', approvals: true, codeDeploy: { application: 'shop', deploymentGroup: 'prod' },
      alarms: ['checkout-5xx'], promoteFrom: { environment: 'staging', bakeMinutes: 30 },
    },
    staging: { pipeline: 'checkout-staging' },
  },
}], { region: 'eu-west-1', stateTable: 'push-to-prod-state' });

/** Every command anywhere under lambda/src, and those the skill's own bundle can send (what its role is held to). */
const everySent = sentOperations();
const sent = sentOperations(ENTRIES.skill);
const sentActions = new Set(sent.map((operation) => operation.action));
/** What IAM checks when those are sent: the actions themselves and their dependent actions. */
const neededActions = new Set([...sentActions, ...[...sentActions].flatMap((action) => DEPENDENT_ACTIONS[action] ?? [])]);

const sorted = (actions: Iterable<string>) => [...actions].sort();
const minus = (a: Iterable<string>, b: ReadonlySet<string>) => sorted([...a].filter((x) => !b.has(x)));

describe('the Lambda role against the AWS commands the code sends', () => {
  it('finds the commands in the adapters, each one taken from sdk.ts', () => {
    // Assess
    expect(sent.length).toBeGreaterThan(0);
    expect(everySent.filter((operation) => operation.action.startsWith('unknown:'))).toEqual([]);
    expect(new Set(everySent.map((operation) => operation.file.split('/').slice(0, 4).join('/')))).toEqual(new Set(['lambda/src/adapters/aws']));
    // The notifier's SSM read is not the skill's: the skill's bundle cannot send it, so its role must not allow it.
    expect(sent.map((operation) => operation.action)).not.toContain('ssm:GetParameter');
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
    const neverSent = commands.filter((command) => !everySent.some((operation) => operation.command === command));

    // Assess
    expect(neverSent).toEqual([]);
  });
});

describe('the notifier\'s role against the AWS commands the notifier can send', () => {
  const notifierSent = new Set(sentOperations(ENTRIES.notifier).map((operation) => operation.action));
  const notifierGranted = actionsOf(policiesOf('NotifierFunctionRole').flatMap((p) => p.PolicyDocument.Statement));

  it('grants only actions the notifier\'s bundle can send', () => {
    // Assess: reachability over-counts (the state store's adapter can also delete), so this holds one direction;
    // the notifier's own tests hold that what it does send is allowed.
    expect(notifierGranted.size).toBeGreaterThan(0);
    expect(minus(notifierGranted, notifierSent)).toEqual([]);
  });

  it('grants the reads and writes it needs: the client secret and the journal', () => {
    expect(sorted(notifierGranted)).toEqual(['dynamodb:GetItem', 'dynamodb:PutItem', 'ssm:GetParameter']);
  });
});
