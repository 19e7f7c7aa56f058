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
    ['an unknown service', '{"kind":"accessDenied","service":"s3"}', /^--fault \{"kind":"accessDenied","service":"s3"\}: fault "service" must be one of codepipeline, codedeploy, dynamodb, cloudwatch\n$/],
  ])('refuses a --fault that is %s in one line, before talking to anyone', (_case, fault, said) => {
    // Act
    const run = npmStart(['--fault', fault], 'push to prod\n');

    // Assess
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(said);
    expect(run.stdout).not.toContain('Alexa >');
  });

  it('refuses an --alarm in a state CloudWatch does not have, in one line', () => {
    const run = npmStart(['--alarm', 'checkout-prod-5xx=RED'], 'push to prod\n');

    expect(run.status).toBe(2);
    expect(run.stderr).toBe('--alarm checkout-prod-5xx=RED: alarm "state" must be one of OK, ALARM, INSUFFICIENT_DATA\n');
  });

  it('starts with an --alarm firing, so a deploy is refused', () => {
    const run = npmStart(['--config', 'tools/demo/push-to-prod.gates.json', '--alarm', 'checkout-prod-latency'], 'push checkout to prod\n');

    expect(run.stderr).toBe('');
    expect(run.stdout).toContain("Alexa > I won't push to production while the alarm checkout-prod-latency is firing. It went into alarm just now.");
  });
});
