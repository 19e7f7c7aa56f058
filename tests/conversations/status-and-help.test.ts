import { Conversation } from '../support/conversation';
import { deployment, execution } from '../support/fake-release-ports';
import { testSkill } from '../support/test-skill';

describe('status, launch, help and goodbye', () => {
  it('says which stage the latest release is in, what it ships, who started it, and the latest deployment', async () => {
    const { skill, pipelines, deployments, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-now', 'InProgress', 4, 'Add gift cards', 'alice')]);
    pipelines.states.set('checkout-prod', { pipeline: 'checkout-prod', stages: [
      { name: 'Source', status: 'Succeeded', executionId: 'e-now' },
      { name: 'Deploy', status: 'InProgress', executionId: 'e-now', currentAction: 'DeployToFleet' },
    ] });
    deployments.deployments.set('checkout-prod', [deployment('d-1', 'InProgress', 1, 'abcdef123')]);
    const talk = new Conversation(skill);

    const answer = await talk.ask('StatusIntent', { service: ['checkout', 'checkout'], environment: ['prod', 'production'] });

    expect(answer).toBe('The latest release of checkout in production, Add gift cards, is in the Deploy stage, running DeployToFleet. It was started 4 minutes ago by alice. The latest deployment is in progress, started a minute ago.');
    expect(mutations()).toEqual([]);
  });

  it('greets on launch and keeps the session open', async () => {
    const talk = new Conversation(testSkill().skill);

    expect(await talk.launch()).toMatch(/^Release captain here\./);
    expect(talk.ended).toBe(false);
  });

  it('helps with the configured names and never dead-ends', async () => {
    const talk = new Conversation(testSkill().skill);

    const help = await talk.ask('AMAZON.HelpIntent');

    expect(help).toContain('Your services are checkout and billing.');
    expect(talk.ended).toBe(false);
  });

  it('treats a yes with nothing to confirm as a question back, not an action', async () => {
    const { skill, mutations } = testSkill();
    const talk = new Conversation(skill);

    expect(await talk.yes()).toBe("There's nothing waiting for a yes or no. Say push to prod, roll back, or status.");
    expect(mutations()).toEqual([]);
  });

  it('ends on stop and on cancel, saying nothing changed', async () => {
    const talk = new Conversation(testSkill().skill);
    expect(await talk.ask('AMAZON.StopIntent')).toBe('Okay. Nothing was changed.');
    expect(talk.ended).toBe(true);
  });

  it('answers an unknown intent with a way forward', async () => {
    const talk = new Conversation(testSkill().skill);
    expect(await talk.ask('AMAZON.FallbackIntent')).toMatch(/I can push a release, roll one back, or tell you the status/);
    expect(talk.ended).toBe(false);
  });
});

describe('slots Alexa fills in the wrong place', () => {
  it('reads an environment word heard in the service slot as the environment', async () => {
    const { skill } = testSkill({ defaultService: 'checkout' });
    const talk = new Conversation(skill);

    const answer = await talk.ask('StatusIntent', { service: ['prod', null] });

    expect(answer).toMatch(/^checkout in production has no releases yet\./);
  });
});
