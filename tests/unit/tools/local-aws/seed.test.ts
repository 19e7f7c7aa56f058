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

  describe('with weeks of older history, as the simulator seeds it', () => {
    const DAY = 86_400_000;
    const withWeeks = () => {
      const store = new LocalAwsStore({ clock: new ManualClock(), seed: 1 });
      seedFromConfig(store, mixedConfig(), { weeks: 4 });
      return store;
    };

    it('reaches back four weeks, with failures among the releases and the last three days as before', () => {
      // Act
      const store = withWeeks();

      // Assess
      const executions = store.pipeline('checkout-prod').executions;
      const oldest = Math.min(...executions.map((e) => e.startedAt));
      expect(store.now() - oldest).toBeGreaterThan(21 * DAY);
      const statuses = executions.map((e) => store.view(e).status);
      expect(statuses.slice(-4)).toEqual(['Succeeded', 'Succeeded', 'Failed', 'Succeeded']);
      expect(statuses.slice(0, -4).filter((s) => s === 'Failed').length).toBeGreaterThanOrEqual(3);
      // Runs take minutes, as real ones do.
      expect(executions.every((e) => store.view(e).lastUpdatedAt - e.startedAt >= 9 * 60_000)).toBe(true);
    });

    it('rolls some releases back an hour after they shipped, putting the revision before them back', () => {
      // Act
      const store = withWeeks();

      // Assess
      const deployments = store.deploymentsOf(store.deploymentGroup('checkout', 'checkout-prod'));
      const rollbacks = deployments.filter((d) => d.description?.startsWith('push-to-prod rollback'));
      expect(rollbacks.length).toBeGreaterThanOrEqual(2);
      for (const rollback of rollbacks) {
        const rolledBack = deployments.filter((d) => d.createdAt < rollback.createdAt && store.deploymentStatus(d, rollback.createdAt) === 'Succeeded').at(-1);
        expect(rollback.revision).toEqual(rolledBack?.previousRevision);
        expect(store.deploymentStatus(rollback)).toBe('Succeeded');
      }
    });

    it('gives each pipeline and deployment group a mix of its own', () => {
      // Act
      const store = withWeeks();

      // Assess
      const failedDays = (name: string) => store.pipeline(name).executions
        .filter((e) => store.view(e).status === 'Failed').map((e) => Math.round((store.now() - e.startedAt) / DAY));
      expect(failedDays('checkout-prod')).not.toEqual(failedDays('search-staging'));
      const searchProd = store.deploymentsOf(store.deploymentGroup('search', 'search-prod'));
      expect(searchProd.filter((d) => store.deploymentStatus(d) === 'Failed').length).toBeGreaterThanOrEqual(3);
    });
  });
});
