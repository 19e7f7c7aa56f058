/**
 * `npm run bench`: how long a cold start of the built skill makes Alexa wait, next to a naive ask-sdk skill
 * (bench/baseline), measured in fresh Node processes against local AWS on loopback (CodePipeline, CodeDeploy, and the
 * skill's state table in DynamoDB, as deployed); warm per-request latency; peak memory; and the size of the zip
 * ask-cli would deploy. Prints a Markdown table; asserts nothing.
 *
 *   npm run bench [-- --samples 25 --launches 5000 --statuses 300]
 */
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { RequestEnvelope } from 'ask-sdk-model';
import { parseConfig } from '../lambda/src/config/load';
import { ALLOWED_USER, intent, intentRequest, launch, SKILL_ID, slot } from '../tests/support/envelopes';
import { buildBundle } from '../tools/build';
import { startLocalAws, type LocalAws } from '../tools/local-aws';
import { dependencyClosureEntries, folderEntries, zipCommandSize, zipSize, type ZipEntry } from './artifact';
import { coldSample, killRunningChildren, warmSeries, type ColdSample, type ResponseSummary } from './measure';
import { describeRatios, median, pairedRatios, quantile, table, type Row } from './report';

const ROOT = resolve(__dirname, '..');
const BASELINE_DIR = join(__dirname, 'baseline');
const BASELINE_HANDLER = join(BASELINE_DIR, 'index.js');
/** What the baseline's package.json would list: ask-cli installs these (and theirs) into the Lambda zip. */
const BASELINE_DEPENDENCIES = ['ask-sdk-core', '@aws-sdk/client-codepipeline', '@aws-sdk/client-codedeploy'];
const MiB = 1024 * 1024;

