import type { interfaces } from 'ask-sdk-model';
import type { StageState } from '../domain/release';
import type { ScreenLine, ScreenMessages } from '../speech/screen-messages';
import document from './release-screen.apl.json';
import type { ReadBackSubject, ScreenView } from './screen-view';

/*
 * The APL side of a screen: the document, and the data source built from a view with the locale's words. This file
 * (with the document) is bundled on its own, as screens.js beside index.js, and required by the Turn only when a
 * device that supports APL is to get a screen: a LaunchRequest, and any answer to a voice-only device, never parse it.
 */

/** The APL version the document declares; a device whose runtime is older gets the voice answer alone. */
export const DOCUMENT_VERSION = document.version;
/** Every token this skill gives a document starts so: Alexa sends it back in the context and in UserEvents. */
export const TOKEN_PREFIX = 'push-to-prod.';
/** Bounds on what the data source carries, so that a pipeline with many stages cannot push the response past 24 KB. */
const MAX_STAGES = 20;
const MAX_TEXT = 100;

export type RenderDocumentDirective = interfaces.alexa.presentation.apl.RenderDocumentDirective;

/** What the document shows of a stage: its name, its state in words, and a tone and mark that do not depend on the locale. */
export interface StageTile {
  readonly name: string;
  readonly state: string;
  readonly tone: StageTone;
  readonly mark: string;
}

export type StageTone = 'done' | 'running' | 'waiting' | 'failed' | 'stopped' | 'idle';

/** The data source the document binds as payload.screen. */
export interface ScreenData {
  readonly heading: string;
  readonly where: string;
  readonly stages: readonly StageTile[];
  readonly lines: readonly ScreenLine[];
  readonly hint: string;
}

/** The RenderDocument directive that shows `view` in the words of `words`. */
export function renderDocument(view: ScreenView, words: ScreenMessages): RenderDocumentDirective {
  return {
    type: 'Alexa.Presentation.APL.RenderDocument',
    token: `${TOKEN_PREFIX}${view.kind}`,
    document,
    datasources: { screen: screenData(view, words) },
  };
}

/** The data source for `view`: every word from the locale table, every text cut to a size a screen can show. */
export function screenData(view: ScreenView, words: ScreenMessages): ScreenData {
  const where = words.screenWhere(view.where);
  switch (view.kind) {
    case 'status': {
      const heading = words.screenHeading(view.kind);
      const lines: ScreenLine[] = [];
      if (view.latestExecution) lines.push(...words.screenRelease('latest', view.latestExecution));
      else if (view.stages.length > 0) lines.push(words.screenNoReleases());
      if (view.latestDeployment) lines.push(words.screenDeployment(view.latestDeployment));
      const running = view.latestExecution && ['InProgress', 'Stopping'].includes(view.latestExecution.status) ? view.latestExecution.id : undefined;
      // While a release runs, a stage that still shows an earlier execution has not been reached by it yet.
      const earlier = (stage: StageState) => running !== undefined && stage.executionId !== undefined && stage.executionId !== running;
      const stages = view.stages.slice(0, MAX_STAGES).map((stage) => tile(stage, earlier(stage), words));
      return bounded({ heading, where, stages, lines, hint: '' });
    }
    case 'ships': {
      const heading = words.screenHeading(view.kind);
      const lines: ScreenLine[] = view.ships.kind === 'promotion'
        ? [...words.screenRelease('ships', view.ships.release), { label: words.screenFrom(), value: view.ships.from }]
        : [words.screenShipsUnknown(view.ships.kind, view.where)];
      if (view.current) lines.push(...words.screenRelease('current', view.current).slice(0, 2));
      return bounded({ heading, where, stages: [], lines, hint: view.clear && view.ships.kind !== 'nothing' ? words.screenShipHint(view.where) : '' });
    }
    case 'read-back': {
      // The same layout as "what would ship": heading, lines, and at the foot what to say.
      const { action } = view.subject;
      const lines = readBackLines(view.subject, view.where, words);
      return bounded({ heading: words.screenReadBackHeading(action), where, stages: [], lines, hint: words.screenReadBackHint(action) });
    }
  }
}

