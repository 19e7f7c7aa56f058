import { UtteranceMatcher, withoutCarrierPhrases } from '../../../../tools/simulator/matcher';
import { normalise } from '../../../../tools/simulator/text';
import { fixtureModel } from './fake-skill';

function matcher(change?: (model: ReturnType<typeof fixtureModel>) => void): UtteranceMatcher {
  const model = fixtureModel();
  change?.(model);
  return new UtteranceMatcher(model);
}

describe('normalise', () => {
  it('lower-cases, drops punctuation, keeps apostrophes inside words and collapses spaces', () => {
    // Act
    const text = normalise("  What's   the STATUS of 'checkout', please?! ");
    // Assess
    expect(text).toBe("what's the status of checkout please");
  });

  it('composes an accent typed as a letter and a combining mark, instead of breaking the word there', () => {
    // Act
    const text = normalise('Anne\u0301es fu\u0308nf');
    // Assess
    expect(text).toBe('années fünf');
  });
});

describe('UtteranceMatcher', () => {
  it('fills slots as wildcards of one or more words', () => {
    // Act
    const match = matcher().match('Deploy the shopping basket to prod.');
    // Assess
    expect(match).toMatchObject({ intent: 'DeployIntent', slots: { service: 'the shopping basket', environment: 'prod' } });
  });

  it('prefers the sample with more literal words', () => {
    // Prepare: "ship it to {environment}" (3 literal words) and "ship {service} to {environment}" (2) both fit.
    const m = matcher();
    // Act
    const match = m.match('ship it to production');
    // Assess
    expect(match).toMatchObject({ intent: 'DeployIntent', slots: { environment: 'production' }, literalWords: 3 });
  });

  it('breaks a tie between equally specific samples by the slot value the type knows', () => {
    // Prepare: "check {service}" and "check {environment}" are equally specific for any "check <word>".
    const m = matcher((model) => {
      model.languageModel.intents.find((i) => i.name === 'StatusIntent')?.samples?.push('check {service}');
      model.languageModel.intents.find((i) => i.name === 'RollbackIntent')?.samples?.unshift('check {environment}');
    });
    // Act
    const environment = m.match('check prod');
    const service = m.match('check checkout');
    // Assess
    expect(environment).toMatchObject({ intent: 'RollbackIntent', slots: { environment: 'prod' } });
    expect(service).toMatchObject({ intent: 'StatusIntent', slots: { service: 'checkout' } });
  });

  it('splits words between adjacent slots so that known values win', () => {
    // Prepare
    const m = matcher((model) => {
      model.languageModel.intents.find((i) => i.name === 'DeployIntent')?.samples?.push('go {service} {environment}');
    });
    // Act
    const match = m.match('go api gateway production');
    // Assess
    expect(match).toMatchObject({ intent: 'DeployIntent', slots: { service: 'api gateway', environment: 'production' } });
  });

  it.each([
    ['yeah', 'AMAZON.YesIntent'],
    ['go ahead', 'AMAZON.YesIntent'],
    ['ship it', 'AMAZON.YesIntent'],
    ['no thanks', 'AMAZON.NoIntent'],
    ["don't", 'AMAZON.NoIntent'],
    ['what can I say', 'AMAZON.HelpIntent'],
    ['shut up', 'AMAZON.StopIntent'],
    ['never mind', 'AMAZON.CancelIntent'],
    ['go home', 'AMAZON.NavigateHomeIntent'],
  ])('understands "%s" as %s without samples in the model', (utterance, intent) => {
    // Act
    const match = matcher().match(utterance);
    // Assess
    expect(match?.intent).toBe(intent);
  });

  it('does not offer built-ins the model does not declare, except Stop, Cancel and Help', () => {
    // Prepare
    const m = matcher((model) => {
      model.languageModel.intents = model.languageModel.intents.filter((i) => !['AMAZON.YesIntent', 'AMAZON.CancelIntent'].includes(i.name));
    });
    // Act
    const yes = m.match('yes');
    const cancel = m.match('cancel');
    // Assess
    expect(yes).toBeUndefined();
    expect(cancel?.intent).toBe('AMAZON.CancelIntent');
  });

  it('matches nothing when no sample fits every word', () => {
    // Act
    const match = matcher().match('order a pizza');
    // Assess
    expect(match).toBeUndefined();
  });

  it('sends what nothing matches to AMAZON.FallbackIntent when declared', () => {
    // Act
    const intent = matcher().unmatched('order a pizza');
    // Assess
    expect(intent).toBe('AMAZON.FallbackIntent');
  });

  it('sends what nothing matches to the intent sharing the most words when there is no fallback', () => {
    // Prepare
    const m = matcher((model) => {
      model.languageModel.intents = model.languageModel.intents.filter((i) => i.name !== 'AMAZON.FallbackIntent');
    });
    // Act
    const intent = m.unmatched('roll back everything now');
    // Assess
    expect(intent).toBe('RollbackIntent');
  });

  it('sends gibberish to AMAZON.HelpIntent, never an acting intent, when there is no fallback', () => {
    // Prepare
    const m = matcher((model) => {
      model.languageModel.intents = model.languageModel.intents.filter((i) => i.name !== 'AMAZON.FallbackIntent');
    });
    // Act
    const intent = m.unmatched('order a pizza');
    // Assess
    expect(intent).toBe('AMAZON.HelpIntent');
  });
});

