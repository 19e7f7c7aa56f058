import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'jest-worker';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS module jest's workers load
const { CHILD_MESSAGE_END } = require('../../support/worker-exit') as { CHILD_MESSAGE_END: number };

type Pinging = Worker & { ping(): Promise<string> };

describe('a jest worker ended by jest', () => {
  it('exits at once, even when something still holds it open, so jest never has to kill it', async () => {
    // Prepare
    const worker = new Worker(join(__dirname, '..', '..', 'fixtures', 'jest-worker', 'held-open.js'), { numWorkers: 1, exposedMethods: ['ping'] }) as Pinging;
    await expect(worker.ping()).resolves.toBe('pong');

    // Act
    const { forceExited } = await worker.end();

    // Assess
    expect(forceExited).toBe(false);
  });

  it('knows jest-worker\'s end message as jest-worker sends it', () => {
    const source = readFileSync(require.resolve('jest-worker'), 'utf8');
    expect(source).toContain(`CHILD_MESSAGE_END = exports.CHILD_MESSAGE_END = ${CHILD_MESSAGE_END};`);
    expect(source).toMatch(/worker\.send\(\[_types\.CHILD_MESSAGE_END, false\]/);
  });
});
