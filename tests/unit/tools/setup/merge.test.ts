import type { Inventory } from '../../../../tools/account/inventory';
import { mergeConfig } from '../../../../tools/setup/merge';
import type { Proposal } from '../../../../tools/setup/propose';

const inventory: Inventory = {
  region: 'eu-west-1',
  pipelines: [{ name: 'checkout-prod', stages: ['Source', 'Deploy'], codeDeployActions: [] }, { name: 'hand-made', stages: ['Source'], codeDeployActions: [] }],
  applications: [{ name: 'checkout', deploymentGroups: ['checkout-prod'] }],
};
const checkoutProduction: Proposal = {
  service: 'checkout', environment: 'production', pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' },
  evidence: 'deploy action', because: 'test',
};
const ALICE = `amzn1.ask.person.${'A'.repeat(30)}`;

describe('mergeConfig', () => {
  it('keeps the people, the release code and the synonyms, and drops the example ids and the placeholder skill id', () => {
    // Prepare
    const existing = {
      skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000',
      allowedUsers: ['amzn1.ask.account.EXAMPLE', ALICE], admins: [ALICE], people: { [ALICE]: 'Alice' },
      timeZone: 'Europe/Berlin', pin: { hash: 'scrypt$16384$8$1$c2FsdA==$aGFzaA==' },
      policies: { production: { requirePin: true, allowedUsers: [ALICE, 'amzn1.ask.person.EXAMPLE'] }, qa: { requirePin: true } },
      services: [{ name: 'checkout', synonyms: ['the shop'], environments: { production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' }, rollbackStage: 'Deploy' } } }],
    };

    // Act
    const { config, notes } = mergeConfig(existing, [checkoutProduction], inventory);

    // Assess
    expect(config).toEqual({
      allowedUsers: [ALICE], admins: [ALICE], people: { [ALICE]: 'Alice' }, region: 'eu-west-1', timeZone: 'Europe/Berlin',
      policies: { production: { requirePin: true, allowedUsers: [ALICE] } }, pin: existing.pin,
      services: [{ name: 'checkout', synonyms: ['the shop'], environments: { production: { ...existing.services[0]?.environments.production } } }],
    });
    expect(notes).toEqual(expect.arrayContaining([
      expect.stringMatching(/^dropped the placeholder skillId/), 'dropped the example ids from allowedUsers: amzn1.ask.account.EXAMPLE',
      'dropped policies.qa: no service has a qa environment any more',
    ]));
  });

  it('keeps an environment mapped by hand while the account has it, and drops one whose pipeline is gone', () => {
    // Prepare
    const existing = {
      allowedUsers: [], region: 'eu-west-1',
      services: [{ name: 'tools', environments: { production: { pipeline: 'hand-made' }, staging: { pipeline: 'deleted-long-ago' } } }],
    };

    // Act
    const { config, notes } = mergeConfig(existing, [checkoutProduction], inventory);

    // Assess
    expect(config['services']).toEqual([
      expect.objectContaining({ name: 'checkout' }),
      { name: 'tools', environments: { production: { pipeline: 'hand-made' } } },
    ]);
    expect([...notes].sort()).toEqual(['dropped tools staging: pipeline deleted-long-ago not in the account', 'kept tools production as the file had it']);
  });

  it('pins the old region on environments kept from it when the region read is another', () => {
    // Prepare
    const existing = { allowedUsers: [], region: 'us-east-1', services: [{ name: 'legacy', environments: { production: { pipeline: 'old-one' } } }] };

    // Act
    const { config } = mergeConfig(existing, [checkoutProduction], inventory);

    // Assess
    expect(config['region']).toBe('eu-west-1');
    expect(config['services']).toEqual([expect.objectContaining({ name: 'checkout' }), { name: 'legacy', environments: { production: { pipeline: 'old-one', region: 'us-east-1' } } }]);
  });
});
