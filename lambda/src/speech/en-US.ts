import type { Alarm } from '../domain/alarms';
import type { PromotionPlan, PromotionProblem } from '../domain/promotion';
import type { Routine } from '../domain/shortcut-offers';
import type { Deployment, PipelineExecution } from '../domain/release';
import type { ReleaseOutcome } from '../domain/release-journal';
import type { Action, Format, Messages, PreviewGate, PreviewSpeech, ReadBackLead, ReleaseEndSpeech, StatusSpeech, Where } from './messages';
import { enUSCards } from './en-US-cards';
import { enUSReport } from './en-US-report';
import { enUSScreen } from './en-US-screen';
import { clip } from './free-text';
import { joinSsml, Ssml, ssml, spokenList } from './ssml';

/** Everything Alexa says in English. */
export function enUS(f: Format): Messages {
  const verb: Record<Action, string> = {
    deploy: 'push', rollback: 'roll back', status: 'check', preview: 'look at', approve: 'approve', reject: 'reject',
  };

  /**
   * What ships, by its commit message's first line ("Fix tax rounding"); undefined without one. Never the commit id:
   * an Echo reads hex digit by digit, so ids go on the card.
   */
  const ships = (execution: PipelineExecution | undefined): Ssml | undefined => {
    const summary = clip(execution?.revisions[0]?.summary);
    return summary === undefined ? undefined : ssml`${summary}`;
  };
  /** A release a person can hear: "Fix tax rounding, from 2 hours ago", or "the release from 2 hours ago". */
  const release = (e: PipelineExecution): Ssml => {
    const what = ships(e);
    return what ? ssml`${what}, from${at(e.startedAt)}` : ssml`the release from${at(e.startedAt)}`;
  };
  /** A question of a read-back, led by what changed since the last one when something did. */
  const question = (lead: ReadBackLead | undefined, words: Ssml): Ssml => (lead === undefined ? capitalised(words) : ssml`${LEADS[lead]}: ${words}`);
  const byWhom = (who: string | undefined) => (who ? ssml` by ${who}` : ssml``);
  const at = (date: Date | undefined) => {
    const when = f.when(date);
    return when ? ssml` ${when}` : ssml``;
  };
  /** A CodeDeploy revision a person can hear: "app.zip, deployed 2 hours ago" or "the version deployed 2 hours ago". */
  const version = (d: Deployment, unnamed = 'the version'): Ssml => {
    const file = fileOf(d);
    return file ? ssml`${file}, deployed${at(d.createdAt)}` : ssml`${unnamed} deployed${at(d.createdAt)}`;
  };
  const inWhere = (w: Where) => ssml`${w.service} in ${w.environment}`;
  /** "the alarm checkout-5xx" / "the alarms a and b" / "the alarms a, b, c and 2 more". */
  const alarmList = (alarms: readonly Alarm[]): Ssml => {
    const named = alarms.slice(0, 3).map((a) => a.name);
    const more = alarms.length - named.length;
    if (named.length === 1) return ssml`the alarm ${named[0] ?? ''}`;
    return more > 0 ? ssml`the alarms ${named.join(', ')} and ${more} more` : ssml`the alarms ${spokenList(named, 'and')}`;
  };
  const firing = (alarms: readonly Alarm[]) => (alarms.length === 1 ? 'is firing' : 'are firing');
  /** "It went into alarm 12 minutes ago." / "checkout-5xx went into alarm first, 12 minutes ago." */
  const alarmSince = (alarms: readonly Alarm[]): Ssml => {
    const clause = alarmSinceClause(alarms);
    return clause ? ssml` ${capitalised(clause)}.` : ssml``;
  };
  /** "it went into alarm 12 minutes ago" / "checkout-5xx went into alarm first, 12 minutes ago" / undefined. */
  const alarmSinceClause = (alarms: readonly Alarm[]): Ssml | undefined => {
    const first = [...alarms].sort((a, b) => (a.since?.getTime() ?? Infinity) - (b.since?.getTime() ?? Infinity))[0];
    if (first?.since === undefined) return undefined;
    return alarms.length === 1 ? ssml`it went into alarm${at(first.since)}` : ssml`${first.name} went into alarm first,${at(first.since)}`;
  };
  const minutes = (n: number) => (n === 1 ? 'one minute' : `${n} minutes`);
  /** "Fix tax rounding, which succeeded in staging 2 hours ago", or "the release that succeeded in staging …" */
  const promoted = (p: PromotionPlan): Ssml => {
    const what = ships(p.execution);
    return what ? ssml`${what}, which succeeded in ${p.from}${at(p.succeededAt)}` : ssml`the release that succeeded in ${p.from}${at(p.succeededAt)}`;
  };
  const promotionProblem = (w: Where, pipeline: string, from: string, problem: PromotionProblem): Ssml => {
    switch (problem.kind) {
      case 'nothing-succeeded':
        return ssml`${inWhere(w)} ships only what succeeded in ${from}, and ${from} has no successful release to ship.`;
      case 'no-source-actions':
        return ssml`The ${pipeline} pipeline has no source action, so I can't tell it which revisions to ship.`;
      case 'actions-differ': {
        const names = [...problem.missing, ...problem.extra];
        return ssml`I can't match the release in ${from} to the ${pipeline} pipeline: the source ${names.length === 1 ? 'action' : 'actions'} ${spokenList(names, 'and')} ${names.length === 1 ? "isn't" : "aren't"} in both. Both pipelines must name their source actions alike.`;
      }
      case 'not-overridable':
        return ssml`The source action ${problem.action} of the ${pipeline} pipeline uses ${problem.provider}, which can't be told which revision to fetch, so I can't ship what ran in ${from}.`;
      case 'no-revision-id':
        return ssml`The release in ${from} doesn't say which revision its source action ${problem.action} fetched, so I can't ship the same one.`;
    }
  };
  const phrases: Record<Routine, readonly string[]> = {
    'push-to-prod': ['push to prod', 'ship to prod', 'release to prod'],
    'roll-back-prod': ['roll back prod', 'roll back production', 'undo the release'],
  };

  return {
    launch: () => ssml`Release captain here. You can say push checkout to prod, roll back, or what's the status of prod. What would you like to do?`,
    launchReprompt: () => ssml`Say push to prod, roll back, or status. What would you like to do?`,
    help: (services, environments) => ssml`I ship and roll back your services. Say push, then a service and an environment, for example push ${services[0] ?? 'checkout'} to ${environments[0] ?? 'production'}. I read back what will ship and wait for your yes. Say roll back to stop a bad deployment or put the last good one back, or ask for the status. Your services are ${spokenList(services, 'and')}. What would you like to do?`,
    helpReprompt: () => ssml`What would you like to do: push, roll back, or status?`,
    goodbye: () => ssml`Okay. Nothing was changed.`,
    fallback: () => ssml`Sorry, I can't help with that. I can push a release, roll one back, or tell you the status. What would you like to do?`,
    fallbackReprompt: () => ssml`Say push to prod, roll back, or status.`,
    nothingToConfirm: () => ssml`There's nothing waiting for a yes or no. Say push to prod, roll back, or status.`,
    notAllowed: () => ssml`Sorry, you're not on this skill's list of people allowed to release. Nothing was changed. I've put your user id in the Alexa app: send it to whoever runs this skill so they can add you.`,
    strangerCard: (ids) => ({
      title: 'Release captain: not on the list yet',
      text: [
        'You are not on this skill\'s list of people allowed to release.',
        `Your user id: ${ids.userId ?? '(none was sent)'}`,
        ...(ids.personId ? [`Your voice (person) id: ${ids.personId}`] : []),
        '',
        'To let this account in, add this line to "allowedUsers" in lambda/push-to-prod.json, then redeploy:',
        `  "${ids.userId ?? ''}",`,
        ...(ids.personId ? ['To let only this recognised voice in, add this line instead:', `  "${ids.personId}",`] : []),
      ].join('\n'),
    }),

    askService: (action, choices) => action === 'approve' || action === 'reject'
      ? ssml`Which service's release should I ${verb[action]}: ${spokenList(choices, 'or')}?`
      : ssml`Which service should I ${verb[action]}: ${spokenList(choices, 'or')}?`,
    unknownService: (heard, choices) => ssml`I don't know a service called ${heard}. Which one: ${spokenList(choices, 'or')}?`,
    askEnvironment: (action, service, choices) => {
      switch (action) {
        case 'deploy': return ssml`Where should I push ${service} to: ${spokenList(choices, 'or')}?`;
        case 'rollback': return ssml`Which environment should I roll back ${service} in: ${spokenList(choices, 'or')}?`;
        case 'preview': return ssml`Where would ${service} ship to: ${spokenList(choices, 'or')}?`;
        case 'status': return ssml`Which environment of ${service} should I check: ${spokenList(choices, 'or')}?`;
        case 'approve':
        case 'reject':
          return ssml`Which environment's release of ${service} should I ${verb[action]}: ${spokenList(choices, 'or')}?`;
      }
    },
    unknownEnvironment: (heard, service, choices) => ssml`${service} has no environment called ${heard}. Which one: ${spokenList(choices, 'or')}?`,
    notConfigured: (action, w) => action === 'approve' || action === 'reject'
      ? ssml`${inWhere(w)} has no pipeline whose approvals I may answer in my configuration, so I can't ${verb[action]} its releases. Nothing was changed.`
      : action === 'deploy' || action === 'preview'
      ? ssml`${inWhere(w)} has no pipeline in my configuration, so I can't push it. Nothing was changed.`
      : action === 'rollback'
        ? ssml`${inWhere(w)} has no CodeDeploy group or rollback stage in my configuration, so I can't roll it back. Nothing was changed.`
        : ssml`${inWhere(w)} has nothing I can check in my configuration.`,

    deployBusy: (w, running) => {
      const what = ships(running);
      return ssml`A release of ${inWhere(w)} is already running${what ? ssml`, shipping ${what}` : ''}, started${at(running.startedAt)}${byWhom(running.startedBy)}. I won't start another one. Ask me for the status to follow it.`;
    },
    deployConfirm: (w, pipeline, last, lead) => {
      const what = ships(last);
      const lastPart = last
        ? ssml`; the last release${what ? ssml`, ${what},` : ''} was started${at(last.startedAt)}${byWhom(last.startedBy)} and ${statusWord(last.status).replace(/^is /, 'is still ')}`
        : ssml`, which has no releases yet`;
      return ssml`This starts the ${pipeline} pipeline, shipping the latest ${w.service}${lastPart}. ${question(lead, ssml`shall I push ${w.service} to ${w.environment}?`)}`;
    },
    deployConfirmPromotion: (w, _pipeline, p, current, same, lead) => {
      const now = same
        ? ssml`; ${w.environment} already runs it, so this releases it again`
        : current ? ssml`; ${w.environment} runs ${ships(current) ?? 'the release'}, released${at(current.updatedAt ?? current.startedAt)}` : ssml``;
      return ssml`This ships ${promoted(p)}${now}. ${question(lead, ssml`shall I push ${w.service} to ${w.environment}?`)}`;
    },
    deployConfirmReprompt: (w) => ssml`Should I push ${w.service} to ${w.environment}? Say yes or no.`,
    cannotPromote: (w, pipeline, from, problem) => ssml`${promotionProblem(w, pipeline, from, problem)} Nothing was changed.`,
    bakeRefused: (w, p, left) => ssml`${w.environment} gets only what has run in ${p.from} for ${minutes(p.bakeMinutes)}. What would ship, ${promoted(p)}, has ${minutes(left)} to go. Nothing was changed. An admin can override the bake time.`,
    bakeOverrideQuestion: (w, p, left) => ssml`${w.environment} gets only what has run in ${p.from} for ${minutes(p.bakeMinutes)}, and ${ships(p.execution) ?? 'what would ship'} has ${minutes(left)} to go. You're an admin: do you want to ship it before it has baked?`,
    alarmsFiring: (env, alarms) => ssml`I won't push to ${env} while ${alarmList(alarms)} ${firing(alarms)}.${alarmSince(alarms)} Nothing was changed. If this release is the fix, an admin can override the alarm.`,
    alarmOverrideQuestion: (env, alarms) => {
      const since = alarmSinceClause(alarms);
      return ssml`In ${env}, ${alarmList(alarms)} ${firing(alarms)}${since ? ssml`; ${since}` : ''}. You're an admin: do you want to push anyway?`;
    },
    alarmsMissing: (env, names) => ssml`I can't find ${names.length === 1 ? 'the alarm' : 'the alarms'} ${spokenList(names, 'and')} in CloudWatch, so I can't tell whether ${env} is healthy, and I won't push it. Nothing was changed. Check the alarm names in the skill's configuration.`,
    deployStarted: (w, pipeline) => ssml`Done: the ${pipeline} pipeline has started, and ${w.service} is on its way to ${w.environment}. Ask me for the status to follow it.`,
    deployDenied: (w) => ssml`Okay, I won't push ${inWhere(w)}. Nothing was changed.`,
    deployOutcomeUnknown: (w, pipeline) => ssml`I asked CodePipeline to start ${pipeline}, but got no answer in time, so I can't tell whether the release of ${inWhere(w)} started. Ask me for the status of ${inWhere(w)} in a minute, or look at the pipeline in the console, before you try again.`,

    rollbackConfirmStop: (w, d, lead) => {
      const file = fileOf(d);
      return ssml`A deployment of ${inWhere(w)}${file ? ssml`, shipping ${file},` : ''} is in progress, started${at(d.createdAt)}. ${question(lead, ssml`shall I stop it and let CodeDeploy put the previous version back?`)}`;
    },
    rollbackConfirmRedeploy: (w, current, target, undoes, lead) => ssml`${inWhere(w)} runs ${version(current)}${undoes ? ', itself a rollback' : ''}; rolling back puts back ${version(target, 'the last good one,')}. ${question(lead, ssml`shall I roll back ${inWhere(w)}?`)}`,
    rollbackConfirmStage: (w, stage, current, target, undoes, lead) => ssml`The ${stage} stage of ${inWhere(w)} last succeeded with ${release(current)}${undoes ? ', itself a rollback' : ''}; rolling back returns it to ${release(target)}. ${question(lead, ssml`shall I roll back ${inWhere(w)}?`)}`,
    rollbackConfirmReprompt: (w) => ssml`Should I roll back ${inWhere(w)}? Say yes or no.`,
    rollbackNothing: (w, reason) => reason === 'no-history'
      ? ssml`I found no successful deployment of ${inWhere(w)}, so there is nothing to roll back to. Nothing was changed.`
      : ssml`${inWhere(w)} has only ever run one version successfully, so there is nothing earlier to roll back to. Nothing was changed.`,
    rollbackStopping: (w, d, status) => status === 'Succeeded'
      ? ssml`Done: the deployment of ${inWhere(w)} that started${at(d.createdAt)} is stopped, and CodeDeploy is putting the previous version back. Ask me for the status to follow it.`
      : ssml`CodeDeploy is stopping the deployment of ${inWhere(w)} that started${at(d.createdAt)}, and will put the previous version back. Ask me for the status in a minute.`,
    rollbackRedeploying: (w, _id, target) => ssml`Done: a rollback deployment has started, putting ${inWhere(w)} back to ${version(target)}. Ask me for the status to follow it.`,
    rollbackStageStarted: (w, stage, _id, target) => ssml`Done: the ${stage} stage of ${inWhere(w)} is rolling back to ${release(target)}. Ask me for the status to follow it.`,
    rollbackBusy: (w, running) => ssml`A deployment of ${inWhere(w)}, started${at(running.createdAt)}, is running right now, so I didn't start a rollback. Ask me again to stop it.`,
    rollbackDenied: (w) => ssml`Okay, I won't roll back ${inWhere(w)}. Nothing was changed.`,
    rollbackOutcomeUnknown: (w) => ssml`I asked CodeDeploy to roll back ${inWhere(w)}, but got no answer in time, so I can't tell whether it started. Ask me for the status of ${inWhere(w)} in a minute, or look in the CodeDeploy console, before you try again.`,

    status: (w, r) => statusSpeech(w, r),
    preview: (w, r) => previewSpeech(w, r),
    ...enUSReport(),
    ...enUSCards(f),
    ...enUSScreen(f),

    approvalConfirm: (w, action, pipeline, approval, waiting, lead) => {
      // CustomData is free text of up to 1000 characters: its first line (its first sentence) is what a person reads first.
      const asks = clip(approval.message);
      const what = waiting ? ships(waiting) ?? ssml`the release started${at(waiting.startedAt)}` : ssml`a release`;
      const ask = action === 'approve'
        ? ssml`shall I approve it, sending ${w.service} on to ${w.environment}?`
        : ssml`shall I reject it, stopping this release of ${w.service} to ${w.environment}?`;
      return ssml`The ${approval.stage} stage of ${pipeline} asked${at(approval.since)} to approve ${what}${asks ? ssml`, saying: ${asks}` : ''}. ${question(lead, ask)}`;
    },
    approvalConfirmReprompt: (w, action) => ssml`Should I ${verb[action]} the waiting release of ${w.service} to ${w.environment}? Say yes or no.`,
    approvalNone: (_w, action, pipeline) => ssml`Nothing in the ${pipeline} pipeline is waiting for approval right now, so there's nothing to ${verb[action]}. Nothing was changed.`,
    approvalDenied: (w, action) => ssml`Okay, I won't ${verb[action]} the release of ${w.service} to ${w.environment}. Nothing was changed.`,
    approvalAnswered: (w, action, pipeline, approval) => action === 'approve'
      ? ssml`Done: I approved it. The ${approval.stage} stage of ${pipeline} goes on, and ${w.service} is on its way to ${w.environment}. Ask me for the status to follow it.`
      : ssml`Done: I rejected it. The ${approval.stage} stage of ${pipeline} fails, so this release of ${w.service} won't reach ${w.environment}.`,
    approvalGone: () => ssml`That approval was already answered, or it expired, before your yes, so I sent nothing.`,
    approvalOutcomeUnknown: (w, action, pipeline) => ssml`I asked CodePipeline to ${verb[action]} the approval in ${pipeline}, but got no answer in time, so I can't tell whether it was recorded. Look at the pipeline in the console, or ask me for the status of ${inWhere(w)} in a minute, before you try again.`,

    shortcutPhrases: (routine) => phrases[routine],
    shortcutDescription: (routine) => (routine === 'push-to-prod' ? 'Push to prod with release captain' : 'Roll back prod with release captain'),
    shortcutOffer: (routine, when) => {
      const phrase = phrases[routine][0] ?? '';
      switch (when) {
        case 'asked': return ssml`A routine lets you say, Alexa, ${phrase}, and skip my name. I'll still read back what it does and wait for your yes.`;
        case 'after-release': return ssml`By the way: a routine can make this shorter. Just say, Alexa, ${phrase}. I'll still read back what it does and wait for your yes.`;
        case 'next': return ssml`There's one for the way back too: Alexa, ${phrase}.`;
      }
    },
    shortcutAccepted: (routine) => ssml`Done. From now on, just say, Alexa, ${phrases[routine][0] ?? ''}. I'll still read back what it does and wait for your yes.`,
    shortcutAlreadyEnabled: (routine) => ssml`You already have a routine for ${phrases[routine][0] ?? ''}.`,
    shortcutDeclined: () => ssml`Okay, no shortcut. I won't offer it again. If you change your mind, say make a shortcut.`,
    shortcutFailed: () => ssml`I couldn't set up the routine just now. You can add one in the Alexa app, under Routines, with my push to prod action.`,
    shortcutAllSet: () => ssml`You already have both shortcuts: Alexa, push to prod, and Alexa, roll back prod.`,
    shortcutNotInThisLanguage: () => ssml`Sorry, I can't set up a spoken shortcut in this language.`,

    checkingPipeline: (w) => ssml`Checking the ${w.service} pipeline…`,
    checkingRollback: (w) => ssml`Looking for what to roll ${inWhere(w)} back to…`,

    notAllowedHere: (env) => ssml`Sorry, you're not on the list of people who may change ${env}. Nothing was changed.`,
    lockedBy: (env, holder, since, reason) => ssml`${env} is locked by ${holder ?? 'someone else'} since${at(since)}${reason ? ssml`: ${reason}` : ''}. I won't change it until they unlock it. Nothing was changed.`,
    frozen: (env, reason) => ssml`${env} is frozen right now: ${reason}. Nothing was changed. An admin can override the freeze.`,
    freezeOverrideQuestion: (env, reason) => ssml`${env} is frozen right now: ${reason}. You're an admin: do you want to override the freeze for this release?`,
    undoRollbackQuestion: (w) => ssml`Just to be sure: this undoes a rollback of ${inWhere(w)} and puts back a version that was rolled back before. Roll back anyway?`,
    askPin: () => ssml`Please say your four-digit release code.`,
    wrongPin: (left) => ssml`That code isn't right. ${left === 1 ? 'One try left.' : ssml`${left} tries left.`} Please say your four-digit release code.`,
    pinLockedOut: (until) => ssml`Too many wrong codes. I won't take a code from you until ${f.clock(until)}. Nothing was changed.`,

    askLockEnvironment: (action, choices) => ssml`Which environment should I ${action}: ${spokenList(choices, 'or')}?`,
    unknownLockEnvironment: (heard, choices) => ssml`I don't know an environment called ${heard}. Which one: ${spokenList(choices, 'or')}?`,
    locked: (env, reason) => ssml`Done: ${env} is locked${reason ? ssml` for ${reason}` : ''}. Nobody else can push or roll it back until you unlock it.`,
    alreadyYourLock: (env, since) => ssml`You already hold the lock on ${env}, since${at(since)}.`,
    lockHeldByOther: (env, holder, since) => ssml`${env} is already locked by ${holder ?? 'someone else'}, since${at(since)}.`,
    unlocked: (env) => ssml`Done: ${env} is unlocked.`,
    notLocked: (env) => ssml`${env} isn't locked.`,
    notYourLock: (env, holder, since) => ssml`${env} is locked by ${holder ?? 'someone else'} since${at(since)}. Only they or an admin can unlock it.`,

    awsAccessDenied: (operation) => ssml`AWS refused me permission to ${operation}. Nothing was changed. Check the skill's IAM role.`,
    awsNotFound: (w) => w
      ? ssml`AWS can't find the pipeline or deployment group for ${inWhere(w)}. Check the names in the skill's configuration. Nothing was changed.`
      : ssml`AWS can't find the pipeline or deployment group I was asked about. Nothing was changed.`,
    awsThrottled: () => ssml`AWS is throttling my requests right now. Nothing was changed. Please try again in a minute.`,
    awsBusy: (w) => ssml`${w ? ssml`${inWhere(w)}` : 'That'} is busy with another release or deployment, so I didn't start anything. Ask me for the status.`,
    awsInvalidState: () => ssml`AWS says that can't be done in the state things are in now. Ask me for the status.`,
    awsTimeout: () => ssml`AWS didn't answer in time, so I can't tell you. Nothing was changed. Please try again in a minute.`,
    awsUnavailable: () => ssml`AWS had a problem answering me. Nothing was changed. Please try again in a minute.`,
    unexpected: () => ssml`Sorry, something went wrong on my side, and I didn't change anything. Please try again.`,

    releaseOutcome: (r) => ssml`${releaseSubject(r)} ${ENDED[r.outcome]}${at(r.finishedAt)}.`,
    releaseNotification: (r) => `Release captain: ${releaseSubject(r).replace(/^\w/, (first) => first.toLowerCase())} ${ENDED[r.outcome]}`,
  };

  function statusSpeech(w: Where, r: StatusSpeech): Ssml {
    const parts: Ssml[] = [];
    const e = r.latestExecution;
    if (r.hasPipeline) {
      if (!e) parts.push(ssml`${inWhere(w)} has no releases yet.`);
      else {
        const what = ships(e);
        const stage = r.stage;
        const where = e.status === 'InProgress' && stage
          ? ssml`is in the ${stage.name} stage${stage.currentAction ? ssml`, running ${stage.currentAction}` : ''}`
          : ssml`${statusWord(e.status)}`;
        parts.push(ssml`The latest release of ${inWhere(w)}${what ? ssml`, ${what},` : ''} ${where}. It was started${at(e.startedAt)}${byWhom(e.startedBy)}.`);
      }
    }
    const d = r.latestDeployment;
    if (r.hasDeploymentGroup) {
      parts.push(d
        ? ssml`The latest deployment${fileOf(d) ? ssml`, ${fileOf(d) ?? ''},` : ''}${d.isRollback ? ', a rollback,' : ''} ${statusWord(d.status)}${d.completedAt ? at(d.completedAt) : ssml`, started${at(d.createdAt)}`}.`
        : ssml`CodeDeploy has no deployments for ${inWhere(w)} yet.`);
    }
    if (r.lock) parts.push(ssml`${w.environment} is locked by ${r.lock.yours ? 'you' : r.lock.holder ?? 'someone else'} since${at(r.lock.since)}.`);
    if (r.alarms && r.alarms.firing.length > 0) {
      const [first] = r.alarms.firing;
      parts.push(ssml`Watch out: in ${w.environment}, ${alarmList(r.alarms.firing)} ${firing(r.alarms.firing)}.${alarmSince(r.alarms.firing)}`);
      parts.push(first?.since && e?.startedAt && first.since >= e.startedAt
        ? ssml`It started after the latest release. To put the previous version back, say roll back ${w.service}.`
        : ssml`If the latest release caused it, say roll back ${w.service}.`);
    }
    if (r.alarms && r.alarms.missing.length > 0) {
      parts.push(ssml`I can't find ${r.alarms.missing.length === 1 ? 'the alarm' : 'the alarms'} ${spokenList(r.alarms.missing, 'and')} in CloudWatch.`);
    }
    return joinSsml(parts);
  }

  function previewSpeech(w: Where, r: PreviewSpeech): Ssml {
    const parts: Ssml[] = [];
    const now = r.current && ships(r.current);
    parts.push(r.current
      ? ssml`${inWhere(w)} runs ${now ?? 'the release'}, released${at(r.current.updatedAt ?? r.current.startedAt)}.`
      : ssml`${inWhere(w)} has no successful release yet.`);
    switch (r.ships.kind) {
      case 'promotion':
        parts.push(r.ships.alreadyRuns
          ? ssml`A deploy would ship what ran in ${r.ships.promotion.from}, ${promoted(r.ships.promotion)}: the same revisions, so nothing new.`
          : ssml`A deploy would ship what ran in ${r.ships.promotion.from}: ${promoted(r.ships.promotion)}.`);
        break;
      case 'newest': {
        const last = r.ships.lastRelease && ships(r.ships.lastRelease);
        parts.push(ssml`A deploy starts the ${r.pipeline} pipeline, which ships whatever is newest in its source when it starts${last && r.ships.lastRelease !== r.current ? ssml`; its last release shipped ${last}` : ''}.`);
        break;
      }
      case 'cannot-promote':
        parts.push(promotionProblem(w, r.pipeline, r.ships.from, r.ships.problem));
        break;
    }
    if (r.gates.length === 0) parts.push(ssml`Nothing would stop it right now.`);
    else parts.push(ssml`A deploy would be held up right now.`, ...r.gates.map((g) => gateWords(w, g)));
    return joinSsml(parts);
  }

  function gateWords(w: Where, g: PreviewGate): Ssml {
    const admin = (overridable: boolean) => (overridable ? ssml` An admin can override that.` : ssml``);
    switch (g.kind) {
      case 'not-allowed': return ssml`You're not on the list of people who may change ${w.environment}.`;
      case 'locked': return ssml`${w.environment} is locked by ${g.holder ?? 'someone else'} since${at(g.since)}.`;
      case 'frozen': return ssml`${w.environment} is frozen right now: ${g.reason}.${admin(g.overridable)}`;
      case 'alarms': return ssml`In ${w.environment}, ${alarmList(g.alarms)} ${firing(g.alarms)}.${alarmSince(g.alarms)}${admin(g.overridable)}`;
      case 'alarms-missing': return ssml`I can't find ${g.names.length === 1 ? 'the alarm' : 'the alarms'} ${spokenList(g.names, 'and')} in CloudWatch, and I won't push without it.`;
      case 'baking': return ssml`What would ship has ${minutes(g.minutesLeft)} of bake time to go in ${g.from}.${admin(g.overridable)}`;
      case 'running': return ssml`A release is already running, started${at(g.execution.startedAt)}${byWhom(g.execution.startedBy)}.`;
      case 'approval': return ssml`The ${g.stage} stage waits for a manual approval${g.since ? ssml`, asked for${at(g.since)}` : ''}.`;
    }
  }
}

