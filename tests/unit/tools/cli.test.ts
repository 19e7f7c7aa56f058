import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');

/** `npm start` as a person runs it: a fresh process, with its own arguments and input. */
function npmStart(args: readonly string[], input = '') {
  const result = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(ROOT, 'tools', 'cli.ts'), ...args], {
    cwd: ROOT, input, encoding: 'utf8', timeout: 60_000,
    env: { PATH: process.env.PATH, HOME: process.env.HOME, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm start', () => {
  it.each([
    ['not JSON', 'nope', /^--fault nope: .*not valid JSON\n$/],
    ['an unknown service', '{"kind":"accessDenied","service":"s3"}', /^--fault \{"kind":"accessDenied","service":"s3"\}: fault "service" must be one of codepipeline, codedeploy, dynamodb\n$/],
  ])('refuses a --fault that is %s in one line, before talking to anyone', (_case, fault, said) => {
    // Act
    const run = npmStart(['--fault', fault], 'push to prod\n');

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(said);
    expect(run.stdout).not.toContain('Alexa >');
  });

  it('launches a custom task as a routine would, and acts only on the yes that follows', () => {
    // Act
    const run = npmStart(['--task', 'PushToProd', '--task-input', '{"service":"checkout","environment":"production"}'], 'yes\n');

    // Assess
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Task  > PushToProd \{"service":"checkout","environment":"production"\}\n/);
    expect(run.stdout).toMatch(/Alexa > This starts the checkout-prod pipeline, .*Shall I push checkout to production\?\n/);
    const started = run.stdout.indexOf('AWS StartPipelineExecution ');
    expect(started).toBeGreaterThan(run.stdout.indexOf('User  > yes'));
    expect(run.stdout.indexOf('Alexa > Done: the checkout-prod pipeline has started')).toBeGreaterThan(started);
  });

  it('refuses a --task-input that is not a JSON object', () => {
    const run = npmStart(['--task', 'PushToProd', '--task-input', '["prod"]'], 'yes\n');

    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--task-input ["prod"]: expected a JSON object\n');
  });
});
