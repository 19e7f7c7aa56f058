/**
 * `npm run build`: bundles the skill into lambda/dist, the folder ask-cli zips into the Lambda. Self-contained (JSON
 * config included), so ask-cli finds no package.json there and installs nothing. Split for cold starts:
 *
 * - index.js: the handler, the skill and everything a LaunchRequest needs.
 * - aws-sdk.js: the AWS SDK clients, required by the first AWS call. Kept out of index.js because merely parsing
 *   them costs a cold start more than answering a LaunchRequest does (BENCHMARKS.md has the numbers).
 * - aws-credentials.js: the SDK's default credential chain, required only where the environment holds no keys
 *   (never on Lambda; lambda/src/adapters/aws/credentials.ts says why).
 * - ask-sdk-model.js: ask-sdk-model, which nothing the skill does needs at run time (see below).
 * - config-schema.js: the config schema and zod, for a config named by PUSH_TO_PROD_CONFIG. The bundled config
 *   (lambda/push-to-prod.json) is validated here, at build time: a broken one fails the build, naming each field,
 *   and index.js carries the validated result, so a cold start never builds the schema for it.
 * - notifier.js: the notifier, a second Lambda function of the same stack (`notifier.handler`), invoked by EventBridge
 *   when a release ends. Nothing in index.js requires it, and it requires the SDK from aws-sdk.js like the skill.
 * - aws-ssm.js: the SSM client, which only the notifier uses, required when it first reads the Alexa client secret.
 * - screens.js: the Echo Show's APL document and the code that fills its data source, required by the Turn only when
 *   a device that supports APL is to get a screen; a LaunchRequest, or any answer to a device without a screen,
 *   never parses it.
 * - speech-de-DE.js, speech-fr-FR.js: the German and French words (speech/<locale>.ts, its report, cards and screen), required by the
 *   first request in that locale (speech/index.ts). An en-US cold start never parses them; the build refuses them in
 *   index.js. The English markets share en-US's words, which stay in index.js.
 *
 * Source maps go to lambda/dist-maps, outside the zipped folder (they were 3.8 MiB of a 4.9 MiB upload). Each bundle
 * ends with a sourceMappingURL pointing there: `node --enable-source-maps` uses them on a developer's machine, and
 * `npm run stack` maps a stack trace copied from CloudWatch.
 *
 * Two changes to what esbuild writes, both for cold starts: the SDK's files lose the error classes and package.json
 * fields the skill never reads (sdk-trim.ts, checked after each build), and every file a Lambda loads on its usual
 * paths gets its top-level code moved into functions that V8 compiles one at a time (lazy-top-level.ts; the maps are
 * shifted to match).
 */
