import { parseInvocation } from '../../../../tools/simulator/invocation';

const NAME = 'release captain';

describe('parseInvocation', () => {
  it.each(['open release captain', 'launch release captain', 'start release captain', 'begin release captain', 'load release captain', 'run release captain', 'Open Release Captain skill', 'open release captain app', 'Alexa, open release captain.', 'ask release captain'])(
    'takes "%s" as a launch',
    (text) => {
      // Act
      const invocation = parseInvocation(text, NAME);
      // Assess
      expect(invocation).toEqual({ kind: 'launch' });
    },
  );

  it.each([
    ['ask release captain to deploy api to production', 'deploy api to production'],
    ['tell release captain that checkout is broken', 'checkout is broken'],
    ['ask release captain for the status of checkout', 'the status of checkout'],
    ['ask release captain about checkout', 'checkout'],
    ['ask release captain if checkout is live', 'checkout is live'],
    ['ask release captain whether api shipped', 'api shipped'],
    ['ask release captain deploy checkout', 'deploy checkout'],
    ['open release captain and deploy checkout', 'deploy checkout'],
    ['deploy checkout using release captain', 'deploy checkout'],
  ])('takes "%s" as a one-shot for "%s"', (text, utterance) => {
    // Act
    const invocation = parseInvocation(text, NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'one-shot', utterance });
  });

  it.each([
    ['ask release captain for the status of checkout', 'the status of checkout'],
    ['ask release captain about the status of prod', 'the status of prod'],
    ['ask release captain about checkout in staging', 'checkout in staging'],
    ['tell release captain to roll back checkout', 'roll back checkout'],
    ['tell release captain roll back checkout', 'roll back checkout'],
    ['use release captain to lock prod', 'lock prod'],
    ['use release captain and lock prod', 'lock prod'],
    ['search release captain for the status of checkout', 'the status of checkout'],
    ['open release captain for the status of checkout', 'the status of checkout'],
    ['talk to release captain and unlock prod', 'unlock prod'],
    ['resume release captain and deploy checkout', 'deploy checkout'],
    ['get the status of checkout from release captain', 'get the status of checkout'],
    ['get the status of checkout from the release captain', 'get the status of checkout'],
    ['deploy checkout with release captain', 'deploy checkout'],
    ['lock prod by release captain', 'lock prod'],
    ['ask the release captain for the status of checkout', 'the status of checkout'],
  ])('takes the documented phrase "%s" as a one-shot for "%s"', (text, utterance) => {
    // Act
    const invocation = parseInvocation(text, NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'one-shot', utterance });
  });

  it.each([
    ['tell release captain about checkout', 'about checkout'],
    ['tell release captain for the status', 'for the status'],
    ['ask release captain that checkout is broken', 'that checkout is broken'],
  ])('keeps a connecting word Alexa does not define for that phrase in the utterance: "%s"', (text, utterance) => {
    // Act
    const invocation = parseInvocation(text, NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'one-shot', utterance });
  });

  it.each(['release captain', 'talk to release captain', 'use release captain', 'resume release captain', 'play release captain', 'open the release captain'])(
    'takes "%s" as a launch',
    (text) => {
      // Act
      const invocation = parseInvocation(text, NAME);
      // Assess
      expect(invocation).toEqual({ kind: 'launch' });
    },
  );

  it.each(['open release captain deploy checkout', 'search release captain', 'deploy checkout for release captain'])(
    'does not take "%s", which is no supported phrase, as an invocation',
    (text) => {
      // Act
      const invocation = parseInvocation(text, NAME);
      // Assess
      expect(invocation.kind).toBe('unnamed');
    },
  );

  it('splits at the first connecting word only, so a later "to" stays in the utterance', () => {
    // Act
    const invocation = parseInvocation('ask release captain to push to prod', NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'one-shot', utterance: 'push to prod' });
  });

  it('does not take a launch word inside another word as an invocation (virtual-alexa regression)', () => {
    // Act
    const invocation = parseInvocation('deploy the basket service', NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'unnamed', utterance: 'deploy the basket service' });
  });

  it('does not take a launch word that is not followed by the invocation name as a launch', () => {
    // Act
    const invocation = parseInvocation('start the checkout deploy', NAME);
    // Assess
    expect(invocation).toEqual({ kind: 'unnamed', utterance: 'start the checkout deploy' });
  });

  it('does not take another skill\'s name as this one', () => {
    // Act
    const invocation = parseInvocation('open release manager', NAME);
    // Assess
    expect(invocation.kind).toBe('unnamed');
  });
});

describe('parseInvocation in German and French', () => {
  it.each([
    ['de-DE', 'versions kapitän', 'öffne versions kapitän', { kind: 'launch' }],
    ['de-DE', 'versions kapitän', 'Alexa, starte den versions kapitän', { kind: 'launch' }],
    ['de-DE', 'versions kapitän', 'frage versions kapitän nach dem status von produktion', { kind: 'one-shot', utterance: 'dem status von produktion' }],
    ['de-DE', 'versions kapitän', 'sage versions kapitän, schiebe checkout in die produktion', { kind: 'one-shot', utterance: 'schiebe checkout in die produktion' }],
    ['de-DE', 'versions kapitän', 'schiebe checkout in die produktion', { kind: 'unnamed', utterance: 'schiebe checkout in die produktion' }],
    ['fr-FR', 'capitaine de livraison', 'ouvre capitaine de livraison', { kind: 'launch' }],
    ['fr-FR', 'capitaine de livraison', 'demande à capitaine de livraison de déployer checkout en production', { kind: 'one-shot', utterance: 'déployer checkout en production' }],
    ['fr-FR', 'capitaine de livraison', "demande à capitaine de livraison d'annuler le déploiement", { kind: 'one-shot', utterance: 'annuler le déploiement' }],
    ['fr-FR', 'capitaine de livraison', "demande à capitaine de livraison quel est l'état de la prod", { kind: 'one-shot', utterance: "quel est l'état de la prod" }],
  ])('in %s, with the name "%s", reads "%s" as %j', (locale, name, text, expected) => {
    expect(parseInvocation(text, name, locale)).toEqual(expected);
  });

  it('keeps English launch words English: "open" does not open a German skill', () => {
    expect(parseInvocation('open versions kapitän', 'versions kapitän', 'de-DE')).toEqual({ kind: 'unnamed', utterance: 'open versions kapitän' });
  });
});
