import { spokenNumber } from '../../../../tools/simulator/numbers';

describe('spokenNumber', () => {
  it.each([
    ['five', '5'],
    ['twenty three', '23'],
    ['one hundred and five', '105'],
    ['two thousand twenty four', '2024'],
    ['one two three four', '1234'],
    ['twenty twenty four', '2024'],
    ['nineteen eighty four', '1984'],
    ['zero', '0'],
    ['12', '12'],
    ['forty', '40'],
  ])('turns "%s" into %s', (spoken, digits) => {
    // Act
    const value = spokenNumber(spoken);
    // Assess
    expect(value).toBe(digits);
  });

  it.each(['checkout', 'five apples', ''])('finds no number in "%s"', (spoken) => {
    // Act
    const value = spokenNumber(spoken);
    // Assess
    expect(value).toBeUndefined();
  });
});