import { build, type BuildOptions, type Metafile, type OutputFile, type Plugin } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { basename, join, relative, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { loadConfigFile } from '../lambda/src/config/load';
import type { Config } from '../lambda/src/config/schema';
import { lazyTopLevel } from './lazy-top-level';
import { assertSdkTrimmed, clientPackagesIn, sdkTrims } from './sdk-trim';

const ROOT = resolve(__dirname, '..');
export const ENTRY = join(ROOT, 'lambda', 'src', 'index.ts');
/** The notifier's Lambda entry: notifier.js beside index.js, handler `notifier.handler`. */
export const NOTIFIER_ENTRY = join(ROOT, 'lambda', 'src', 'notifier', 'index.ts');
export const NOTIFIER_FILE = 'notifier.js';
/** The SSM client's entry, and the file it is bundled into. */
const SSM_SDK_MODULE = join(ROOT, 'lambda', 'src', 'adapters', 'aws', 'ssm-sdk.ts');
export const AWS_SSM_FILE = 'aws-ssm.js';
/** What only the notifier may hold: in index.js it would be parsed by the skill's cold starts for nothing. (The skill's own
 * progressive responses live in adapters/alexa/ too, and belong in index.js.) */
const NOTIFIER_ONLY = /lambda\/src\/(notifier\/|adapters\/alexa\/(lwa-token|proactive-events))|lambda\/src\/adapters\/aws\/ssm-|node_modules\/@aws-sdk\/client-ssm\//;
/** The screens' entry (the APL document comes with it), and the file it is bundled into. */
const SCREENS_MODULE = join(ROOT, 'lambda', 'src', 'screens', 'render-document.ts');
export const SCREENS_FILE = 'screens.js';
/** What only screens.js may hold. */
const SCREENS_ONLY = /lambda\/src\/screens\/(render-document\.ts|[\w-]+\.apl\.json)$/;
export const OUT_DIR = join(ROOT, 'lambda', 'dist');
export const MAPS_DIR = join(ROOT, 'lambda', 'dist-maps');
/** The file beside index.js that holds the AWS SDK. */
export const AWS_SDK_FILE = 'aws-sdk.js';
/** Every SDK value the skill uses: the entry of aws-sdk.js, and what index.js requires from it. */
const SDK_MODULE = join(ROOT, 'lambda', 'src', 'adapters', 'aws', 'sdk.ts');
/** The file beside aws-sdk.js that holds the SDK's default credential chain. */
export const AWS_CREDENTIALS_FILE = 'aws-credentials.js';
/** The skill's credential provider, and the SDK's chain it loads on demand: the entry of aws-credentials.js. */
const CREDENTIALS_MODULE = join(ROOT, 'lambda', 'src', 'adapters', 'aws', 'credentials.ts');
const CHAIN_MODULE = join(ROOT, 'lambda', 'src', 'adapters', 'aws', 'credential-chain.ts');
/** What the chain's links bring: in aws-sdk.js they would be parsed by every cold start that calls AWS. */
const CHAIN_ONLY = /node_modules\/(@aws-sdk\/(credential-provider-(?!env\/)[\w-]+|nested-clients|token-providers)|@smithy\/credential-provider-imds)\//;
/** The config `npm run build` validates and bundles. */
const CONFIG_FILE = join(ROOT, 'lambda', 'push-to-prod.json');
/** The module that hands index.ts the bundled config; the build replaces it with the validated config. */
const BUNDLED_CONFIG_MODULE = join(ROOT, 'lambda', 'src', 'config', 'bundled.ts');
/** The config schema (and zod): the entry of config-schema.js, which load.ts requires when a config needs validating. */
const SCHEMA_MODULE = join(ROOT, 'lambda', 'src', 'config', 'schema.ts');
export const CONFIG_SCHEMA_FILE = 'config-schema.js';
/** The locales whose words are bundled into a file of their own, and the tables' folder. */
export const OWN_FILE_LOCALES = ['de-DE', 'fr-FR'] as const;
const SPEECH_DIR = join(ROOT, 'lambda', 'src', 'speech');
export const speechFile = (locale: string) => `speech-${locale}.js`;
/** What only a locale's own file may hold: its table, its report's, cards' and screen's words. */
const LOCALE_ONLY = new RegExp(`lambda/src/speech/(${OWN_FILE_LOCALES.join('|')})(-report|-cards|-screen)?\\.ts$`);
/** The file beside index.js that holds ask-sdk-model's run-time code. */
export const ASK_SDK_MODEL_FILE = 'ask-sdk-model.js';
/** The one module allowed to use ask-sdk-model at run time, and only as the stand-in below provides it. */
const MODEL_USER = /node_modules\/ask-sdk-core\/dist\/skill\/CustomSkill\.js$/;

const COMMON = {
  platform: 'node',
  target: 'node22',
  format: 'cjs',
  bundle: true,
  minify: true,
  sourcemap: 'external',
  legalComments: 'none',
  metafile: true,
  write: false,
  // The SDK's ES module builds load some Node built-ins with import(); as require() they load faster, and also
  // inside Jest's module system, which refuses a real import() without --experimental-vm-modules.
  supported: { 'dynamic-import': false },
  logLevel: 'warning',
} as const satisfies BuildOptions;

/** In index.js, the SDK module is not bundled but required from aws-sdk.js, where the first AWS call needs it. */
const sdkInItsOwnFile: Plugin = {
  name: 'aws-sdk-in-its-own-file',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/sdk$/ }, (args) => (
      resolve(args.resolveDir, `${args.path}.ts`) === SDK_MODULE ? { path: `./${AWS_SDK_FILE}`, external: true } : undefined
    ));
  },
};

