import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertSdkTrimmed, clientPackagesIn, sdkTrims, type SdkTrimRecord } from '../../../tools/sdk-trim';

/** A client package laid out as the SDK's are, with its schemas file written as the SDK's codegen writes it. */
function fakeClient(root: string, registrations: string): string {
  const dir = join(root, 'node_modules', '@aws-sdk', 'client-fake');
  mkdirSync(join(dir, 'dist-es', 'schemas'), { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: '@aws-sdk/client-fake', version: '3.1.2', scripts: { build: 'x' }, dependencies: { tslib: '2' } }));
  writeFileSync(join(dir, 'dist-es', 'schemas', 'schemas_0.js'), `import { registry as _s_registry, registry as n0_registry } from "../registry";
import { FakeServiceException, FakeServiceException$, ThrottlingException, ThrottlingException$, ConditionalCheckFailedException, ConditionalCheckFailedException$ } from "../errors";
_s_registry.registerError(FakeServiceException$, FakeServiceException);
${registrations}
`);
  writeFileSync(join(dir, 'dist-es', 'registry.js'), 'export const registry = { names: [], registerError(schema, error) { this.names.push(error.name); } };\n');
  writeFileSync(join(dir, 'dist-es', 'errors.js'), ['FakeServiceException', 'ThrottlingException', 'ConditionalCheckFailedException']
    .map((name) => `export class ${name} extends Error { name = "${name}"; }\nexport var ${name}$ = [-3, "ns", "${name}"];`).join('\n'));
  writeFileSync(join(dir, 'dist-es', 'index.js'), 'import "./schemas/schemas_0";\nimport pkg from "../package.json";\nexport { registry } from "./registry";\nexport const version = pkg.version;\nexport const pkgKeys = Object.keys(pkg);\n');
  return join(dir, 'dist-es', 'index.js');
}

describe('the AWS SDK trims', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'ptp-sdk-trim-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('drops the registrations of error classes the skill does not import, keeps the base and the kept ones, and keeps only the version of package.json', async () => {
    // Prepare
    const entry = fakeClient(root, [
      'n0_registry.registerError(ThrottlingException$, ThrottlingException);',
      'n0_registry.registerError(ConditionalCheckFailedException$, ConditionalCheckFailedException);',
    ].join('\n'));
    const trims = sdkTrims();

    // Act
    const result = await build({ entryPoints: [entry], bundle: true, write: false, format: 'cjs', platform: 'node', plugins: [trims.plugin], metafile: true });

    // Assess
    const loaded = { exports: {} as { registry: { names: string[] }; version: string; pkgKeys: string[] } };
    new Function('module', 'exports', 'require', result.outputFiles[0]?.text ?? '')(loaded, loaded.exports, require);
    expect(loaded.exports.registry.names).toEqual(['FakeServiceException', 'ConditionalCheckFailedException']);
    expect(loaded.exports.version).toBe('3.1.2');
    expect(loaded.exports.pkgKeys.sort()).toEqual(['name', 'version']);
    expect(result.outputFiles[0]?.text).not.toMatch(/ThrottlingException extends/);
    expect(clientPackagesIn(Object.keys(result.metafile.inputs))).toBe(1);
    expect(() => assertSdkTrimmed(trims.record, 'fake.js', 1, ['ConditionalCheckFailedException'])).not.toThrow();
  });

  it('fails the build when the SDK registers its errors some other way, or the bundle exports a class it would never throw', () => {
    // Prepare
    const record = (removed: number, kept: string[], baseKept = true): SdkTrimRecord => ({
      schemas: new Map([['client-fake/dist-es/schemas/schemas_0.js', { removed, kept, baseKept }]]),
      packages: new Set(['client-fake/package.json']),
    });

    // Act / Assess
    expect(() => assertSdkTrimmed(record(0, []), 'aws-sdk.js', 1, [])).toThrow(/no error registration found/);
    expect(() => assertSdkTrimmed(record(3, [], false), 'aws-sdk.js', 1, [])).toThrow(/base exception's registration is missing/);
    expect(() => assertSdkTrimmed(record(3, []), 'aws-sdk.js', 2, [])).toThrow(/1 client schemas files trimmed for 2 clients/);
    expect(() => assertSdkTrimmed(record(3, []), 'aws-sdk.js', 1, ['ThrottlingException'])).toThrow(/not in KEPT_ERROR_CLASSES/);
    expect(() => assertSdkTrimmed(record(3, []), 'aws-sdk.js', 1, ['ConditionalCheckFailedException'])).toThrow(/registration was not found/);
  });
});
