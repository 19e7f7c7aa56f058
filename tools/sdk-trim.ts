/**
 * Build-time trims of the AWS SDK's own modules in aws-sdk.js and aws-ssm.js: data the SDK carries at load that the
 * skill never reads. Each trim is a plain text change to one kind of SDK file, recorded as it happens and checked
 * after the build (`assertSdkTrimmed`), so that an SDK release that changes those files' shape fails the build
 * instead of shipping untrimmed or broken. No bundler plugin or SDK option does this: the SDK builds its clients for
 * every caller, and esbuild cannot tree-shake a call with side effects (a registration) or one property of a JSON file.
 *
 * 1. Error classes. Every client registers a class for each error its service models, at load (CodeDeploy: 112;
 *    the four clients here: 45 KB of classes and schemas, a sixth of the file). The skill tells AWS errors apart by
 *    name (adapters/aws/aws-errors.ts), never by class, except for the classes it imports from the SDK (KEPT_ERROR_CLASSES).
 *    An error the registry does not know is thrown as the client's base ServiceException, with the same name,
 *    message, $fault and $metadata (`ProtocolLib.getErrorSchemaOrThrowBaseException` in @aws-sdk/core), and the SDK's
 *    retries go by name and status too. So only the registrations of the kept classes stay; the other classes, which
 *    only their registrations referred to, are left out by esbuild's tree-shaking (some error schemas stay).
 * 2. Package files. Each client imports its whole package.json for one field, `version` (its user agent): the rest
 *    (scripts, dependencies, some 2 KB per client) is left out.
 *
 * tests/integration/built-bundle.test.ts answers through the built bundle with errors from local AWS.
 */
import { readFileSync } from 'node:fs';
import type { Plugin } from 'esbuild';

/** SDK error classes the skill imports and tests with `instanceof`: their registrations stay. */
export const KEPT_ERROR_CLASSES: readonly string[] = ['ConditionalCheckFailedException'];

const CLIENT_SCHEMAS = /node_modules\/@aws-sdk\/client-[a-z0-9-]+\/dist-es\/schemas\/schemas_0\.js$/;
const CLIENT_PACKAGE = /node_modules\/@aws-sdk\/client-[a-z0-9-]+\/package\.json$/;
/** `n0_registry.registerError(ThrottlingException$, ThrottlingException);`, one per line, as the SDK's codegen writes them. */
const MODELLED_ERROR_REGISTRATION = /^(n\d+)_registry\.registerError\((\w+)\$, (\w+)\);$/gm;
/** The client's base exception, which an unregistered error is thrown as: it must stay. */
const BASE_EXCEPTION_REGISTRATION = /^_s_registry\.registerError\(\w+ServiceException\$, \w+ServiceException\);$/m;

export interface SdkTrimRecord {
  /** Per client schemas file: registrations left out, and the kept classes whose registration stayed. */
  readonly schemas: Map<string, { readonly removed: number; readonly kept: readonly string[]; readonly baseKept: boolean }>;
  /** Client package.json files reduced to their version. */
  readonly packages: Set<string>;
}

/** The trims as an esbuild plugin, and the record of what it did, for `assertSdkTrimmed`. */
export function sdkTrims(): { plugin: Plugin; record: SdkTrimRecord } {
  const record: SdkTrimRecord = { schemas: new Map(), packages: new Set() };
  const plugin: Plugin = {
    name: 'sdk-trims',
    setup(esbuild) {
      esbuild.onLoad({ filter: CLIENT_SCHEMAS }, (args) => {
        const source = readFileSync(args.path, 'utf8');
        let removed = 0;
        const kept: string[] = [];
        const contents = source.replace(MODELLED_ERROR_REGISTRATION, (line, _namespace: string, _schema: string, errorClass: string) => {
          if (KEPT_ERROR_CLASSES.includes(errorClass)) {
            kept.push(errorClass);
            return line;
          }
          removed += 1;
          return '';
        });
        record.schemas.set(args.path, { removed, kept, baseKept: BASE_EXCEPTION_REGISTRATION.test(contents) });
        return { contents, loader: 'js' };
      });
      esbuild.onLoad({ filter: CLIENT_PACKAGE }, (args) => {
        const { name, version } = JSON.parse(readFileSync(args.path, 'utf8')) as { name?: unknown; version?: unknown };
        if (typeof version !== 'string') throw new Error(`${args.path} has no version, which the SDK client reads from it`);
        record.packages.add(args.path);
        return { contents: JSON.stringify({ name, version }), loader: 'json' };
      });
    },
  };
  return { plugin, record };
}

/**
 * Fails the build when a trim did not happen as designed: a client whose schemas file registered no error the way
 * this expects (the SDK's codegen changed), a base exception that would be gone, or a kept class that is no longer
 * registered while the bundle still exports it. `clientCount` is how many client packages the bundle holds.
 */
export function assertSdkTrimmed(record: SdkTrimRecord, file: string, clientCount: number, exported: readonly string[]): void {
  const problems: string[] = [];
  if (record.schemas.size !== clientCount) problems.push(`${record.schemas.size} client schemas files trimmed for ${clientCount} clients`);
  for (const [path, { removed, baseKept }] of record.schemas) {
    if (removed === 0) problems.push(`no error registration found in ${path}`);
    if (!baseKept) problems.push(`the base exception's registration is missing from ${path}`);
  }
  if (record.packages.size !== clientCount) problems.push(`${record.packages.size} client package.json files reduced for ${clientCount} clients`);
  const keptNow = new Set([...record.schemas.values()].flatMap((s) => s.kept));
  for (const name of exported.filter((e) => /Exception$/.test(e))) {
    if (!KEPT_ERROR_CLASSES.includes(name)) problems.push(`${file} exports ${name}, which is not in KEPT_ERROR_CLASSES: the skill would test instanceof against a class the SDK never throws`);
    else if (!keptNow.has(name)) problems.push(`${name} is exported but its registration was not found`);
  }
  if (problems.length > 0) throw new Error(`the AWS SDK trims in ${file} did not apply as designed (see tools/sdk-trim.ts):\n  ${problems.join('\n  ')}`);
}

/** The client packages (`@aws-sdk/client-*`) a bundle's metafile inputs hold. */
export function clientPackagesIn(inputs: readonly string[]): number {
  return new Set(inputs.map((input) => /node_modules\/@aws-sdk\/(client-[a-z0-9-]+)\//.exec(input)?.[1]).filter((name) => name !== undefined)).size;
}
