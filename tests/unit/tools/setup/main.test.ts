import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { main } from '../../../../tools/setup/main';
import { testIo } from '../../../support/tool-io';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** A tsx process as npm runs it, with no terminal on stdin and no AWS settings; killed after 20 s. */
function tsx(args: readonly string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
    cwd: ROOT, timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'], env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
  child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
  return new Promise((done) => child.on('close', (status) => done({ status, stdout, stderr })));
}

const SETUP = join(ROOT, 'tools', 'setup', 'main.ts');
type Run = Awaited<ReturnType<typeof tsx>>;
/** The same run through tools/setup/main.ts's main in this process, with no terminal on stdin. */
async function inProcess(args: readonly string[], env: Record<string, string> = {}): Promise<Run> {
  const { io, stdout, stderr } = testIo({ PATH: process.env.PATH, HOME: process.env.HOME, ...env });
  const status = await main([...args], io);
  return { status, stdout: stdout(), stderr: stderr() };
}

/**
 * All start at once (each tsx process costs about a second of CPU); each test awaits its own. Real processes where
 * the process is the point (its exit code and streams, the ES module loading as tsx runs it).
 */
let runs: { noTerminal: Promise<Run>; swallowed: Promise<Run>; prompts: Promise<Run> };
beforeAll(() => {
  runs = {
    noTerminal: tsx([SETUP]),
    swallowed: inProcess([], { npm_config_yes: 'true' }),
    prompts: tsx(['-e', "require('./tools/setup/prompter').inquirerPrompter().then((p) => console.log(Object.keys(p).join(',')))"]),
  };
});

describe('npm run setup on the command line', () => {
  jest.setTimeout(90_000);
  it('refuses to ask questions without a terminal, and explains an option npm kept, each in one line', async () => {
    // Act
    const [noTerminal, swallowed] = await Promise.all([runs.noTerminal, runs.swallowed]);

    // Assess
    expect(noTerminal).toMatchObject({ status: 2, stderr: 'setup: setup asks questions: run it in a terminal, or pass --yes to take every proposal\n' });
    expect(swallowed).toMatchObject({ status: 2, stderr: 'setup: npm kept --yes for itself; put the options after --, as in: npm run setup -- --yes\n' });
  });

  it('loads its prompt library, an ES module, where the command line runs', async () => {
    // Act
    const loaded = await runs.prompts;

    // Assess
    expect(loaded.stdout).toBe('checkbox,confirm,input\n');
  });
});
