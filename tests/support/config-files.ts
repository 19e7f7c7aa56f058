import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_CONFIG } from './test-skill';

/**
 * Config files for tests that point PUSH_TO_PROD_CONFIG at one, in a temporary folder of the test file's own that
 * is removed after its tests. Call once, at the top level of a test file.
 */
export function configFiles(prefix: string): { text(text: string): string; json(config?: unknown): string; missing(): string } {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  let written = 0;
  const text = (content: string): string => {
    written += 1;
    const path = join(folder, `config-${written}.json`);
    writeFileSync(path, content);
    return path;
  };
  return { text, json: (config: unknown = TEST_CONFIG) => text(JSON.stringify(config)), missing: () => join(folder, 'no-such-config.json') };
}