/** In index.js and notifier.js, the German and French tables are not bundled but required from their own files. */
const localeTablesInTheirOwnFiles: Plugin = {
  name: 'locale-tables-in-their-own-files',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/[a-z]{2}-[A-Z]{2}$/ }, (args) => {
      const locale = args.path.slice(2);
      const own = (OWN_FILE_LOCALES as readonly string[]).includes(locale) && resolve(args.resolveDir) === SPEECH_DIR;
      return own ? { path: `./${speechFile(locale)}`, external: true } : undefined;
    });
  },
};

/** The SSM client is not bundled where clients.ts and the SSM adapter require it, but required from aws-ssm.js. */
const ssmSdkInItsOwnFile: Plugin = {
  name: 'ssm-sdk-in-its-own-file',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/ssm-sdk$/ }, (args) => (
      resolve(args.resolveDir, `${args.path}.ts`) === SSM_SDK_MODULE ? { path: `./${AWS_SSM_FILE}`, external: true } : undefined
    ));
  },
};

/** In index.js, the screens are not bundled but required from screens.js, by the first screen a device asks for. */
const screensInTheirOwnFile: Plugin = {
  name: 'screens-in-their-own-file',
  setup(esbuild) {
    esbuild.onResolve({ filter: /(^|\/)screens\/render-document$/ }, (args) => (
      resolve(args.resolveDir, `${args.path}.ts`) === SCREENS_MODULE ? { path: `./${SCREENS_FILE}`, external: true } : undefined
    ));
  },
};

/**
 * In aws-sdk.js, the SDK clients' reference to their default credential chain gets the skill's provider instead
 * (credentials.ts), which requires the chain from aws-credentials.js when it needs it. The skill also hands the
 * provider to its clients itself (clients.ts): this only keeps the unused chain out of the file.
 */
const credentialChainOnDemand: Plugin = {
  name: 'credential-chain-on-demand',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^@aws-sdk\/credential-provider-node$/ }, () => ({ path: CREDENTIALS_MODULE }));
    esbuild.onResolve({ filter: /^\.\/credential-chain$/ }, (args) => (
      resolve(args.resolveDir, `${args.path}.ts`) === CHAIN_MODULE ? { path: `./${AWS_CREDENTIALS_FILE}`, external: true } : undefined
    ));
  },
};

/**
 * ask-sdk-core requires ask-sdk-model (60 KB, a third of index.js) only to read services.ServiceClientFactory when
 * its module loads, and constructs one only for a skill built with an API client, which this one is not. A
 * stand-in class takes its place and loads the real model from its own file if it is ever constructed: every cold
 * start saves some 3 ms of parsing and evaluating it. Our own code imports only types from ask-sdk-model.
 */
const askSdkModelOnDemand: Plugin = {
  name: 'ask-sdk-model-on-demand',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^ask-sdk-model$/ }, (args) => ({ path: args.path, namespace: 'ask-sdk-model-stand-in' }));
    esbuild.onResolve({ filter: /.*/, namespace: 'ask-sdk-model-stand-in' }, (args) => ({ path: args.path, external: true }));
    esbuild.onLoad({ filter: /.*/, namespace: 'ask-sdk-model-stand-in' }, () => ({
      loader: 'js',
      contents: `let model;
class ServiceClientFactory {
  constructor(options) {
    model ??= require('./${ASK_SDK_MODEL_FILE}');
    return new model.services.ServiceClientFactory(options);
  }
}
module.exports = { services: { ServiceClientFactory } };
`,
    }));
  },
};

/** In index.js and notifier.js, bundled.ts becomes the config the build validated, marked as validated. */
function validatedConfig(config: Config): Plugin {
  return {
    name: 'validated-config',
    setup(esbuild) {
      esbuild.onResolve({ filter: /(^|\/)bundled$/ }, (args) => (
        resolve(args.resolveDir, `${args.path}.ts`) === BUNDLED_CONFIG_MODULE ? { path: BUNDLED_CONFIG_MODULE, namespace: 'validated-config' } : undefined
      ));
      esbuild.onLoad({ filter: /.*/, namespace: 'validated-config' }, () => ({
        loader: 'js',
        contents: `module.exports = { bundledConfig: { validated: true, config: ${JSON.stringify(config)} } };\n`,
      }));
    },
  };
}

