import { messagesFor } from '../../../lambda/src/speech';
import type { ReleaseEndSpeech } from '../../../lambda/src/speech/messages';

const NOW = new Date('2026-11-26T14:00:00Z');
const speech = messagesFor('en-US', NOW, 'Europe/Berlin');
const ended = (overrides: Partial<ReleaseEndSpeech>): ReleaseEndSpeech => ({
  kind: 'deploy', service: 'checkout', environment: 'production', outcome: 'succeeded', finishedAt: new Date(NOW.getTime() - 12 * 60_000),
  ...overrides,
});

describe('release outcome speech (en-US)', () => {
  it.each([
    [ended({}), 'Your release of checkout to production succeeded 12 minutes ago.'],
    [ended({ outcome: 'failed', finishedAt: new Date('2026-11-26T08:05:00Z') }), 'Your release of checkout to production failed today at 9:05 AM.'],
    [ended({ kind: 'rollback', environment: 'staging', outcome: 'stopped' }), 'Your rollback of checkout in staging was stopped 12 minutes ago.'],
    [ended({ kind: 'approval', outcome: 'superseded' }), 'The release of checkout to production that you approved was overtaken by a newer release 12 minutes ago.'],
  ])('says how it ended and when: %#', (release, sentence) => {
    // Act / Assess
    expect(speech.releaseOutcome(release).markup).toBe(sentence);
  });

  it('escapes a service name that holds markup', () => {
    // Act / Assess
    expect(speech.releaseOutcome(ended({ service: 'a & b' })).markup).toMatch(/^Your release of a &amp; b to production/);
  });

  it('names the skill and the news as the sender of the notification, in plain text', () => {
    // Act / Assess
    expect(speech.releaseNotification(ended({ outcome: 'failed', service: 'a & b' }))).toBe('Release captain: your release of a & b to production failed');
    expect(speech.releaseNotification(ended({ kind: 'approval' }))).toBe('Release captain: the release of checkout to production that you approved succeeded');
  });
});