/** The facts a read-back names, as lines: what ships or is put back or waits, what runs now, who and when, where. */
function readBackLines(subject: ReadBackSubject, where: ScreenView['where'], words: ScreenMessages): ScreenLine[] {
  switch (subject.action) {
    case 'deploy': {
      const { ships, current, lastRelease } = subject;
      const lines: ScreenLine[] = ships.kind === 'promotion'
        ? [...words.screenRelease('ships', ships.release), { label: words.screenFrom(), value: ships.from }]
        : [words.screenShipsUnknown('newest', where)];
      if (current) lines.push(...words.screenRelease('current', current).slice(0, 2));
      if (ships.kind === 'newest' && lastRelease && lastRelease.id !== current?.id) lines.push(...words.screenRelease('last', lastRelease));
      if (ships.kind === 'newest' && !lastRelease) lines.push(words.screenNoReleases());
      lines.push(words.screenFact('pipeline', subject.pipeline));
      return lines;
    }
    case 'rollback':
      return rollbackLines(subject.plan, words);
    case 'approve':
    case 'reject': {
      const { approval, release } = subject;
      const since = words.screenWaitingSince(approval.since);
      return [
        words.screenFact('stage', approval.stage),
        ...(approval.message ? [words.screenFact('asks', approval.message.split('\n')[0] ?? '')] : []),
        ...(since ? [since] : []),
        ...(release ? words.screenRelease('waiting', release) : []),
        words.screenFact('pipeline', subject.pipeline),
      ];
    }
  }
}

/** What a rollback stops, or what runs and what it puts back. */
function rollbackLines(plan: Extract<ReadBackSubject, { action: 'rollback' }>['plan'], words: ScreenMessages): ScreenLine[] {
  switch (plan.kind) {
    case 'stop-deployment':
      return [words.screenDeploymentAs('stops', plan.deployment)];
    case 'redeploy':
      return [words.screenDeploymentAs('current', plan.current), words.screenDeploymentAs('restores', plan.target)];
    case 'rollback-stage':
      return [words.screenFact('stage', plan.stage), ...words.screenRelease('current', plan.current).slice(0, 2), ...words.screenRelease('restores', plan.target)];
  }
}

/** A stage as a tile: its state in words from the locale, its tone and mark from CodePipeline's status. */
function tile(stage: StageState, earlier: boolean, words: ScreenMessages): StageTile {
  const tone = earlier ? 'idle' : toneOf(stage);
  return { name: stage.name, state: words.screenStageState(stage, earlier), tone, mark: MARKS[tone] };
}

const MARKS: Readonly<Record<StageTone, string>> = { done: '✓', running: '▶', waiting: '…', failed: '✗', stopped: '■', idle: '○' };

/** CodePipeline's stage status (StageExecutionStatus) as a tone; a waiting manual approval is its own. */
export function toneOf(stage: StageState): StageTone {
  if (stage.waitingApproval) return 'waiting';
  switch (stage.status) {
    case 'Succeeded': return 'done';
    case 'InProgress': return 'running';
    case 'Failed': return 'failed';
    case 'Stopped':
    case 'Stopping':
    case 'Cancelled': return 'stopped';
    default: return 'idle';
  }
}

function bounded(data: ScreenData): ScreenData {
  const cut = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);
  return {
    heading: cut(data.heading),
    where: cut(data.where),
    stages: data.stages.map((s) => ({ ...s, name: cut(s.name), state: cut(s.state) })),
    lines: data.lines.map((l) => ({ label: cut(l.label), value: cut(l.value) })),
    hint: cut(data.hint),
  };
}

/**
 * Whether a device whose APL runtime reports `maxVersion` can render the document: versions compare as numbers,
 * major then minor ("1.9" < "2022.1" < "2024.1"). A device that names no version is taken at its word that it
 * supports APL (the field is optional in ask-sdk-model).
 */
export function runtimeRenders(maxVersion: string | undefined): boolean {
  if (maxVersion === undefined) return true;
  const parse = (v: string) => v.split('.').map((part) => Number.parseInt(part, 10));
  const [major = NaN, minor = 0] = parse(maxVersion);
  const [needMajor = 0, needMinor = 0] = parse(DOCUMENT_VERSION);
  if (Number.isNaN(major)) return false;
  return major > needMajor || (major === needMajor && minor >= needMinor);
}