describe('carrier phrases', () => {
  it('sees through politeness around a request no sample holds as said', () => {
    expect(matcher().match('could you please deploy billing to staging now')).toMatchObject({ intent: 'DeployIntent', slots: { service: 'billing', environment: 'staging' } });
  });

  it('leaves an utterance that fits as said alone', () => {
    expect(withoutCarrierPhrases('please deploy checkout please')).toBe('deploy checkout');
    expect(matcher().match('order a pizza please')).toBeUndefined();
  });
});

describe('the matcher in German and French', () => {
  it.each([
    ['de-DE', 'ja', 'AMAZON.YesIntent'], ['de-DE', 'nein', 'AMAZON.NoIntent'], ['de-DE', 'hilfe', 'AMAZON.HelpIntent'],
    ['fr-FR', 'oui', 'AMAZON.YesIntent'], ['fr-FR', 'non', 'AMAZON.NoIntent'], ['fr-FR', 'annule', 'AMAZON.CancelIntent'],
  ])('in %s hears "%s" as %s', (locale, said, intent) => {
    // Prepare
    const m = new UtteranceMatcher({ languageModel: { invocationName: 'x y', intents: [{ name: 'AMAZON.YesIntent' }, { name: 'AMAZON.NoIntent' }] } }, locale);

    // Act
    const match = m.match(said);

    // Assess
    expect(match?.intent).toBe(intent);
  });

  it('sets German filler aside: "bitte deploye checkout jetzt"', () => {
    // Prepare
    const m = new UtteranceMatcher({ languageModel: { invocationName: 'x y', intents: [{ name: 'DeployIntent', slots: [{ name: 'service', type: 'SERVICE' }], samples: ['deploye {service}'] }] } }, 'de-DE');

    // Act
    const match = m.match('bitte deploye checkout jetzt');

    // Assess
    expect([match?.intent, match?.slots]).toEqual(['DeployIntent', { service: 'checkout' }]);
  });

  it.each([
    ['de-DE', 'bericht zwei wochen', 'DurationReportIntent'],
    ['fr-FR', 'bilan deux semaines', 'DurationReportIntent'],
    ['en-US', 'bericht zwei wochen', 'ServiceReportIntent'],
  ])('in %s counts a duration in its own language as a known value: "%s" goes to %s', (locale, said, intent) => {
    // Prepare: both samples fit equally well, so the value the slot type knows decides, and the first sample wins
    // when neither is known.
    const m = new UtteranceMatcher({
      languageModel: {
        invocationName: 'x y',
        intents: [
          { name: 'ServiceReportIntent', slots: [{ name: 'service', type: 'SERVICE' }], samples: ['bericht {service}', 'bilan {service}'] },
          { name: 'DurationReportIntent', slots: [{ name: 'duration', type: 'AMAZON.DURATION' }], samples: ['bericht {duration}', 'bilan {duration}'] },
        ],
        types: [{ name: 'SERVICE', values: [{ name: { value: 'checkout' } }] }],
      },
    }, locale);

    // Act
    const match = m.match(said);

    // Assess
    expect(match?.intent).toBe(intent);
  });

  it('does not hear German in English: "ja" is no yes in en-US', () => {
    const m = new UtteranceMatcher({ languageModel: { invocationName: 'x y', intents: [{ name: 'AMAZON.YesIntent' }] } }, 'en-US');
    expect(m.match('ja')).toBeUndefined();
  });
});