const BENCH_CONFIG = parseConfig({
  skillId: SKILL_ID,
  allowedUsers: [ALLOWED_USER],
  region: 'us-east-1',
  timeZone: 'UTC',
  // As deployed: the stack gives the skill a table for locks and release-code lockouts, and local AWS serves one.
  stateTable: 'push-to-prod-state',
  services: [{
    name: 'checkout',
    synonyms: ['checkout service'],
    environments: {
      production: { pipeline: 'checkout-prod', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-prod' } },
      staging: { pipeline: 'checkout-staging', codeDeploy: { application: 'checkout', deploymentGroup: 'checkout-staging' } },
    },
  }],
}, 'bench config');

const target = () => ({ service: slot('service', 'checkout', 'checkout'), environment: slot('environment', 'production', 'production') });

interface Scenario {
  readonly name: 'launch' | 'deploy' | 'deploy-no-table' | 'status';
  readonly label: string;
  readonly request: RequestEnvelope;
  /**
   * The request for one sample, when it depends on what local AWS holds then: a yes acts only on the read-back its
   * session holds, and the deploy's read-back names the pipeline's latest execution, which every sample changes.
   */
  readonly requestNow?: (localAws: LocalAws) => RequestEnvelope;
  /** The skill runs with the config minus its state table, so locks live in memory: no DynamoDB call. */
  readonly withoutStateTable?: boolean;
  /** Why a response does not count as the scenario having happened, or undefined when it does. */
  check(response: ResponseSummary, localAws: LocalAws): string | undefined;
}

const SCENARIOS: readonly Scenario[] = [
  {
    name: 'launch', label: 'LaunchRequest', request: launch(),
    check: (r) => (r.speech !== '' && r.shouldEndSession === false ? undefined : 'no greeting that keeps the session open'),
  },
  {
    name: 'deploy', label: 'confirmed Deploy', request: confirmedDeploy('none'), requestNow: (aws) => confirmedDeploy(latestExecutionId(aws)),
    check: (r) => (/has started/.test(r.speech) ? undefined : 'the pipeline was not started'),
  },
  {
    // The baseline's two calls and nothing else: what the skill's own code costs, without the lock read.
    name: 'deploy-no-table', label: 'confirmed Deploy without a state table', withoutStateTable: true,
    request: confirmedDeploy('none'), requestNow: (aws) => confirmedDeploy(latestExecutionId(aws)),
    check: (r) => (/has started/.test(r.speech) ? undefined : 'the pipeline was not started'),
  },
  {
    name: 'status', label: 'StatusIntent', request: intentRequest(intent('StatusIntent', target()), undefined, 'COMPLETED'),
    check: (r) => (r.speech !== '' && !/sorry/i.test(r.speech) ? undefined : 'no status was said'),
  },
];

/** The yes to the read-back of a deploy after `lastExecutionId`, in the session that heard it (as Alexa sends it). */
function confirmedDeploy(lastExecutionId: string): RequestEnvelope {
  const pending = { action: 'deploy', service: 'checkout', environment: 'production', key: `after:${lastExecutionId}` };
  return intentRequest(intent('DeployIntent', target(), 'CONFIRMED'), { newSession: false, attributes: { pending } }, 'COMPLETED');
}

/** The execution ListPipelineExecutions puts first for checkout-prod: what the skill's read-back named. */
function latestExecutionId(aws: LocalAws): string {
  const [latest] = [...aws.store.pipeline('checkout-prod').executions].sort((a, b) => b.startedAt - a.startedAt);
  return latest?.id ?? 'none';
}

function scenarioNamed(name: Scenario['name']): Scenario {
  const scenario = SCENARIOS.find((s) => s.name === name);
  if (scenario === undefined) throw new Error(`no scenario ${name}`);
  return scenario;
}

const SYSTEMS = ['skill', 'baseline'] as const;
type SystemName = (typeof SYSTEMS)[number];

/** Which handler file and environment a measured process gets, for each system and scenario. */
interface Runs {
  handler(system: SystemName, scenario: Scenario): string;
  env(system: SystemName): NodeJS.ProcessEnv;
}

async function main(): Promise<void> {
  const { values: options } = parseArgs({
    options: {
      samples: { type: 'string', default: '25' },
      launches: { type: 'string', default: '5000' },
      statuses: { type: 'string', default: '300' },
    },
  });
  const samples = Number(options.samples);

  const work = mkdtempSync(join(tmpdir(), 'ptp-bench-'));
  const home = join(work, 'home');
  mkdirSync(home);
  const configPath = join(work, 'push-to-prod.json');
  writeFileSync(configPath, JSON.stringify(BENCH_CONFIG, null, 2));
  const noTableConfigPath = join(work, 'push-to-prod.no-table.json');
  writeFileSync(noTableConfigPath, JSON.stringify({ ...BENCH_CONFIG, stateTable: undefined }, null, 2));
  // The skill as `npm run build` makes it for a deploy: its config validated at build time and bundled.
  console.error('building the skill with the bench config bundled …');
  const dists = { asDeployed: join(work, 'dist'), noTable: join(work, 'dist-no-table') };
  await buildBundle({ outDir: dists.asDeployed, mapsDir: join(work, 'dist-maps'), configPath });
  await buildBundle({ outDir: dists.noTable, mapsDir: join(work, 'dist-no-table-maps'), configPath: noTableConfigPath });
  const requestPaths = Object.fromEntries(SCENARIOS.map((s) => {
    const path = join(work, `${s.name}.json`);
    writeFileSync(path, JSON.stringify(s.request));
    return [s.name, path];
  })) as Record<Scenario['name'], string>;

  // Short stages: a release started by one sample has finished before the next sample asks whether one is running.
  const localAws = await startLocalAws({ config: BENCH_CONFIG, stageDurationMs: 1, deploymentDurationMs: 1, region: 'us-east-1' });
  const interrupt = () => {
    killRunningChildren();
    void localAws.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupt);
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    // An empty home, as on Lambda: no ~/.aws profile of the developer's is read or used.
    HOME: home,
    ...localAws.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
  const runs: Runs = {
    handler: (system, scenario) => (system === 'baseline' ? BASELINE_HANDLER : join(scenario.withoutStateTable ? dists.noTable : dists.asDeployed, 'index.js')),
    // The baseline reads its config from the file, as the ask-sdk samples do; the skill carries its own.
    env: (system) => (system === 'baseline' ? { ...env, PUSH_TO_PROD_CONFIG: configPath } : env),
  };

  try {
    const cold = await coldRuns(samples, requestPaths, runs, localAws);
    console.error('warm latency …');
    const warm = await warmRuns(requestPaths, runs, localAws, Number(options.launches), Number(options.statuses));
    const artifact = artifactSizes(dists.asDeployed);
    printReport(samples, cold, warm, artifact);
  } finally {
    process.removeListener('SIGINT', interrupt);
    await localAws.close();
    rmSync(work, { recursive: true, force: true });
  }
}

type ColdResults = Record<Scenario['name'], Record<SystemName, ColdSample[]>>;

/** Cold starts, one fresh process each; skill and baseline alternate who goes first, to share the machine's noise. */
async function coldRuns(samples: number, requestPaths: Record<Scenario['name'], string>, runs: Runs, localAws: LocalAws): Promise<ColdResults> {
  const results = Object.fromEntries(SCENARIOS.map((s) => [s.name, { skill: [], baseline: [] }])) as unknown as ColdResults;
  // Round 0 is a warm-up of the file cache and is not counted.
  for (let round = 0; round <= samples; round += 1) {
    console.error(round === 0 ? 'cold starts: warming the file cache …' : `cold starts: round ${round}/${samples}`);
    for (const scenario of SCENARIOS) {
      const order = round % 2 === 0 ? SYSTEMS : [...SYSTEMS].reverse();
      for (const system of order) {
        if (scenario.requestNow) writeFileSync(requestPaths[scenario.name], JSON.stringify(scenario.requestNow(localAws)));
        const started = localAws.mutatingCalls().length;
        const sample = await coldSample(runs.handler(system, scenario), requestPaths[scenario.name], runs.env(system));
        verify(scenario, system, sample, localAws, started);
        if (round > 0) results[scenario.name][system].push(sample);
      }
    }
  }
  return results;
}

function verify(scenario: Scenario, system: SystemName, response: ResponseSummary, localAws: LocalAws, mutatingBefore: number): void {
  const problem = scenario.check(response, localAws);
  const mutating = localAws.mutatingCalls().slice(mutatingBefore).map((c) => c.operation);
  const expected = scenario.name.startsWith('deploy') ? ['StartPipelineExecution'] : [];
  const calls = mutating.join(',') === expected.join(',') ? undefined : `changed AWS with [${mutating.join(', ')}]`;
  if (problem !== undefined || calls !== undefined) {
    throw new Error(`${system} ${scenario.label}: ${problem ?? calls}; it said: ${response.speech}`);
  }
}

interface WarmResults {
  readonly launch: Record<SystemName, readonly number[]>;
  readonly status: Record<SystemName, readonly number[]>;
}

async function warmRuns(requestPaths: Record<Scenario['name'], string>, runs: Runs, localAws: LocalAws, launches: number, statuses: number): Promise<WarmResults> {
  const run = async (scenario: Scenario, count: number, warmup: number) => {
    const out = {} as Record<SystemName, readonly number[]>;
    for (const system of SYSTEMS) {
      const series = await warmSeries(runs.handler(system, scenario), requestPaths[scenario.name], runs.env(system), count, warmup);
      verify(scenario, system, series, localAws, localAws.mutatingCalls().length);
      out[system] = series.latencies;
    }
    return out;
  };
  const [launchScenario, statusScenario] = [scenarioNamed('launch'), scenarioNamed('status')];
  return { launch: await run(launchScenario, launches, 500), status: await run(statusScenario, statuses, 30) };
}

interface ArtifactSizes {
  readonly skill: number;
  readonly baseline: number;
  readonly skillZipCommand?: number;
  readonly baselineZipCommand?: number;
  readonly skillFiles: readonly ZipEntry[];
}

/** What ask-cli would zip: the built folder for the skill; the baseline file and its installed dependencies. */
function artifactSizes(skillDist: string): ArtifactSizes {
  const skillFiles = folderEntries(skillDist);
  const baselineFiles = [{ name: 'index.js', path: BASELINE_HANDLER }, ...dependencyClosureEntries(BASELINE_DEPENDENCIES, ROOT)];
  return {
    skill: zipSize(skillFiles),
    baseline: zipSize(baselineFiles),
    skillZipCommand: zipCommandSize(skillFiles),
    baselineZipCommand: zipCommandSize(baselineFiles),
    skillFiles,
  };
}

function printReport(samples: number, cold: ColdResults, warm: WarmResults, artifact: ArtifactSizes): void {
  const coldMedian = (scenario: Scenario['name'], system: SystemName, pick: (s: ColdSample) => number) => median(cold[scenario][system].map(pick));
  const coldRow = (scenario: Scenario, maxRatio?: number): Row => ({
    label: `cold ${scenario.label}: require → first response (median)`,
    skill: coldMedian(scenario.name, 'skill', (s) => s.firstResponseMs),
    baseline: coldMedian(scenario.name, 'baseline', (s) => s.firstResponseMs),
    unit: 'ms',
    target: maxRatio === undefined ? undefined : { kind: 'ratio', max: maxRatio },
  });
  const rows: Row[] = [
    coldRow(scenarioNamed('launch'), 0.25),
    coldRow(scenarioNamed('deploy'), 0.9),
    coldRow(scenarioNamed('deploy-no-table')),
    coldRow(scenarioNamed('status'), 0.85),
    {
      label: '… of which require (module evaluation), LaunchRequest',
      skill: coldMedian('launch', 'skill', (s) => s.requireMs),
      baseline: coldMedian('launch', 'baseline', (s) => s.requireMs),
      unit: 'ms',
    },
    { label: 'warm LaunchRequest p50', skill: quantile(warm.launch.skill, 0.5), baseline: quantile(warm.launch.baseline, 0.5), unit: 'ms' },
    {
      label: 'warm LaunchRequest p99 (handler overhead)', skill: quantile(warm.launch.skill, 0.99), baseline: quantile(warm.launch.baseline, 0.99),
      unit: 'ms', target: { kind: 'absolute', max: 2 },
    },
    { label: 'warm StatusIntent p50 (local AWS)', skill: quantile(warm.status.skill, 0.5), baseline: quantile(warm.status.baseline, 0.5), unit: 'ms' },
    { label: 'warm StatusIntent p99 (local AWS)', skill: quantile(warm.status.skill, 0.99), baseline: quantile(warm.status.baseline, 0.99), unit: 'ms' },
    ...SCENARIOS.map((scenario): Row => ({
      label: `peak memory, cold ${scenario.label} (maxRSS, median)`,
      skill: coldMedian(scenario.name, 'skill', (s) => s.maxRssKb) / 1024,
      baseline: coldMedian(scenario.name, 'baseline', (s) => s.maxRssKb) / 1024,
      unit: 'MiB',
    })),
    {
      label: 'deployable artifact (zip of what ask-cli uploads)', skill: artifact.skill / MiB, baseline: artifact.baseline / MiB,
      unit: 'MiB', target: { kind: 'absolute', max: 1 },
    },
  ];

  const cpu = cpus();
  console.log([
    `push-to-prod bench — ${new Date().toISOString()}`,
    `node ${process.version}, ${process.platform}/${process.arch}, ${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB`,
    `cold: ${samples} fresh processes per request and system, interleaved; warm: ${warm.launch.skill.length} LaunchRequests and ${warm.status.skill.length} StatusIntents in one process each`,
    '',
    table(rows),
    '',
    'Paired by round, each skill sample over the baseline sample taken beside it (median, and the middle half of the rounds):',
    ...SCENARIOS.map((scenario) => {
      const pick = (system: SystemName) => cold[scenario.name][system].map((s) => s.firstResponseMs);
      return `- cold ${scenario.label}: ${describeRatios(pairedRatios(pick('skill'), pick('baseline')))}`;
    }),
    '',
    `zip sizes computed with node:zlib (deflate, default level, plus zip headers)${artifact.skillZipCommand === undefined ? '; the zip command is not installed' : `; \`zip -6\` gives ${(artifact.skillZipCommand / MiB).toFixed(2)} MiB (skill) and ${((artifact.baselineZipCommand ?? Number.NaN) / MiB).toFixed(2)} MiB (baseline)`}.`,
    `skill zip holds: ${artifact.skillFiles.map((f) => `${f.name} (${(statSync(f.path).size / 1024).toFixed(0)} KiB)`).join(', ')}.`,
    'baseline zip: bench/baseline/index.js and the installed closure of ask-sdk-core, @aws-sdk/client-codepipeline, @aws-sdk/client-codedeploy.',
  ].join('\n'));
}

main().catch((error: unknown) => {
  killRunningChildren();
  console.error(error instanceof Error ? error.stack ?? error.message : error);
  process.exitCode = 1;
});
