import type { Deployment, DeploymentGroupRef, PendingApproval, PipelineExecution, PipelineRef, Target } from '../domain/release';
import type { Ssml } from './ssml';

/**
 * The card every action, refusal, status and read-back leaves in the Alexa app: what was said, in plain text, then
 * what a person needs to follow it up: the ids Alexa never says aloud (execution, commit, deployment, revision), who
 * and when, and the AWS console link. The layout is here, once; the words are the locale's ({@link CardWords}).
 */

/** What a release on the card is to this answer: the one just started, the one that would ship, the one running… */
export type CardRole = 'started' | 'ships' | 'runs' | 'last' | 'running' | 'latest' | 'stopping' | 'rolls-back-to' | 'rolled-back-from' | 'waiting';

export type CardFact =
  | { readonly kind: 'execution'; readonly role: CardRole; readonly pipeline: PipelineRef; readonly execution: PipelineExecution | { readonly id: string } }
  | { readonly kind: 'deployment'; readonly role: CardRole; readonly group: DeploymentGroupRef; readonly deployment: Deployment | { readonly id: string } }
  | { readonly kind: 'approval'; readonly pipeline: PipelineRef; readonly approval: PendingApproval }
  | { readonly kind: 'lock'; readonly environment: string; readonly holder?: string; readonly since: Date; readonly reason?: string }
  | { readonly kind: 'aws-error'; readonly code: string; readonly operation?: string; readonly requestId?: string };

export type CardLabel =
  | 'service' | 'environment' | 'pipeline' | 'deploymentGroup' | 'region' | 'execution' | 'status' | 'commit' | 'deployment'
  | 'revision' | 'startedBy' | 'started' | 'finished' | 'console' | 'askedBy' | 'approval' | 'approvalAsks' | 'waitingSince'
  | 'lock' | 'lockedBy' | 'since' | 'reason' | 'error' | 'operation' | 'awsRequestId' | 'rollback' | 'nobody';

/** The words of a card, per locale: its title, the label of each line and of each role, and how a moment is written. */
export interface CardWords {
  title(where: { readonly service: string; readonly environment: string } | undefined, environment: string | undefined): string;
  readonly roles: Readonly<Record<CardRole, string>>;
  readonly labels: Readonly<Record<CardLabel, string>>;
  /** What joins a label to its value: ": " in English and German; French sets a no-break space before the colon. */
  readonly colon: string;
  /** A moment, exact and with its zone. */
  written(at: Date): string;
}

/** What a card is about, besides the facts: where, who asked and when. */
export interface CardContext {
  readonly where?: Target;
  /** For answers about an environment rather than a service in it (a lock). */
  readonly environment?: string;
  readonly askedBy?: string;
  readonly at: Date;
}

/** Alexa takes at most 8000 characters of card text (title and content together); this leaves room for the title. */
const MAX_CONTENT = 7500;

/** A Simple card: title and content, plain text. */
export function buildCard(words: CardWords, said: Ssml, context: CardContext, facts: readonly CardFact[]): { readonly title: string; readonly text: string } {
  const { labels, colon } = words;
  const lines: string[] = [plainText(said), ''];
  const where = context.where;
  if (where) {
    lines.push(`${labels.service}${colon}${where.service}`, `${labels.environment}${colon}${where.environment}`);
    if (where.pipeline) lines.push(`${labels.pipeline}${colon}${where.pipeline.name} (${where.pipeline.region})`);
    if (where.deploymentGroup) lines.push(`${labels.deploymentGroup}${colon}${where.deploymentGroup.application}/${where.deploymentGroup.deploymentGroup} (${where.deploymentGroup.region})`);
  } else if (context.environment !== undefined) {
    lines.push(`${labels.environment}${colon}${context.environment}`);
  }
  lines.push(`${labels.askedBy}${colon}${context.askedBy ?? labels.nobody}, ${utcMinute(context.at)}`);
  for (const fact of facts) lines.push('', ...factLines(words, fact));
  // With no fact to link to, the pipeline (or deployment group) itself.
  if (where && !facts.some((f) => f.kind === 'execution' || f.kind === 'deployment' || f.kind === 'approval')) {
    const link = where.pipeline ? pipelineLink(where.pipeline) : where.deploymentGroup ? deploymentGroupLink(where.deploymentGroup) : undefined;
    if (link) lines.push('', `${labels.console}${colon}${link}`);
  }
  const text = lines.join('\n');
  return { title: words.title(where, context.environment), text: text.length > MAX_CONTENT ? `${text.slice(0, MAX_CONTENT - 1)}…` : text };
}

