import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ManualClock, type LocalAws } from '../../tools/local-aws';
import { startDialog } from '../../tools/dialog/session';
import { formatTranscript, readReplayFile, type Turn } from '../../tools/simulator';
import { sharedBundle } from '../support/shared-bundle';
import { silentLogger } from '../../lambda/src/logging/logger';
import { alexaRefusals } from '../support/alexa-response-rules';
import { SCENARIOS, setAlarms, type DialogSetup } from './scenarios';

/**
 * Every `ask dialog` replay file here runs through the simulator against the BUILT skill (lambda/dist) and the local
 * AWS, and its transcript must equal `<name>.transcript.txt`. The same replay files run against the deployed skill
 * with `ask dialog --replay`. The simulator refuses a response Alexa would refuse, and every response is also checked
 * against ask-sdk-model's schema (alexa-response-rules.ts). UPDATE_DIALOGS=1 rewrites the transcripts: read the diff
 * before committing it.
 */
const DIR = __dirname;
const names = readdirSync(DIR).filter((f) => f.endsWith('.json') && !f.endsWith('.setup.json')).map((f) => f.replace(/\.json$/, '')).sort();
const FIXED_NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
/**
 * The progressive-response threshold of a dialog whose setup names none. The skill's own (800 ms of real time) was
 * crossed by ordinary turns on a loaded machine, adding a progressive line the transcript does not have; the dialogs
 * about progressive responses (hung-aws, status-slow-aws) name the skill's threshold in their setup.
 */
const RELAXED_PROGRESS_THRESHOLD_MS = 5000;

/**
 * Runs every `shards`-th replay file, starting at `shard`, against the bundle the run shares (shared-bundle.ts: built
 * once, into a folder of the run's own, so that parts run side by side in jest's workers without building it each).
 */
export function replayDialogs(shard: number, shards: number): void {
  let distDir: string;

  beforeAll(async () => {
    distDir = (await sharedBundle()).outDir;
  }, 60_000);

  describe(`ask dialog replays (part ${shard + 1} of ${shards})`, () => {
    if (shard === 0) {
      it('has the conversations we care about', () => {
        expect(names.length).toBeGreaterThanOrEqual(12);
      });
    }

    it.each(names.filter((_, index) => index % shards === shard))('%s', async (name) => {
      const replay = await readReplayFile(join(DIR, `${name}.json`));
      const setupPath = join(DIR, `${name}.setup.json`);
      const setup = (existsSync(setupPath) ? JSON.parse(readFileSync(setupPath, 'utf8')) : {}) as DialogSetup;
      // Every response, also those to SessionEndedRequests nobody hears, is held to what Alexa accepts.
      const refusals: string[] = [];
      const session = await startDialog({
        skillId: replay.skillId, locale: replay.locale, userId: setup.userId, personId: setup.personId,
        configPath: setup.config === undefined ? undefined : resolve(DIR, '..', '..', setup.config),
        built: true, distDir, clock: new ManualClock(FIXED_NOW), seed: 7, logger: silentLogger, progressThresholdMs: setup.progressThresholdMs ?? RELAXED_PROGRESS_THRESHOLD_MS,
        device: setup.device,
        onSkillIo: (request, response) => refusals.push(...alexaRefusals(request, response).map((r) => `${request.request.type}: ${r}`)),
        // (The simulator itself holds every APL document to apl-suggester: a refused one fails the turn.)
      });
      try {
        if (setup.scenario) SCENARIOS[setup.scenario](session.localAws!);
        setAlarms(session.localAws!, setup.alarms);
        for (const fault of setup.faults ?? []) session.localAws!.faults.inject(fault);
        const turns: Turn[] = [];
        if (replay.task) turns.push((await session.startTask(replay.task.name, replay.task.input, replay.task.version)).turn);
        for (const input of replay.userInputs) turns.push((await session.say(input)).turn);
        expect(turns.flatMap((turn) => (turn.error === undefined ? [] : [`${turn.user}: ${String(turn.error)}`]))).toEqual([]);
        expect(refusals).toEqual([]);
        const transcript = formatTranscript(turns);
        const expectedPath = join(DIR, `${name}.transcript.txt`);
        if (process.env.UPDATE_DIALOGS === '1') writeFileSync(expectedPath, transcript);
        expect(transcript).toBe(readFileSync(expectedPath, 'utf8'));
        const mutating = session.localAws!.mutatingCalls().map((c) => c.operation);
        // The replay format has no room for assertions, so the AWS changes each dialog may make are listed below.
        expect({ name, mutating }).toEqual({ name, mutating: MUTATIONS[name] ?? [] });
        CHECKS[name]?.(session.localAws!);
      } finally {
        await session.close();
      }
    }, 30_000);
  });
}

/** The AWS changes each conversation must make; a dialog not listed here must change nothing. */
const MUTATIONS: Record<string, string[]> = {
  'deploy-yes': ['StartPipelineExecution'],
  // The same deploy in other languages and markets: the yes starts the pipeline there too.
  'de-DE-deploy-yes': ['StartPipelineExecution'],
  'fr-FR-deploy-yes': ['StartPipelineExecution'],
  'en-GB-deploy-yes': ['StartPipelineExecution'],
  'deploy-one-shot-yes': ['StartPipelineExecution'],
  'deploy-elicit-environment': ['StartPipelineExecution'],
  'rollback-yes': ['CreateDeployment'],
  'rollback-stop-yes': ['StopDeployment'],
  'alarm-admin-override': ['StartPipelineExecution'],
  'alarm-rollback-yes': ['CreateDeployment'],
  'promote-yes': ['StartPipelineExecution'],
  'screen-promote-yes': ['StartPipelineExecution'],
  // On an Echo Show the read-back is a plain question with its screen: the yes (AMAZON.YesIntent) ships as on a speaker.
  'screen-deploy-yes': ['StartPipelineExecution'],
  'screen-deploy-release-code': ['StartPipelineExecution'],
  // The release code said in German ("siebenundvierzig elf") and French ("quatre sept un un") reaches the skill as 4711.
  'de-DE-deploy-release-code': ['StartPipelineExecution'],
  'fr-FR-deploy-release-code': ['StartPipelineExecution'],
  'approve-yes': ['PutApprovalResult'],
  reject: ['PutApprovalResult'],
  'task-push-to-prod': ['StartPipelineExecution'],
  'deploy-yes-then-offer-declined': ['StartPipelineExecution', 'StartPipelineExecution'],
};

/** What some conversations must have sent, beyond which calls. */
const CHECKS: Record<string, (aws: LocalAws) => void> = {
  // Production starts with the commit of staging's latest succeeded release, not with the newest commit.
  'promote-yes': (aws) => {
    const [start] = aws.mutatingCalls();
    const staging = aws.calls().find((call) => call.operation === 'ListPipelineExecutions' && call.input.pipelineName === 'checkout-staging');
    expect(staging).toBeDefined();
    const pipeline = aws.store.pipeline('checkout-staging');
    const succeeded = pipeline.executions.filter((e) => aws.store.view(e).status === 'Succeeded').sort((a, b) => b.startedAt - a.startedAt)[0];
    expect(start?.input.sourceRevisions).toEqual([{ actionName: 'Source', revisionType: 'COMMIT_ID', revisionValue: succeeded?.sourceRevisions[0]?.revisionId }]);
    expect(succeeded?.sourceRevisions[0]?.revisionId).not.toBe(aws.store.pipeline('checkout-prod').head.revisionId);
  },
};
