/**
 * An ajv validator compiled once per machine rather than once per test file. jest gives every test file a module
 * registry of its own, so a validator compiled at import time was compiled again in each of the ~40 files that check
 * responses: ajv compiling the ResponseEnvelope schema (100 KB) was a quarter of the CPU those files spent, some 20
 * CPU-seconds of `npm test`. ajv's documented standalone mode (ajv/dist/standalone) writes the compiled validator as a
 * CommonJS module; it is kept in node_modules/.cache/push-to-prod/ (gone with a fresh `npm ci`) under a hash of all it
 * depends on: the schema, ajv's options and ajv's installed version. Change one and it is compiled afresh, so no test
 * ever checks against a stale schema. Loading the module costs some 20 ms instead of ~600.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import Ajv, { type Options, type ValidateFunction } from 'ajv';
import standaloneCode from 'ajv/dist/standalone';

const ROOT = resolve(__dirname, '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'push-to-prod');
/**
 * Node's own require, not jest's: the compiled module (a pure function and ajv's runtime helpers) then loads once per
 * jest worker and is shared by the test files it runs, instead of once per file's registry.
 */
const nodeRequire = createRequire(__filename);

/** The validator ajv would compile from `schema` with `options`, loaded from the cache when compiled before. */
export function compiledValidator(schema: object, options: Options): ValidateFunction {
  const ajvVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', 'ajv', 'package.json'), 'utf8')) as { version: string }).version;
  const key = createHash('sha256').update(JSON.stringify([ajvVersion, options, schema])).digest('hex');
  const file = join(CACHE_DIR, `ajv-${key}.js`);
  try {
    return nodeRequire(file) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const ajv = new Ajv({ ...options, code: { ...options.code, source: true } });
  const validate = ajv.compile(schema);
  mkdirSync(CACHE_DIR, { recursive: true });
  // Written aside and renamed, so that a worker loading it while another writes never reads half a module.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, standaloneCode(ajv, validate));
  renameSync(partial, file);
  return validate;
}
