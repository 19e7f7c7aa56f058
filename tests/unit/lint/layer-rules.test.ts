import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..', '..');

/*
 * Lints with the project's own eslint.config.mjs files that exist only in memory, each given a path under lambda/src
 * so that the folder's overrides apply. Only the import rule runs, without type information, which it does not need.
 * In a child process: ESLint loads an .mjs config with import(), which jest's module system does not allow.
 */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
const eslint = new ESLint({
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});
Promise.all(cases.map(async ([file, specifier]) => {
  const [result] = await eslint.lintText('import { x } from ' + JSON.stringify(specifier) + ';\\nexport const y = x;\\n', { filePath: file });
  return result.messages.map((m) => (m.ruleId || 'fatal') + ': ' + m.message);
})).then((problems) => process.stdout.write(JSON.stringify(problems)));
`;

function importProblems(cases: readonly (readonly [string, string])[]): string[][] {
  const output = execFileSync(process.execPath, ['-e', LINT_SCRIPT], { cwd: ROOT, input: JSON.stringify(cases), encoding: 'utf8' });
  return JSON.parse(output) as string[][];
}

const FORBIDDEN = [
  ['lambda/src/domain/probe.ts', '../handlers/deploy.handler'],
  ['lambda/src/domain/probe.ts', '../adapters/aws/sdk'],
  ['lambda/src/domain/probe.ts', '../interceptors/logging.interceptor'],
  ['lambda/src/domain/probe.ts', '../speech'],
  ['lambda/src/domain/probe.ts', '../speech/en-US'],
  ['lambda/src/domain/probe.ts', '../skill'],
  ['lambda/src/ports/probe.port.ts', '../adapters/aws/codepipeline.adapter'],
  ['lambda/src/ports/probe.port.ts', '../handlers/deploy.handler'],
  ['lambda/src/config/probe.ts', '../domain/catalog'],
  ['lambda/src/config/probe.ts', '../handlers/gates'],
  ['lambda/src/domain/probe.ts', '../turn/turn'],
  ['lambda/src/interceptors/probe.ts', '../handlers/deploy.handler'],
  ['lambda/src/interceptors/probe.ts', '../adapters/aws/sdk'],
  ['lambda/src/turn/probe.ts', '../handlers/gates'],
  ['lambda/src/turn/probe.ts', '../interceptors/request-context.interceptor'],
  ['lambda/src/screens/probe.ts', '../turn/turn'],
  ['lambda/src/screens/probe.ts', '../handlers/status.handler'],
  ['lambda/src/handlers/probe.ts', '../../../tools/simulator'],
  ['lambda/src/domain/probe.ts', '../../../tests/support/envelopes'],
] as const;

const ALLOWED = [
  ['lambda/src/domain/probe.ts', './release'],
  ['lambda/src/domain/probe.ts', '../ports/state-store.port'],
  ['lambda/src/domain/probe.ts', '../config/schema'],
  ['lambda/src/ports/probe.port.ts', '../domain/release'],
  ['lambda/src/config/probe.ts', '../domain/errors'],
  ['lambda/src/config/probe.ts', '../domain/spoken'],
  ['lambda/src/handlers/probe.ts', '../domain/release-service'],
  ['lambda/src/adapters/aws/probe.ts', '../../domain/errors'],
  ['lambda/src/interceptors/probe.ts', '../turn/turn'],
  ['lambda/src/turn/probe.ts', '../domain/consent'],
  ['lambda/src/handlers/probe.ts', '../turn/turn'],
  ['lambda/src/screens/probe.ts', '../speech/screen-messages'],
] as const;

const problems = importProblems([...FORBIDDEN, ...ALLOWED]);

describe('layer rules in eslint.config.mjs', () => {
  it.each(FORBIDDEN.map((c, i) => [...c, i] as const))('reports %s importing %s', (_file, _specifier, index) => {
    // Assess
    expect(problems[index]).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it.each(ALLOWED.map((c, i) => [...c, FORBIDDEN.length + i] as const))('lets %s import %s', (_file, _specifier, index) => {
    // Assess
    expect(problems[index]).toEqual([]);
  });
});
