import type { ResponseEnvelope, ui } from 'ask-sdk-model';
import type { PendingApproval } from '../../lambda/src/domain/release';
import { ALLOWED_USER } from '../support/envelopes';
import { Conversation, directive } from '../support/conversation';
import { execution } from '../support/fake-release-ports';
import { TEST_CONFIG, testSkill } from '../support/test-skill';

/*
 * German and French read-backs on the real skill: the card each leaves is in the language (with the ids the speech
 * leaves out, and a moment written the language's way), and a read-back asked again says why inside its question.
 * Every answer is also held to Alexa's rules and the ear rules (Conversation runs alexaRefusals on each).
 */

function cardOf(response: ResponseEnvelope | undefined): { title: string; text: string } | undefined {
  const card = response?.response.card as ui.SimpleCard | undefined;
  return card && { title: card.title ?? '', text: card.content ?? '' };
}

const CHECKOUT_PROD = { service: ['checkout', 'checkout'] as [string, string], environment: ['produktion', 'production'] as [string, string] };
const NOW = new Date('2026-12-01T14:00:00Z');

describe('a German read-back', () => {
  it('leaves a German card with the ids it does not say, and its times on a 24-hour clock', async () => {
    // Prepare
    const { skill, pipelines } = testSkill({ people: { [ALLOWED_USER]: 'Dana' }, timeZone: 'Europe/Berlin' }, { now: () => NOW });
    pipelines.executions.set('checkout-prod', [{ ...execution('e-last-1', 'Succeeded', 90, 'Geschenkkarten', 'alice'), startedAt: new Date('2026-12-01T12:30:00Z') }]);
    const talk = new Conversation(skill, { locale: 'de-DE' });

    // Act
    const said = await talk.ask('DeployIntent', CHECKOUT_PROD);
    const card = cardOf(talk.last);

    // Assess
    expect(said).toBe('Das bringt die neueste Version von checkout nach production; das letzte Release, Geschenkkarten, startete vor zwei Stunden. Soll ich checkout nach production ausliefern?');
    expect(card?.title).toBe('Versions-Kapitän: checkout in production');
    expect(card?.text).toContain('\nDienst: checkout\nUmgebung: production\n');
    expect(card?.text).toContain('\nGefragt von: Dana, 2026-12-01 14:00 UTC\n');
    expect(card?.text).toContain('\n\nLetztes Release\nAusführung: e-last-1 (Succeeded)\nCommit: Source: e-last-1abcdef0123456789 Geschenkkarten\nGestartet von: alice\nGestartet: 1. Dezember 2026 um 13:30 (Europe/Berlin)\nAWS-Konsole: https://');
  });

  it('says, asked again after the plan changed, why in its question, and starts nothing', async () => {
    // Prepare
    const { skill, pipelines, mutations } = testSkill();
    pipelines.executions.set('checkout-prod', [execution('e-1', 'Succeeded', 60)]);
    const talk = new Conversation(skill, { locale: 'de-DE' });
    await talk.ask('DeployIntent', CHECKOUT_PROD);
    pipelines.executions.set('checkout-prod', [execution('e-2', 'Succeeded', 0.2, 'Hotfix', 'carol'), execution('e-1', 'Succeeded', 60)]);

    // Act
    const answer = await talk.yes();

    // Assess
    expect(answer).toBe('Das bringt die neueste Version von checkout nach production; das letzte Release, Hotfix, startete gerade eben. '
      + 'Das hat sich geändert, ich habe noch nichts getan: Soll ich checkout nach production ausliefern?');
    expect(directive(talk.last, 'Dialog.ConfirmIntent')).toBeDefined();
    expect(mutations()).toEqual([]);
  });
});

describe('a French read-back', () => {
  const TOKEN = '1c7a9e2b-3d4f-4a5b-8c6d-7e8f9a0b1c2d';
  const waiting = (token: string, minutesAgo: number, message: string): PendingApproval => ({
    stage: 'Approve', action: 'ManualApproval', token, since: new Date(NOW.getTime() - minutesAgo * 60_000), message, executionId: 'e-wait-1',
  });

  function waitingSkill() {
    const [checkout, ...rest] = TEST_CONFIG.services;
    const services = [{ ...checkout, environments: { ...checkout?.environments, production: { ...checkout?.environments.production, approvals: true } } }, ...rest];
    const test = testSkill({ services, people: { [ALLOWED_USER]: 'Dana' } }, { now: () => NOW });
    test.pipelines.approvals.set('checkout-prod', [waiting(TOKEN, 120, 'Vérifiez le canari.')]);
    test.pipelines.executions.set('checkout-prod', [{ ...execution('e-wait-1', 'InProgress', 125, 'Historique des commandes plus rapide', 'bob'), startedAt: new Date(NOW.getTime() - 125 * 60_000) }]);
    return test;
  }

  it('of an approval that ended meanwhile reads back the newer one, saying why in its question, and sends nothing', async () => {
    // Prepare
    const { skill, pipelines } = waitingSkill();
    const talk = new Conversation(skill, { locale: 'fr-FR' });
    await talk.ask('ApproveIntent', CHECKOUT_PROD);
    pipelines.approvals.set('checkout-prod', [waiting('2d8b0f3c-4e5a-4b6c-9d7e-8f9a0b1c2d3e', 1, 'Deuxième essai')]);

    // Act
    const answer = await talk.yes();
    const card = cardOf(talk.last);

    // Assess
    expect(answer).toBe('L\'étape Approve attend une approbation depuis une minute pour Historique des commandes plus rapide : Deuxième essai. '
      + 'Cette approbation a pris fin avant votre oui, je n\'ai donc rien envoyé : dois-je l\'approuver, pour que checkout continue vers production ?');
    expect(pipelines.calls.filter((c) => c.op === 'putApprovalResult')).toEqual([]);
    expect(card?.title).toBe('Capitaine de livraison\u00a0: checkout en production');
    // The layout is the one of every card (speech/cards.ts), with French's no-break space before each colon.
    expect(card?.text).toContain('\nApprobation\u00a0: Approve / ManualApproval\nMessage\u00a0: Deuxième essai\nEn attente depuis\u00a0: 1 décembre 2026 à 13:59 (UTC)\nExécution\u00a0: e-wait-1\n');
    expect(card?.text).not.toMatch(/\S: /);
  });
});
