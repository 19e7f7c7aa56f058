/**
 * generateResponseSchema (tools/response-schema.ts) builds a TypeScript program over ask-sdk-model's declarations: some
 * 4-5 CPU-seconds of every `npm test`, for an answer that changes only when its inputs do. This keeps the answer in
 * node_modules/.cache/push-to-prod/ (the folder tools conventionally cache in, gone with a fresh `npm ci`), under a
 * hash of every input: the generator's own source, ask-sdk-model's declarations, and the installed versions of
 * ask-sdk-model, ts-json-schema-generator and typescript. Change any of them and the schema is generated afresh, so the
 * test still fails when the committed file and a fresh generation part. jest's cache could not serve: it caches
 * transformed sources, not a value computed at run time; no library we have does keyed memoisation on disk.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { generateResponseSchema } from '../../tools/response-schema';

const ROOT = resolve(__dirname, '..', '..');
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'push-to-prod');

/** What generateResponseSchema's answer depends on, each read as bytes. */
function inputs(): string[] {
  const packageFile = (name: string) => join(ROOT, 'node_modules', name, 'package.json');
  return [
    join(ROOT, 'tools', 'response-schema.ts'),
    join(ROOT, 'node_modules', 'ask-sdk-model', 'index.d.ts'),
    packageFile('ask-sdk-model'),
    packageFile('ts-json-schema-generator'),
    packageFile('typescript'),
  ];
}

/** generateResponseSchema's answer, from the cache when every input is unchanged since it was last generated. */
export function cachedResponseSchema(): string {
  const hash = createHash('sha256');
  for (const file of inputs()) hash.update(file).update('\0').update(readFileSync(file)).update('\0');
  const cached = join(CACHE_DIR, `response-schema-${hash.digest('hex')}.json`);
  try {
    return readFileSync(cached, 'utf8');
  } catch {
    const schema = generateResponseSchema();
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      const partial = `${cached}.${process.pid}.partial`;
      writeFileSync(partial, schema);
      renameSync(partial, cached);
    } catch (error) {
      // A read-only node_modules only costs the speed.
      if (!['EACCES', 'EPERM', 'EROFS'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
    }
    return schema;
  }
}