/** In index.js, the schema is not bundled but required from config-schema.js, by the first config that needs it. */
const schemaInItsOwnFile: Plugin = {
  name: 'schema-in-its-own-file',
  setup(esbuild) {
    esbuild.onResolve({ filter: /^\.\/schema$/ }, (args) => (
      resolve(args.resolveDir, `${args.path}.ts`) === SCHEMA_MODULE ? { path: `./${CONFIG_SCHEMA_FILE}`, external: true } : undefined
    ));
  },
};

/**
 * The bundled config, validated as the skill would validate it. What index.js carries is its JSON, so the validated
 * config must survive JSON unchanged (no dates, no undefined that matters): checked, not assumed.
 */
function validateBundledConfig(configPath: string): Config {
  const config = loadConfigFile(configPath);
  if (!isDeepStrictEqual(JSON.parse(JSON.stringify(config)), config)) {
    throw new Error(`the validated config from ${configPath} does not survive JSON unchanged, so it cannot be bundled as JSON`);
  }
  return config;
}

export interface BuildTarget {
  /** Where the bundles go (lambda/dist). */
  readonly outDir?: string;
  /** Where their source maps go (lambda/dist-maps). */
  readonly mapsDir?: string;
  /** The config to validate and bundle (lambda/push-to-prod.json). */
  readonly configPath?: string;
}

/** Bundles the Lambda; returns the size of each file written, in bytes, by path relative to the project. */
export async function buildBundle({ outDir = OUT_DIR, mapsDir = MAPS_DIR, configPath = CONFIG_FILE }: BuildTarget = {}): Promise<Record<string, number>> {
  const config = validateBundledConfig(configPath);
  const [sdkTrim, ssmTrim] = [sdkTrims(), sdkTrims()];
  const [main, notifier, sdk, ssm, chain, schema, model, screens, ...speech] = await Promise.all([
    build({
      ...COMMON, entryPoints: [ENTRY], outfile: join(outDir, 'index.js'),
      plugins: [sdkInItsOwnFile, ssmSdkInItsOwnFile, askSdkModelOnDemand, validatedConfig(config), schemaInItsOwnFile, screensInTheirOwnFile, localeTablesInTheirOwnFiles],
    }),
    build({
      ...COMMON, entryPoints: [NOTIFIER_ENTRY], outfile: join(outDir, NOTIFIER_FILE),
      plugins: [sdkInItsOwnFile, ssmSdkInItsOwnFile, askSdkModelOnDemand, validatedConfig(config), schemaInItsOwnFile, screensInTheirOwnFile, localeTablesInTheirOwnFiles],
    }),
    build({
      ...COMMON,
      entryPoints: [SDK_MODULE],
      outfile: join(outDir, AWS_SDK_FILE),
      // The packages' ES module builds, which esbuild can tree-shake down to the commands sdk.ts names: some 40 %
      // less to parse and evaluate than their CommonJS builds.
      mainFields: ['module', 'main'],
      plugins: [credentialChainOnDemand, sdkTrim.plugin],
    }),
    build({
      ...COMMON, entryPoints: [SSM_SDK_MODULE], outfile: join(outDir, AWS_SSM_FILE), mainFields: ['module', 'main'],
      plugins: [credentialChainOnDemand, ssmTrim.plugin],
    }),
    build({ ...COMMON, entryPoints: [CHAIN_MODULE], outfile: join(outDir, AWS_CREDENTIALS_FILE), mainFields: ['module', 'main'] }),
    build({ ...COMMON, entryPoints: [SCHEMA_MODULE], outfile: join(outDir, CONFIG_SCHEMA_FILE) }),
    build({ ...COMMON, entryPoints: [require.resolve('ask-sdk-model')], outfile: join(outDir, ASK_SDK_MODEL_FILE) }),
    build({ ...COMMON, entryPoints: [SCREENS_MODULE], outfile: join(outDir, SCREENS_FILE) }),
    ...OWN_FILE_LOCALES.map((locale) => build({ ...COMMON, entryPoints: [join(SPEECH_DIR, `${locale}.ts`)], outfile: join(outDir, speechFile(locale)) })),
  ]);
  for (const [file, bundle] of [['index.js', main], [NOTIFIER_FILE, notifier]] as const) {
    assertNoSdkIn(bundle.metafile, file);
    assertNoSchemaIn(bundle.metafile, file);
    assertModelOnlyUsedByCustomSkill(bundle.metafile, file);
    assertNoScreensIn(bundle.metafile, file);
  }
  assertNoNotifierIn(main.metafile);
  for (const [file, bundle] of [['index.js', main], [NOTIFIER_FILE, notifier]] as const) assertNoLocaleTablesIn(bundle.metafile, file);
  for (const bundle of speech) assertNoSdkIn(bundle.metafile, 'a locale\'s speech file');
  for (const [file, bundle, trim] of [[AWS_SDK_FILE, sdk, sdkTrim], [AWS_SSM_FILE, ssm, ssmTrim]] as const) {
    const [output] = Object.values(bundle.metafile.outputs).filter((o) => o.entryPoint !== undefined);
    assertSdkTrimmed(trim.record, file, clientPackagesIn(Object.keys(bundle.metafile.inputs)), output?.exports ?? []);
  }
  assertNoCredentialChainIn(sdk.metafile, AWS_SDK_FILE);
  assertNoCredentialChainIn(ssm.metafile, AWS_SSM_FILE);
  assertSelfContained(main.metafile, notifier.metafile, sdk.metafile, ssm.metafile, chain.metafile, schema.metafile, model.metafile, screens.metafile, ...speech.map((bundle) => bundle.metafile));

  // A stale file left in dist would be zipped and deployed with the new bundle.
  for (const dir of [outDir, mapsDir]) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  const written: Record<string, number> = {};
  // The files a Lambda loads on its usual paths get their top level made cheap to compile; the three it never loads
  // there (the credential chain, the schema for a config named at run time, ask-sdk-model) are left as esbuild wrote
  // them, which saves the build a second or two.
  for (const [bundle, lazy] of [[main, true], [notifier, true], [sdk, true], [ssm, true], [chain, false], [schema, false], [model, false], [screens, true], ...speech.map((s) => [s, true] as const)] as const) {
    for (const [path, contents] of writeBundle(bundle.outputFiles, outDir, mapsDir, lazy)) written[relative(ROOT, path)] = contents;
  }
  return written;
}

