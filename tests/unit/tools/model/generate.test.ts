import { resolve } from 'node:path';
import { DEFAULT_CONFIG_PATH, configPathFrom } from '../../../../tools/model/generate';

describe('configPathFrom', () => {
  it('prefers --config over PUSH_TO_PROD_CONFIG', () => {
    // Act
    const path = configPathFrom(['--config', 'a.json'], { PUSH_TO_PROD_CONFIG: 'b.json' });

    // Assess
    expect(path).toBe(resolve('a.json'));
  });

  it('uses PUSH_TO_PROD_CONFIG when there is no flag, and the bundled config when neither is set', () => {
    // Act / Assess
    expect(configPathFrom([], { PUSH_TO_PROD_CONFIG: 'b.json' })).toBe(resolve('b.json'));
    expect(configPathFrom([], { PUSH_TO_PROD_CONFIG: ' ' })).toBe(DEFAULT_CONFIG_PATH);
    expect(DEFAULT_CONFIG_PATH.endsWith('lambda/push-to-prod.json')).toBe(true);
  });

  it('refuses --config without a file name', () => {
    // Act / Assess
    expect(() => configPathFrom(['--config'], {})).toThrow(/--config needs a file name/);
    expect(() => configPathFrom(['--config', '--verbose'], {})).toThrow(/--config needs a file name/);
  });
});