function factLines(words: CardWords, fact: CardFact): string[] {
  const { labels, colon } = words;
  const at = (label: string, when: Date | undefined) => (when ? [`${label}${colon}${words.written(when)}`] : []);
  switch (fact.kind) {
    case 'execution': {
      const e = fact.execution;
      const full = 'status' in e ? e : undefined;
      return [
        `${words.roles[fact.role]}${full?.isRollback ? ` (${labels.rollback})` : ''}`,
        `${labels.execution}${colon}${e.id}${full ? ` (${full.status})` : ''}`,
        ...(full?.revisions ?? []).map((r) => `${labels.commit}${colon}${[r.actionName && `${r.actionName}${colon.trimEnd()}`, r.revisionId, r.summary?.trim()].filter(Boolean).join(' ')}`),
        ...(full?.startedBy ? [`${labels.startedBy}${colon}${full.startedBy}`] : []),
        ...at(labels.started, full?.startedAt),
        `${labels.console}${colon}${executionLink(fact.pipeline, e.id)}`,
      ];
    }
    case 'deployment': {
      const d = fact.deployment;
      const full = 'status' in d ? d : undefined;
      return [
        `${words.roles[fact.role]}${full?.isRollback ? ` (${labels.rollback})` : ''}`,
        `${labels.deployment}${colon}${d.id}${full ? ` (${full.status})` : ''}`,
        ...(full?.revision ? [`${labels.revision}${colon}${revisionText(full)}`] : []),
        ...(full?.creator ? [`${labels.startedBy}${colon}${full.creator}`] : []),
        ...at(labels.started, full?.createdAt),
        ...at(labels.finished, full?.completedAt),
        `${labels.console}${colon}${deploymentLink(fact.group.region, d.id)}`,
      ];
    }
    case 'approval': {
      const a = fact.approval;
      return [
        `${labels.approval}${colon}${a.stage} / ${a.action}`,
        ...(a.message ? [`${labels.approvalAsks}${colon}${a.message.trim()}`] : []),
        ...at(labels.waitingSince, a.since),
        ...(a.executionId ? [`${labels.execution}${colon}${a.executionId}`, `${labels.console}${colon}${executionLink(fact.pipeline, a.executionId)}`] : [`${labels.console}${colon}${pipelineLink(fact.pipeline)}`]),
      ];
    }
    case 'lock':
      return [
        `${labels.lock}${colon}${fact.environment}`,
        `${labels.lockedBy}${colon}${fact.holder ?? labels.nobody}`,
        `${labels.since}${colon}${words.written(fact.since)}`,
        ...(fact.reason ? [`${labels.reason}${colon}${fact.reason}`] : []),
      ];
    case 'aws-error':
      return [
        `${labels.error}${colon}${fact.code}`,
        ...(fact.operation ? [`${labels.operation}${colon}${fact.operation}`] : []),
        ...(fact.requestId ? [`${labels.awsRequestId}${colon}${fact.requestId}`] : []),
      ];
  }
}

/** A CodeDeploy revision in full, as far as CodeDeploy described it (commit id, S3 object and version, AppSpec hash). */
function revisionText(d: Deployment): string {
  const r = d.revision;
  if (!r) return '';
  const location = r.location as {
    gitHubLocation?: { repository?: string; commitId?: string };
    s3Location?: { bucket?: string; key?: string; version?: string; eTag?: string };
    appSpecContent?: { sha256?: string };
  } | undefined;
  const git = location?.gitHubLocation;
  if (git?.commitId) return `${r.kind} ${[git.repository, git.commitId].filter(Boolean).join(' ')}`;
  const s3 = location?.s3Location;
  if (s3?.bucket && s3.key) return `s3://${s3.bucket}/${s3.key}${s3.version ? ` version ${s3.version}` : ''}${s3.eTag ? ` eTag ${s3.eTag}` : ''}`;
  if (location?.appSpecContent?.sha256) return `AppSpec sha256 ${location.appSpecContent.sha256}`;
  return `${r.kind} ${r.file ?? r.id}`;
}

