import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseConfig } from '../../lambda/src/config/load';
import { accountClients, AccountAccessError, describeFailure, type AccountClients } from '../account/clients';
import { readInventory, type Inventory } from '../account/inventory';
import { regenerate, type Artefacts } from '../model/generate';
import { formatJson } from '../model/interaction-model';
import { mergeConfig } from './merge';
import type { Prompter } from './prompter';
import { propose, type LeftOut, type Proposal } from './propose';

/** Setup cannot go on: said in one line, nothing written. */
export class SetupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SetupError';
  }
}

export interface SetupOptions {
  /** The config file to write (and to keep the people of, when it exists). */
  readonly out: string;
  /** Take every proposal without asking. */
  readonly yes: boolean;
  readonly region?: string;
  /** Needed unless `yes`. */
  readonly prompter?: Prompter;
  /** Where the model and policy are regenerated; false: not at all (a config written elsewhere than the bundled one). */
  readonly artefacts: Artefacts | false;
  readonly log: (line: string) => void;
  /** Clients to use; by default the SDK's own chain, region and endpoints. */
  readonly clients?: AccountClients;
}

export interface SetupResult {
  readonly config: Record<string, unknown>;
  readonly chosen: readonly Proposal[];
  readonly leftOut: readonly LeftOut[];
  readonly notes: readonly string[];
}

const SPOKEN = /^[a-z0-9][a-z0-9 '.-]{0,59}$/i;
const spokenName = (text: string): string | true => SPOKEN.test(text) || 'letters, digits, spaces, apostrophes, hyphens and periods, up to 60';

const describe = (p: { pipeline?: string; codeDeploy?: { application: string; deploymentGroup: string } }) => [
  p.pipeline === undefined ? undefined : `pipeline ${p.pipeline}`,
  p.codeDeploy === undefined ? undefined : `CodeDeploy ${p.codeDeploy.application}/${p.codeDeploy.deploymentGroup}`,
].filter(Boolean).join(' + ');

function readExisting(path: string): Record<string, unknown> | undefined {
  if (!existsSync(path)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new SetupError(`${path} is not JSON (${(error as Error).message}); fix it or move it away, then run setup again`, { cause: error });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new SetupError(`${path} does not hold a JSON object; fix it or move it away`);
  return parsed as Record<string, unknown>;
}

async function inventoryOf(options: SetupOptions): Promise<Inventory> {
  const clients = options.clients ?? await accountClients({ region: options.region });
  try {
    options.log(`Reading pipelines and CodeDeploy applications in ${clients.region} …`);
    return await readInventory(clients);
  } catch (error) {
    if (error instanceof AccountAccessError) throw error;
    throw new SetupError(describeFailure(error, 'list pipelines and deployment groups'), { cause: error });
  } finally {
    if (options.clients === undefined) clients.destroy();
  }
}

/** Asks about each thing no proposal covers; returns those the person placed. */
async function placeLeftOut(prompter: Prompter, leftOut: readonly LeftOut[]): Promise<Proposal[]> {
  const placed: Proposal[] = [];
  for (const item of leftOut) {
    if (!await prompter.confirm(`${describe(item)} ${item.why}. Add it as a service and environment?`, false)) continue;
    const service = await prompter.input('Service name, as people will say it:', spokenName);
    const environment = await prompter.input('Environment, as people will say it (production, staging, …):', spokenName);
    placed.push({ service, environment, pipeline: item.pipeline, codeDeploy: item.codeDeploy, evidence: 'names', because: 'you placed it' });
  }
  return placed;
}

/**
 * `npm run setup`: reads the account, proposes services and environments, asks (unless `yes`), writes the config
 * merged into the existing one, validates it with the skill's own schema, and regenerates the model and the policy.
 */
export async function runSetup(options: SetupOptions): Promise<SetupResult> {
  const existing = readExisting(options.out);
  const inventory = await inventoryOf(options);
  const { proposals, leftOut } = propose(inventory);
  options.log(`Found ${inventory.pipelines.length} pipeline(s) and ${inventory.applications.reduce((n, a) => n + a.deploymentGroups.length, 0)} deployment group(s).`);

  let chosen: Proposal[];
  if (options.yes) {
    chosen = [...proposals];
  } else {
    const prompter = options.prompter;
    if (prompter === undefined) throw new SetupError('setup asks questions: run it in a terminal, or pass --yes to take every proposal');
    chosen = proposals.length === 0 ? [] : await prompter.checkbox('Services and environments found (space toggles, enter accepts):', proposals.map((p) => ({
      name: `${p.service} ${p.environment}: ${describe(p)}  (${p.because})`, value: p, checked: true,
    })));
    chosen.push(...await placeLeftOut(prompter, leftOut));
  }
  if (chosen.length === 0) {
    throw new SetupError(`nothing to write: no pipeline or deployment group in ${inventory.region} was placed; is that the account's region (AWS_REGION, --region)?`);
  }

  const { config, notes } = mergeConfig(existing, chosen, inventory);
  // The skill's own schema: what setup writes, the skill accepts (ConfigError, naming each field, otherwise).
  parseConfig(config, options.out);
  for (const p of chosen) options.log(`  ${p.service} ${p.environment}: ${describe(p)}  (${p.because})`);
  if (options.yes) for (const item of leftOut) options.log(`  left out: ${describe(item)} ${item.why}`);
  for (const note of notes) options.log(`  ${note}`);
  if (!options.yes && !await (options.prompter as Prompter).confirm(`Write ${options.out}?`, true)) throw new SetupError('nothing written');

  writeFileSync(options.out, formatJson(config));
  options.log(`Wrote ${options.out}.`);
  if (options.artefacts !== false) {
    for (const { path, changed } of regenerate(options.out, options.artefacts)) options.log(`${changed ? 'updated  ' : 'unchanged'} ${path}`);
  }
  return { config, chosen, leftOut, notes };
}
