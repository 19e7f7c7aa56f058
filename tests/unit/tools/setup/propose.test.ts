import type { Inventory, PipelineInfo } from '../../../../tools/account/inventory';
import { propose, readName, words } from '../../../../tools/setup/propose';

const pipeline = (name: string, ...groups: [string, string][]): PipelineInfo => ({
  name, pipelineType: 'V2', stages: ['Source', 'Build', 'Deploy'],
  codeDeployActions: groups.map(([application, deploymentGroup]) => ({ stage: 'Deploy', application, deploymentGroup })),
});
const account = (pipelines: PipelineInfo[], applications: Record<string, string[]> = {}): Inventory => ({
  region: 'eu-west-1', pipelines, applications: Object.entries(applications).map(([name, deploymentGroups]) => ({ name, deploymentGroups })),
});

describe('readName', () => {
  it.each([
    ['checkout-prod', { service: 'checkout', environment: 'production' }],
    ['checkout_staging', { service: 'checkout', environment: 'staging' }],
    ['prod-checkout', { service: 'checkout', environment: 'production' }],
    ['CheckoutStaging', { service: 'checkout', environment: 'staging' }],
    ['order-api-live-pipeline', { service: 'order api', environment: 'production' }],
    ['search-pre-prod', { service: 'search', environment: 'staging' }],
    ['billing-qa', { service: 'billing', environment: 'test' }],
    ['legacy-monolith', { service: 'legacy monolith' }],
    ['production', { environment: 'production' }],
  ])('reads %s', (name, read) => {
    expect(readName(name)).toEqual(read);
  });

  it('splits on punctuation and case changes', () => {
    expect(words('CheckoutAPI-prod_v2.pipeline')).toEqual(['checkout', 'api', 'prod', 'v2', 'pipeline']);
  });
});

describe('propose', () => {
  it("pairs a pipeline with the group its CodeDeploy action names, even when their names differ, and says so", () => {
    // Act
    const { proposals } = propose(account([pipeline('billing-production', ['billing-service', 'billing-prod-fleet'])], { 'billing-service': ['billing-prod-fleet', 'billing-prod'] }));

    // Assess
    expect(proposals).toEqual([{
      service: 'billing', environment: 'production', pipeline: 'billing-production',
      codeDeploy: { application: 'billing-service', deploymentGroup: 'billing-prod-fleet' },
      evidence: 'deploy action', because: 'pipeline billing-production deploys to billing-service/billing-prod-fleet',
    }]);
  });

  it('lets the deploy action win over names: a group named like the pipeline that it does not deploy to is not paired with it', () => {
    // Act
    const { proposals, leftOut } = propose(account([pipeline('checkout-prod', ['checkout', 'checkout-blue'])], { checkout: ['checkout-prod', 'checkout-blue'] }));

    // Assess
    expect(proposals.map((p) => p.codeDeploy?.deploymentGroup)).toEqual(['checkout-blue']);
    expect(leftOut).toEqual([{ codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, why: 'also looks like checkout production, which pipeline checkout-prod already is' }]);
  });

  it('pairs a pipeline without a CodeDeploy action and a group no pipeline deploys to by their names', () => {
    // Act
    const { proposals } = propose(account([pipeline('search-prod')], { search: ['search-production'] }));

    // Assess
    expect(proposals).toEqual([expect.objectContaining({
      service: 'search', environment: 'production', pipeline: 'search-prod',
      codeDeploy: { application: 'search', deploymentGroup: 'search-production' }, evidence: 'names',
    })]);
  });

  it('takes the service from the application when the group is named after the environment only', () => {
    expect(propose(account([], { inventory: ['production'] })).proposals).toEqual([expect.objectContaining({ service: 'inventory', environment: 'production' })]);
  });

  it('leaves out, with the reason, what no name or action places', () => {
    // Act
    const { proposals, leftOut } = propose(account([pipeline('nightly-reports'), pipeline('legacy-monolith', ['monolith', 'monolith-blue'])], { monolith: ['monolith-blue'], tools: [] }));

    // Assess
    expect(proposals).toEqual([]);
    expect(leftOut.map((l) => [l.pipeline, l.why])).toEqual([
      ['legacy-monolith', 'deploys to monolith/monolith-blue, but neither name says which environment that is'],
      ['nightly-reports', 'has no CodeDeploy action, and its name says no environment'],
    ]);
  });

  it('ships a pipeline with several CodeDeploy actions to its last one', () => {
    expect(propose(account([pipeline('payments-prod', ['payments', 'payments-canary'], ['payments', 'payments-prod'])])).proposals.map((p) => p.codeDeploy?.deploymentGroup)).toEqual(['payments-prod']);
  });
});
