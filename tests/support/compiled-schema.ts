/**
 * An ajv validator compiled once per machine rather than once per test file. jest gives every test file a module
 * registry of its own, so a validator compiled at import time was compiled again in each file that used it: ajv
 * compiling the ResponseEnvelope schema (100 KB) was a quarter of the CPU of the ~40 files that check responses, some
 * 20 CPU-seconds of `npm test`, and the SMAPI validators cost ~0.5 s in each of their files. ajv's documented
 * standalone mode (ajv/dist/standalone) writes a compiled validator as a CommonJS module; it is kept in
 * node_modules/.cache/push-to-prod/ (gone with a fresh `npm ci`) under a hash of all it depends on: the schemas,
 * ajv's options, which ajv and their installed versions. Change one and it is compiled afresh, so no test ever checks
 * against a stale schema. Loading the module costs some 20 ms instead of ~600.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import type { default as AjvClass, Options, ValidateFunction } from 'ajv';

const ROOT = resolve(__dirname, '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'push-to-prod');
/**
 * Node's own require, not jest's: the compiled module (a pure function and ajv's runtime helpers) then loads once per
 * jest worker and is shared by the test files it runs, instead of once per file's registry; ajv itself loads only when
 * a validator has to be compiled.
 */
const nodeRequire = createRequire(__filename);

/** Which ajv compiles: ajv's default (draft-07) or ajv-draft-04 (Swagger 2's JSON Schema, as ask-smapi-model's spec). */
export type AjvFlavour = 'ajv' | 'ajv-draft-04';

function installedVersion(name: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

/**
 * The validator `flavour` would compile from `schema` with `options`, after adding `references` (schemas it refers
 * to by id), loaded from the cache when it was compiled before.
 */
export function compiledValidator(schema: object, options: Options, { flavour = 'ajv', references = [] }: { flavour?: AjvFlavour; references?: readonly object[] } = {}): ValidateFunction {
  const versions = [installedVersion('ajv'), installedVersion(flavour)];
  const key = createHash('sha256').update(JSON.stringify([flavour, versions, options, references, schema])).digest('hex');
  const file = join(CACHE_DIR, `ajv-${key}.js`);
  try {
    return nodeRequire(file) as ValidateFunction;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'MODULE_NOT_FOUND') throw error;
  }
  const Ajv = (nodeRequire(flavour) as { default: typeof AjvClass }).default;
  const standaloneCode = (nodeRequire('ajv/dist/standalone') as { default: (ajv: AjvClass, validate: ValidateFunction) => string }).default;
  const ajv = new Ajv({ ...options, code: { ...options.code, source: true } });
  for (const reference of references) ajv.addSchema(reference);
  const validate = ajv.compile(schema);
  try {
    mkdirSync(CACHE_DIR, { recursive: true });
    // Written aside and renamed, so that a worker loading it while another writes never reads half a module.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, standaloneCode(ajv, validate));
    renameSync(partial, file);
  } catch (error) {
    // A read-only node_modules only costs the speed: the validator just compiled serves this file.
    if (!['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
  }
  return validate;
}
