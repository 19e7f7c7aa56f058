import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InteractionModelError } from '../../../../tools/simulator/errors';
import { delegationStrategyOf, loadInteractionModel, parseInteractionModel, promptVariation } from '../../../../tools/simulator/model';
import { FIXTURE_PATH } from './fake-skill';

function issuesOf(action: () => unknown): readonly string[] {
  try {
    action();
  } catch (error) {
    if (error instanceof InteractionModelError) return error.issues;
    throw error;
  }
  throw new Error('expected an InteractionModelError');
}

const minimal = { languageModel: { invocationName: 'release captain', intents: [{ name: 'StatusIntent', samples: ['status'] }] } };

describe('loadInteractionModel', () => {
  it('loads the ask-cli file shape with language model, dialog and prompts', async () => {
    // Act
    const model = await loadInteractionModel(FIXTURE_PATH);
    // Assess
    expect(model.languageModel.invocationName).toBe('release captain');
    expect(delegationStrategyOf(model, 'DeployIntent')).toBe('SKILL_RESPONSE');
    expect(promptVariation(model, 'Elicit.Slot.Deploy.service')?.value).toBe('Which service?');
  });

  it('names the file when it cannot be read', async () => {
    // Act
    const loading = loadInteractionModel('/nonexistent/en-US.json');
    // Assess
    await expect(loading).rejects.toThrow(/\/nonexistent\/en-US\.json[\s\S]*cannot read the file/);
  });

  describe('with a file that is not JSON', () => {
    let dir: string;
    beforeEach(async () => {
      dir = await mkdtemp(join(tmpdir(), 'simulator-model-'));
    });
    afterEach(async () => {
      await rm(dir, { recursive: true, force: true });
    });

    it('says it is not JSON', async () => {
      // Prepare
      const path = join(dir, 'en-US.json');
      await writeFile(path, '{ "interactionModel": ');
      // Act
      const loading = loadInteractionModel(path);
      // Assess
      await expect(loading).rejects.toThrow(/not JSON/);
    });
  });
});

describe('parseInteractionModel', () => {
  it('accepts the inner interactionModel object as well as the whole file', () => {
    // Act
    const model = parseInteractionModel(minimal);
    // Assess
    expect(model.languageModel.intents.map((i) => i.name)).toEqual(['StatusIntent']);
  });

  it('names the missing field with its path in the file', () => {
    // Act
    const issues = issuesOf(() => parseInteractionModel({ interactionModel: { languageModel: { intents: [] } } }));
    // Assess
    expect(issues).toEqual([expect.stringMatching(/^interactionModel\.languageModel\.invocationName: /)]);
  });

  it('refuses a sample that uses a slot the intent does not declare', () => {
    // Act
    const issues = issuesOf(() =>
      parseInteractionModel({ languageModel: { invocationName: 'release captain', intents: [{ name: 'StatusIntent', samples: ['status of {service}'] }] } }),
    );
    // Assess
    expect(issues).toEqual(['languageModel.intents.0.samples.0: {service} is not a slot of StatusIntent']);
  });

  it('refuses a slot type that is neither custom nor built-in', () => {
    // Act
    const issues = issuesOf(() =>
      parseInteractionModel({
        languageModel: { invocationName: 'release captain', intents: [{ name: 'StatusIntent', slots: [{ name: 'service', type: 'SERVICE' }], samples: [] }] },
      }),
    );
    // Assess
    expect(issues).toEqual(['languageModel.intents.0.slots.0.type: "SERVICE" is neither a custom type nor AMAZON.*']);
  });

  it('refuses dialog prompts that point at no prompt', () => {
    // Act
    const issues = issuesOf(() =>
      parseInteractionModel({ ...minimal, dialog: { intents: [{ name: 'StatusIntent', confirmationRequired: true, prompts: { confirmation: 'Missing.Prompt' } }] } }),
    );
    // Assess
    expect(issues).toEqual(['dialog.intents.0.prompts.confirmation: no prompt has id "Missing.Prompt"']);
  });
});