/**
 * Writes one bundle and its source map: the bundle (with its top level made lazy to compile, lazy-top-level.ts, when
 * `lazy`) and a sourceMappingURL into the maps folder, the map shifted to match. Returns each path written with its
 * size in bytes.
 */
function writeBundle(files: readonly OutputFile[], outDir: string, mapsDir: string, lazy: boolean): [string, number][] {
  const code = files.find((file) => file.path.endsWith('.js'));
  const map = files.find((file) => file.path.endsWith('.js.map'));
  if (code === undefined || map === undefined || files.length !== 2) throw new Error(`expected a bundle and its map, got ${files.map((f) => f.path).join(', ')}`);
  const name = basename(code.path);
  const output = lazy ? lazyTopLevel(code.text, name, map.text) : { code: code.text, map: map.text };
  // The map's sources are relative to where esbuild meant it to be, beside the bundle.
  const shifted = JSON.parse(output.map ?? map.text) as { sources: string[] };
  shifted.sources = shifted.sources.map((source) => relative(mapsDir, resolve(outDir, source)).split('\\').join('/'));
  const mapPath = join(mapsDir, `${name}.map`);
  const mapText = JSON.stringify(shifted);
  writeFileSync(mapPath, mapText);
  const codePath = join(outDir, name);
  const mapUrl = relative(outDir, mapPath).split('\\').join('/');
  writeFileSync(codePath, `${output.code}//# sourceMappingURL=${mapUrl}\n`);
  return [[mapPath, Buffer.byteLength(mapText)], [codePath, Buffer.byteLength(output.code)]];
}

/** The point of the split: a static import of the SDK in the skill would put it back on every cold start. */
function assertNoSdkIn(metafile: Metafile, file: string): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => /node_modules\/(@aws-sdk|@smithy)\//.test(input));
  if (leaked.length > 0) {
    throw new Error(`${file} must not contain the AWS SDK (it belongs in ${AWS_SDK_FILE} or ${AWS_SSM_FILE}), but bundles:\n  ${leaked.slice(0, 10).join('\n  ')}`);
  }
}

