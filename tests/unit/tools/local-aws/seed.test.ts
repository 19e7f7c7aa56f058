import { LocalAwsStore, ManualClock, SEED_PERSON_ARN, seedFromConfig } from '../../../../tools/local-aws';
import { testConfig } from './clients';

const mixedConfig = () => testConfig({
  services: [
    {
      name: 'checkout',
      synonyms: [],
      environments: {
        production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, rollbackStage: 'Release' },
      },
    },
    {
      name: 'search',
      synonyms: [],
      environments: {
        production: { codeDeploy: { application: 'search', deploymentGroup: 'search-prod' } },
        staging: { pipeline: 'search-staging' },
      },
    },
  ],
});

describe('seedFromConfig', () => {
  const seeded = (seed = 1) => {
    const store = new LocalAwsStore({ clock: new ManualClock(), seed });
    seedFromConfig(store, mixedConfig());
    return store;
  };

  it('makes a pipeline for every environment that names one, with a failed release among successes', () => {
    // Act
    const store = seeded();

    // Assess
    expect(store.pipelineNames().sort()).toEqual(['checkout-prod', 'search-staging']);
    const executions = store.pipeline('checkout-prod').executions;
    expect(executions.map((e) => store.view(e).status)).toEqual(['Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
    expect(executions.map((e) => e.trigger.triggerDetail).filter((who) => who === SEED_PERSON_ARN)).toHaveLength(2);
  });

  it('leaves a new commit waiting to ship', () => {
    // Act
    const store = seeded();

    // Assess
    const pipeline = store.pipeline('checkout-prod');
    const shipped = pipeline.executions.map((e) => e.sourceRevisions[0]?.revisionId);
    expect(shipped).not.toContain(pipeline.head.revisionId);
  });

  it('names the deploy stage after the environment\'s rollbackStage', () => {
    // Act
    const store = seeded();

    // Assess
    expect(store.pipeline('checkout-prod').stages.map((stage) => stage.name)).toEqual(['Source', 'Build', 'Release']);
  });

  it('gives a pipeline\'s deployment group the deployments its releases made, S3 build artifacts', () => {
    // Act
    const store = seeded();

    // Assess
    const deployments = store.deploymentsOf(store.deploymentGroup('checkout', 'checkout-prod'));
    expect(deployments.map((d) => store.deploymentStatus(d))).toEqual(['Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
    expect(deployments.every((d) => d.revision.revisionType === 'S3')).toBe(true);
  });

  it('gives a deployment group without a pipeline a history of GitHub revisions', () => {
    // Act
    const store = seeded();

    // Assess
    const deployments = store.deploymentsOf(store.deploymentGroup('search', 'search-prod'));
    expect(deployments.map((d) => store.deploymentStatus(d))).toEqual(['Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
    expect(new Set(deployments.map((d) => d.revision.revisionType === 'GitHub' && d.revision.gitHubLocation.commitId)).size).toBe(4);
  });

  it('gives the same ids for the same seed, and other ids for another', () => {
    // Act
    const ids = (store: LocalAwsStore) => store.pipeline('checkout-prod').executions.map((e) => e.id);

    // Assess
    expect(ids(seeded(7))).toEqual(ids(seeded(7)));
    expect(ids(seeded(7))).not.toEqual(ids(seeded(8)));
  });
});
