import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildBundle } from '../../tools/build';
import { RUN_DIR_VARIABLE } from './global-setup';
const DEFAULT_CONFIG = resolve(__dirname, '..', '..', 'lambda', 'push-to-prod.json');
/** A lock older than this belongs to a worker that died while building. */
const STALE_LOCK_MS = 120_000;

export interface SharedBundle {
  readonly outDir: string;
  readonly mapsDir: string;
}

/**
 * The skill built as `npm run build` builds it, with the config at `configPath` (lambda/push-to-prod.json by default),
 * once per jest run and shared by every test that asks for it: an esbuild bundle costs a few CPU-seconds, and the
 * dialog parts and the built-bundle tests used to build one each. Built the first time a test asks within a run (a
 * run that needs none builds none) into the run's own folder, which jest's global setup makes and its teardown removes,
 * so a bundle can never outlive the sources it was built from. Workers that ask at once wait for the one building.
 * Keyed on the config's content; the tests only read what is built.
 */
export async function sharedBundle(configPath: string = DEFAULT_CONFIG): Promise<SharedBundle> {
  const key = createHash('sha256').update(readFileSync(configPath)).digest('hex').slice(0, 16);
  const runDir = process.env[RUN_DIR_VARIABLE];
  if (runDir === undefined) throw new Error(`${RUN_DIR_VARIABLE} is not set: run the tests through jest.config.js, whose global setup makes the run's folder`);
  const dir = join(runDir, key);
  const bundle = { outDir: join(dir, 'dist'), mapsDir: join(dir, 'dist-maps') };
  const built = join(dir, 'built');
  const lock = join(runDir, `${key}.lock`);
  for (;;) {
    if (existsSync(built)) return bundle;
    if (takeLock(lock)) {
      try {
        if (!existsSync(built)) {
          await buildBundle({ ...bundle, configPath });
          writeFileSync(built, configPath);
        }
      } finally {
        rmSync(lock, { recursive: true, force: true });
      }
    } else {
      await new Promise((done) => setTimeout(done, 100));
    }
  }
}

/** mkdir either creates the folder or fails: the one worker it creates it for builds. */
function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
    writeFileSync(join(lock, 'since'), String(Date.now()));
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    const since = Number(readFileOrEmpty(join(lock, 'since')));
    if (since > 0 && Date.now() - since > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

function readFileOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
