import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deployRefusals } from '../../../../tools/deploy/check';
import { DEFAULT_CONFIG_PATH } from '../../../../tools/model/generate';
import { configFiles } from '../../../support/config-files';
import { TEST_CONFIG } from '../../../support/test-skill';

const ROOT = join(__dirname, '..', '..', '..', '..');
const files = configFiles('ptp-deploy-check-');
const REAL_USER = `amzn1.ask.account.${'A'.repeat(40)}`;
const noAskProject = join(files.missing(), '..');

describe('the check before npm run deploy', () => {
  it('runs before the build and ask-cli in the deploy script', () => {
    // Act
    const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts['deploy'] ?? '';

    // Assess
    expect(script.split(' && ')).toEqual(['tsx tools/deploy/check.ts', 'npm run build', 'ask deploy']);
  });

  it('refuses the shipped config, whose allowlist is the example one, naming each example id', () => {
    // Act
    const refusals = deployRefusals(DEFAULT_CONFIG_PATH, noAskProject);

    // Assess
    expect(refusals.map((f) => f.subject)).toEqual(['allowedUsers[0]', 'allowedUsers[1]']);
    expect(refusals.every((f) => f.message.includes('EXAMPLE'))).toBe(true);
  });

  it('refuses an example id among admins and per-environment lists, and the placeholder skill id', () => {
    // Prepare
    const path = files.json({
      ...TEST_CONFIG, skillId: 'amzn1.ask.skill.00000000-0000-0000-0000-000000000000', allowedUsers: [REAL_USER],
      admins: ['amzn1.ask.person.EXAMPLE'], policies: { production: { allowedUsers: ['amzn1.ask.account.EXAMPLE'] } },
    });

    // Act
    const subjects = deployRefusals(path, noAskProject).map((f) => f.subject);

    // Assess
    expect(subjects).toEqual(['skillId', 'admins[0]', 'policies.production.allowedUsers[0]']);
  });

  it('lets through a config with real ids, and one with nobody on the list yet (the first deploy)', () => {
    expect(deployRefusals(files.json({ ...TEST_CONFIG, allowedUsers: [REAL_USER] }), noAskProject)).toEqual([]);
    expect(deployRefusals(files.json({ ...TEST_CONFIG, allowedUsers: [] }), noAskProject)).toEqual([]);
  });

  it('refuses a skillId that is not the one ask-cli deployed', () => {
    // Prepare
    const project = join(noAskProject, 'ask-project');
    mkdirSync(join(project, '.ask'), { recursive: true });
    writeFileSync(join(project, '.ask', 'ask-states.json'), JSON.stringify({ askcliStatesVersion: '2020-03-31', profiles: { default: { skillId: 'amzn1.ask.skill.99999999-9999-4999-8999-999999999999' } } }));

    // Act
    const refusals = deployRefusals(files.json({ ...TEST_CONFIG, allowedUsers: [REAL_USER] }), project);

    // Assess
    expect(refusals).toEqual([expect.objectContaining({ subject: 'skillId', message: expect.stringContaining('ask-cli deployed amzn1.ask.skill.99999999') })]);
  });

  it('exits non-zero with one line per refusal when run as npm run deploy runs it', () => {
    // Act
    const run = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tools', 'deploy', 'check.ts')], {
      cwd: ROOT, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH, HOME: process.env.HOME },
    });

    // Assess
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('PROBLEM'))).toHaveLength(2);
  });
});
