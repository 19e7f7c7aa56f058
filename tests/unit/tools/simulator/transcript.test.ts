import { captionOf, ssmlToCaption, transcriptLines } from '../../../../tools/simulator/transcript';

describe('ssmlToCaption', () => {
  it('drops tags, decodes entities and collapses whitespace', () => {
    // Act
    const caption = ssmlToCaption('<speak>Ship <say-as interpret-as="characters">API</say-as> &amp; web <break time="1s"/>to &quot;prod&quot;&#33; &#x263A;</speak>');
    // Assess
    expect(caption).toBe('Ship API & web to "prod"! \u263A');
  });

  it('leaves an unknown entity as written', () => {
    // Act
    const caption = ssmlToCaption('<speak>a &nbsp; b</speak>');
    // Assess
    expect(caption).toBe('a &nbsp; b');
  });
});

describe('captionOf', () => {
  it('reads plain text speech as is', () => {
    // Act
    const caption = captionOf({ type: 'PlainText', text: 'Done  deal.' });
    // Assess
    expect(caption).toBe('Done deal.');
  });

  it.each([[undefined], [{ type: 'SSML' as const, ssml: '<speak></speak>' }]])('gives no caption for %j', (speech) => {
    // Act
    const caption = captionOf(speech);
    // Assess
    expect(caption).toBeUndefined();
  });
});

describe('transcriptLines', () => {
  const withCard = { version: '1.0', response: { outputSpeech: { type: 'PlainText' as const, text: 'Done.' }, card: { type: 'Simple' as const, title: 'Release captain: checkout in production', content: 'Done.\n\nExecution: e-1' } } };

  it('prints the title of a card the skill left in the Alexa app after what Alexa said', () => {
    // Act
    const lines = transcriptLines({ user: 'yes', alexa: ['Done.'], sessionEnded: true, responses: [withCard] });
    // Assess
    expect(lines).toEqual(['User  > yes', 'Session ended', 'Alexa > Done.', 'Card  > Release captain: checkout in production']);
  });

  it('prints no card of a response Alexa refused', () => {
    // Act
    const lines = transcriptLines({ user: 'yes', alexa: ["There was a problem with the requested skill's response"], sessionEnded: true, responses: [withCard], error: new Error('refused') });
    // Assess
    expect(lines).not.toContain('Card  > Release captain: checkout in production');
  });

  it('prints the user with two spaces, then one line per caption', () => {
    // Act
    const lines = transcriptLines({ user: 'status', alexa: ['Checkout is live.', 'Anything else?'], sessionEnded: false });
    // Assess
    expect(lines).toEqual(['User  > status', 'Alexa > Checkout is live.', 'Alexa > Anything else?']);
  });

  it('prints "Session ended" before the captions, in the order ask dialog prints it', () => {
    // Act
    const lines = transcriptLines({ user: 'stop', alexa: ['Bye.'], sessionEnded: true });
    // Assess
    expect(lines).toEqual(['User  > stop', 'Session ended', 'Alexa > Bye.']);
  });

  it('prints nothing for Alexa when the response had a directive and no speech', () => {
    // Act
    const lines = transcriptLines({ user: 'deploy', alexa: [], sessionEnded: false });
    // Assess
    expect(lines).toEqual(['User  > deploy']);
  });
});