const LEADS: Readonly<Record<ReadBackLead, string>> = {
  'plan-changed': 'That changed, so I did nothing yet',
  'approval-gone': 'That one ended before your yes, so I sent nothing',
};

/** A CodeDeploy revision's readable file name (app.zip), when it has one; versions and etags are for the card. */
function fileOf(d: Deployment): string | undefined {
  const r = d.revision;
  return r?.kind === 'archive' && r.file !== undefined ? r.file : undefined;
}

function capitalised(words: Ssml): Ssml {
  return new Ssml(words.markup.replace(/^[a-z]/, (c) => c.toUpperCase()));
}

const ENDED: Readonly<Record<ReleaseOutcome, string>> = {
  succeeded: 'succeeded',
  failed: 'failed',
  stopped: 'was stopped',
  superseded: 'was overtaken by a newer release',
};

/** "Your release of checkout to production", "Your rollback of checkout in staging", … */
function releaseSubject(r: ReleaseEndSpeech): string {
  switch (r.kind) {
    case 'deploy': return `Your release of ${r.service} to ${r.environment}`;
    case 'rollback': return `Your rollback of ${r.service} in ${r.environment}`;
    case 'approval': return `The release of ${r.service} to ${r.environment} that you approved`;
  }
}

function statusWord(status: string): string {
  switch (status) {
    case 'InProgress': return 'is in progress';
    case 'Succeeded': return 'succeeded';
    case 'Failed': return 'failed';
    case 'Stopped': return 'was stopped';
    case 'Stopping': return 'is stopping';
    case 'Superseded': return 'was superseded by a newer one';
    case 'Cancelled': return 'was cancelled';
    case 'Created': return 'is about to start';
    case 'Queued': return 'is queued';
    case 'Baking': return 'is baking';
    case 'Ready': return 'is waiting for traffic to be rerouted';
    default: return `is ${status}`;
  }
}
