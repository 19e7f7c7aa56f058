import { parseConfig } from '../../lambda/src/config/load';
import { seedFromConfig } from './seed';
import type { LocalAwsStore } from './store';

/**
 * An account as a team that has grown for a while has one, for trying `npm run setup` and `npm run doctor` offline
 * (`npm run local-aws -- --sample-account`) and for their tests:
 *
 * - checkout: pipelines checkout-prod and checkout-staging, each deploying with CodeDeploy to a group of the same name;
 * - billing: pipelines billing-production and billing-staging, deploying to billing-service/billing-prod-fleet and
 *   billing-service/billing-staging-fleet (the pipeline's deploy action is the only thing that pairs them);
 * - search: pipelines search-prod and search-dev that deploy with ECS, no CodeDeploy;
 * - inventory: CodeDeploy groups inventory-prod and inventory-staging that no pipeline deploys to;
 * - legacy-monolith: a pipeline deploying to monolith/monolith-blue, names that say no environment;
 * - nightly-reports: a pipeline that only builds; sandbox-tools: a CodeDeploy application without groups.
 */
const TRUTH = {
  allowedUsers: [],
  services: [
    {
      name: 'checkout',
      environments: {
        production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' } },
        staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
      },
    },
    {
      name: 'billing',
      environments: {
        production: { pipeline: 'billing-production', codeDeploy: { application: 'billing-service', deploymentGroup: 'billing-prod-fleet' } },
        staging: { pipeline: 'billing-staging', codeDeploy: { application: 'billing-service', deploymentGroup: 'billing-staging-fleet' } },
      },
    },
    { name: 'search', environments: { production: { pipeline: 'search-prod' }, development: { pipeline: 'search-dev' } } },
    {
      name: 'inventory',
      environments: {
        production: { codeDeploy: { application: 'inventory', deploymentGroup: 'inventory-prod' } },
        staging: { codeDeploy: { application: 'inventory', deploymentGroup: 'inventory-staging' } },
      },
    },
    { name: 'monolith', environments: { blue: { pipeline: 'legacy-monolith', codeDeploy: { application: 'monolith', deploymentGroup: 'monolith-blue' } } } },
  ],
};

/** Fills `store` with the sample account, history included. */
export function seedSampleAccount(store: LocalAwsStore): void {
  seedFromConfig(store, parseConfig(TRUTH, 'the sample account'));
  store.addPipeline({ name: 'nightly-reports', stages: [{ name: 'Source', kind: 'source' }, { name: 'Build', kind: 'build' }] });
  store.addApplication('sandbox-tools');
}
