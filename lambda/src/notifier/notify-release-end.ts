import { AlexaApiError } from '../domain/errors';
import type { FinishedRelease, ReleaseJournal } from '../domain/release-journal';
import type { Logger } from '../logging/logger';
import type { NotificationPort } from '../ports/notification.port';
import type { Messages } from '../speech/messages';
import { releaseEndFrom } from './release-events';

export interface NotifierDeps {
  readonly journal: ReleaseJournal;
  /** Absent when the config has no `notifications`: outcomes are still kept for the next launch. */
  readonly notifications?: NotificationPort;
  /** The words, in the locale the release was started in. */
  readonly messages: (locale: string | undefined) => Messages;
  readonly logger: Logger;
}

export type NotifyOutcome =
  /** The event is no release's end (a start, a stage, an instance). */
  | 'not-a-release-end'
  /** Nobody started it through the skill: nothing is recorded or sent. */
  | 'not-ours'
  /** Kept for the next launch; notifications are not configured. */
  | 'kept'
  /** Kept for the next launch; the person turned the skill's notifications off. */
  | 'unsubscribed'
  | 'sent'
  | 'duplicate'
  /** Alexa would not deliver it (403): most often notifications are not allowed for the skill. */
  | 'refused'
  /** Sending failed in a way retrying cannot cure; the log says why. */
  | 'failed';

/**
 * What the notifier does with one EventBridge event: find the release the skill started, keep its outcome for the
 * person's next launch, and send them an Alexa notification unless they turned notifications off. A failure a later
 * attempt may cure is thrown, so that Lambda's own retries of the asynchronous invocation try again (the outcome is
 * kept once, and the notification's referenceId makes a repeat a duplicate, not a second message); any other failure
 * is logged and swallowed, so that a wrong secret does not become a storm of retries.
 */
export async function notifyReleaseEnd(event: unknown, deps: NotifierDeps): Promise<NotifyOutcome> {
  const { logger } = deps;
  const end = releaseEndFrom(event);
  if (end === undefined) {
    logger.log('debug', 'notify.not-a-release-end', { detailType: (event as { 'detail-type'?: unknown } | undefined)?.['detail-type'] });
    return 'not-a-release-end';
  }
  const ids = { ...end.ref, eventId: end.eventId, outcome: end.outcome };
  const finished = await deps.journal.recordFinished(end.ref, end.outcome, end.at);
  if (finished.kind === 'not-ours') {
    logger.log('info', 'notify.not-ours', ids);
    return 'not-ours';
  }
  const release = finished.release;
  const about = { ...ids, kind: release.kind, service: release.service, environment: release.environment, userId: release.startedBy.userId, repeat: finished.kind === 'already-recorded' };
  if (deps.notifications === undefined) {
    logger.log('info', 'notify.kept', about);
    return 'kept';
  }
  const subscription = await deps.journal.subscription(release.startedBy.userId);
  if (subscription?.subscribed === false) {
    logger.log('info', 'notify.unsubscribed', about);
    return 'unsubscribed';
  }
  try {
    const result = await deps.notifications.send({
      userId: release.startedBy.userId,
      text: deps.messages(release.locale).releaseNotification(release),
      referenceId: referenceIdOf(release),
      urgent: release.outcome === 'failed',
      apiEndpoint: release.apiEndpoint ?? subscription?.apiEndpoint,
    });
    if (result.kind === 'refused') {
      logger.log('warn', 'notify.refused', { ...about, status: result.status, reason: result.reason, hint: 'has this user allowed the skill\'s notifications in the Alexa app?' });
      return 'refused';
    }
    logger.log('info', `notify.${result.kind}`, about);
    return result.kind;
  } catch (error) {
    if (error instanceof AlexaApiError && !error.retryable) {
      logger.log('error', 'notify.failed', { ...about, code: error.code, status: error.status, message: error.message });
      return 'failed';
    }
    logger.log('warn', 'notify.retry-later', { ...about, code: (error as { code?: unknown }).code, message: error instanceof Error ? error.message : String(error) });
    throw error;
  }
}

/** One per release end: letters, digits and "~" only, at most 100 (the API's rule for referenceId). */
export function referenceIdOf(release: FinishedRelease): string {
  const id = (release.executionId ?? release.deploymentId ?? '').replace(/[^A-Za-z0-9]/g, '');
  return `${release.kind}~${id}~${release.outcome}`.slice(0, 100);
}
