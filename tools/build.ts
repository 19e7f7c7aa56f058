/**
 * `npm run build`: bundles the skill into lambda/dist/index.js, the folder ask-cli zips into the Lambda.
 * One self-contained file (JSON config included), so ask-cli finds no package.json there and installs nothing.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..');
export const ENTRY = join(ROOT, 'lambda', 'src', 'index.ts');
export const OUT_DIR = join(ROOT, 'lambda', 'dist');

/** Bundles the Lambda; returns the size of each output file in bytes. */
export async function buildBundle(): Promise<Record<string, number>> {
  // A stale file left in dist would be zipped and deployed with the new bundle.
  rmSync(OUT_DIR, { recursive: true, force: true });
  const result = await build({
    entryPoints: [ENTRY],
    outfile: join(OUT_DIR, 'index.js'),
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    bundle: true,
    minify: true,
    // Linked (a sourceMappingURL comment): NODE_OPTIONS=--enable-source-maps finds the .map beside the bundle.
    sourcemap: 'linked',
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  });
  return Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [relative(ROOT, resolve(ROOT, file)), output.bytes]));
}

if (require.main === module) {
  buildBundle().then((sizes) => {
    for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);
  }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