/** The chain's links belong in aws-credentials.js; in aws-sdk.js every cold start that calls AWS would parse them. */
function assertNoCredentialChainIn(metafile: Metafile, file: string): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => CHAIN_ONLY.test(input));
  if (leaked.length > 0) {
    throw new Error(`${file} must not contain the credential chain (it belongs in ${AWS_CREDENTIALS_FILE}), but bundles:\n  ${leaked.slice(0, 10).join('\n  ')}`);
  }
}

/** The schema and zod belong in config-schema.js: in index.js every cold start would parse them. */
function assertNoSchemaIn(metafile: Metafile, file: string): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => /node_modules\/zod\//.test(input) || input.endsWith('lambda/src/config/schema.ts') || input.endsWith('lambda/push-to-prod.json'));
  if (leaked.length > 0) throw new Error(`${file} must not contain the config schema, zod or the raw config, but bundles:\n  ${leaked.slice(0, 10).join('\n  ')}`);
}

/** The APL document and its renderer belong in screens.js: in index.js every cold start would parse them. */
function assertNoScreensIn(metafile: Metafile, file: string): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => SCREENS_ONLY.test(input));
  if (leaked.length > 0) throw new Error(`${file} must not contain the screens (they belong in ${SCREENS_FILE}), but bundles:\n  ${leaked.join('\n  ')}`);
}

/** The notifier, the Alexa adapters and the SSM client are the notifier's: the skill's cold start must not parse them. */
function assertNoNotifierIn(metafile: Metafile): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => NOTIFIER_ONLY.test(input));
  if (leaked.length > 0) throw new Error(`index.js must not contain the notifier's code (it belongs in ${NOTIFIER_FILE}), but bundles:\n  ${leaked.slice(0, 10).join('\n  ')}`);
}

/** The German and French words belong in their own files: in index.js every cold start would parse them. */
function assertNoLocaleTablesIn(metafile: Metafile, file: string): void {
  const leaked = Object.keys(metafile.inputs).filter((input) => LOCALE_ONLY.test(input));
  if (leaked.length > 0) throw new Error(`${file} must not contain another language's words (they belong in ${OWN_FILE_LOCALES.map(speechFile).join(', ')}), but bundles:\n  ${leaked.join('\n  ')}`);
}

/** The stand-in for ask-sdk-model covers what CustomSkill.js reads of it; any other user would get the stand-in too. */
function assertModelOnlyUsedByCustomSkill(metafile: Metafile, file: string): void {
  const users = Object.entries(metafile.inputs)
    .filter(([, input]) => input.imports.some((imported) => imported.path === 'ask-sdk-model-stand-in:ask-sdk-model'))
    .map(([input]) => input);
  // None at all is fine too (the notifier, which no longer reaches ask-sdk-core's index through the speech tables).
  if (users.some((user) => !MODEL_USER.test(user)) || users.length > 1) {
    throw new Error(`ask-sdk-model is used at run time in ${file} by ${users.join(', ')}; the stand-in in tools/build.ts covers only CustomSkill.js`);
  }
}

/** Lambda gets lambda/dist and nothing else: the bundles may require Node's built-ins and each other, no package. */
function assertSelfContained(...metafiles: Metafile[]): void {
  const outside = metafiles.flatMap((metafile) => Object.values(metafile.outputs))
    .flatMap((output) => output.imports)
    .filter((imported) => imported.external && !isBuiltin(imported.path) && ![AWS_SDK_FILE, AWS_SSM_FILE, AWS_CREDENTIALS_FILE, CONFIG_SCHEMA_FILE, ASK_SDK_MODEL_FILE, SCREENS_FILE, ...OWN_FILE_LOCALES.map(speechFile)].includes(imported.path.slice(2)))
    .map((imported) => `${imported.path} (${imported.kind})`);
  if (outside.length > 0) throw new Error(`lambda/dist would need modules it does not hold:\n  ${[...new Set(outside)].join('\n  ')}`);
}

if (require.main === module) {
  buildBundle().then((sizes) => {
    for (const [file, bytes] of Object.entries(sizes)) console.log(`${file}  ${(bytes / 1024).toFixed(1)} KiB`);
  }, (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
