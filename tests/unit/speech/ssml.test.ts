import { joinSsml, spokenList, ssml, toSpeech } from '../../../lambda/src/speech/ssml';

describe('ssml', () => {
  it('escapes interpolated values and keeps literal markup', () => {
    const speech = ssml`Pushing <break time="200ms"/> ${'a & b <break/>'}`;
    expect(speech.markup).toBe('Pushing <break time="200ms"/> a &amp; b &lt;break/&gt;');
  });

  it('does not escape nested speech twice', () => {
    expect(joinSsml([ssml`${'x&y'}`, 'z<']).markup).toBe('x&amp;y z&lt;');
  });

  it('lists choices with a conjunction', () => {
    expect(spokenList(['a', 'b', 'c'], 'or').markup).toBe('a, b or c');
  });

  it('shortens long speech without cutting through an entity or a tag', () => {
    const long = ssml`${'&'.repeat(3000)}`;
    const cut = toSpeech(long, 4000);
    expect(cut.length).toBeLessThanOrEqual(4000);
    expect(cut).toMatch(/(&amp;)+$/);
  });

});