const consoleBase = (region: string) => `https://${encodeURIComponent(region)}.console.aws.amazon.com/codesuite`;
const regionQuery = (region: string) => `?region=${encodeURIComponent(region)}`;

/** The console page of one pipeline execution. */
export function executionLink(pipeline: PipelineRef, executionId: string): string {
  return `${consoleBase(pipeline.region)}/codepipeline/pipelines/${encodeURIComponent(pipeline.name)}/executions/${encodeURIComponent(executionId)}/timeline${regionQuery(pipeline.region)}`;
}

/** The console page of one CodeDeploy deployment. */
export function deploymentLink(region: string, deploymentId: string): string {
  return `${consoleBase(region)}/codedeploy/deployments/${encodeURIComponent(deploymentId)}${regionQuery(region)}`;
}

export function pipelineLink(pipeline: PipelineRef): string {
  return `${consoleBase(pipeline.region)}/codepipeline/pipelines/${encodeURIComponent(pipeline.name)}/view${regionQuery(pipeline.region)}`;
}

export function deploymentGroupLink(group: DeploymentGroupRef): string {
  return `${consoleBase(group.region)}/codedeploy/applications/${encodeURIComponent(group.application)}/deployment-groups/${encodeURIComponent(group.deploymentGroup)}${regionQuery(group.region)}`;
}

/**
 * The moment of the request, exact and in UTC ("2026-12-01 14:00 UTC"), written without Intl: the first
 * Intl.DateTimeFormat of a process loads ICU's date data (some 10 ms), and a cold confirmed Deploy, which speaks no
 * time, would pay it for this one line. Times of releases on the card are in the team's zone ({@link CardWords.written}).
 */
export function utcMinute(at: Date): string {
  return `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Speech as the card shows it: tags dropped, the escaped characters put back, spaces collapsed. */
export function plainText(said: Ssml): string {
  return said.markup.replace(/<[^>]*>/g, TAG_GAP).replace(/&(amp|lt|gt|quot|apos);/g, (_all, name: string) => ENTITIES[name] ?? '')
    // No space before a full stop or a comma, in any language; before ! ? ; : only where a tag stood: the space French
    // writes there stays.
    .replace(/[\s\u0001]+(?=[.,])/g, '')
    .replace(/[\s\u0001]*\u0001[\s\u0001]*(?=[!?;:])/g, '')
    .replace(/[\s\u0001]+/g, ' ').trim();
}

/** Where a tag was taken out of the speech: a gap, which becomes a space unless punctuation follows. */
const TAG_GAP = '\u0001';

/** A pipeline execution for the card, when there is one and a pipeline to link it to. */
export function executionFact(role: CardRole, pipeline: PipelineRef | undefined, execution: PipelineExecution | { readonly id: string } | undefined): CardFact[] {
  return pipeline && execution ? [{ kind: 'execution', role, pipeline, execution }] : [];
}

/** A lock for the card: which environment, who holds it (by the config's name), since when, why. */
export function lockFact(lock: { readonly environment: string; readonly since: Date; readonly reason?: string }, holder: string | undefined): CardFact[] {
  return [{ kind: 'lock', environment: lock.environment, ...(holder !== undefined ? { holder } : {}), since: lock.since, ...(lock.reason ? { reason: lock.reason } : {}) }];
}

/** A CodeDeploy deployment for the card, when there is one and a deployment group (its region) to link it to. */
export function deploymentFact(role: CardRole, group: DeploymentGroupRef | undefined, deployment: Deployment | { readonly id: string } | undefined): CardFact[] {
  return group && deployment ? [{ kind: 'deployment', role, group, deployment }] : [];
}
