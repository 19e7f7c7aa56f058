import { buildCard, deploymentLink, executionLink, plainText, type CardWords } from '../../../lambda/src/speech/cards';
import { enUSCards } from '../../../lambda/src/speech/en-US-cards';
import { ssml } from '../../../lambda/src/speech/ssml';
import { writtenTime } from '../../../lambda/src/speech/spoken-time';

const words: CardWords = enUSCards({ when: () => undefined, clock: () => '', written: (at) => writtenTime(at, 'en-US', 'UTC') }).cardWords();
const AT = new Date('2026-12-01T14:00:00Z');

describe('console links', () => {
  it('links an execution in its pipeline and region', () => {
    expect(executionLink({ name: 'checkout-prod', region: 'eu-central-1' }, '83b82880-1f2e-4c3d-9a8b-7c6d5e4f3a2b'))
      .toBe('https://eu-central-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/checkout-prod/executions/83b82880-1f2e-4c3d-9a8b-7c6d5e4f3a2b/timeline?region=eu-central-1');
  });

  it('links a deployment in its region', () => {
    expect(deploymentLink('ap-southeast-2', 'd-WAHZPY0AB')).toBe('https://ap-southeast-2.console.aws.amazon.com/codesuite/codedeploy/deployments/d-WAHZPY0AB?region=ap-southeast-2');
  });

  it('encodes what it puts in the path, so a name cannot change the page it links to', () => {
    expect(executionLink({ name: 'shop@v2/../admin', region: 'us-east-1' }, 'a b?c'))
      .toBe('https://us-east-1.console.aws.amazon.com/codesuite/codepipeline/pipelines/shop%40v2%2F..%2Fadmin/executions/a%20b%3Fc/timeline?region=us-east-1');
  });
});

describe('buildCard', () => {
  it('writes what was said as plain text, with the characters speech escapes put back', () => {
    const card = buildCard(words, ssml`Service ${'a & b <c>'} is "ready".`, { at: AT, environment: 'production' }, []);
    expect(card.text.split('\n')[0]).toBe('Service a & b <c> is "ready".');
    expect(plainText(ssml`<break time="1s"/>Done .`)).toBe('Done.');
  });

  it('keeps the space French writes before : ? ! ;, and closes only the gap a tag left there', () => {
    expect(plainText(ssml`Dois-je l'approuver ?<break time="1s"/> Réponse : oui ; tout de suite !`)).toBe('Dois-je l\'approuver ? Réponse : oui ; tout de suite !');
    expect(plainText(ssml`Shall I ship it<break time="1s"/>?`)).toBe('Shall I ship it?');
  });

  it('stays within Alexa\'s 8000 characters of card text however long a commit message is', () => {
    const execution = { id: 'e-1', status: 'Succeeded', isRollback: false, revisions: [{ revisionId: 'abc', summary: 'x'.repeat(20_000) }] };
    const card = buildCard(words, ssml`Done.`, { at: AT }, [{ kind: 'execution', role: 'last', pipeline: { name: 'p', region: 'us-east-1' }, execution }]);
    expect(card.title.length + card.text.length).toBeLessThanOrEqual(8000);
    expect(card.text.endsWith('…')).toBe(true);
  });

  it('names who asked, and says so when the config does not name them', () => {
    expect(buildCard(words, ssml`Done.`, { at: AT, askedBy: 'Dana' }, []).text).toContain('Asked by: Dana, 2026-12-01 14:00 UTC');
    expect(buildCard(words, ssml`Done.`, { at: AT }, []).text).toContain('Asked by: someone not named in the config, 2026-12-01 14:00 UTC');
  });
});
