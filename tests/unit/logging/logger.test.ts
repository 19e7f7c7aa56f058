import { jsonLogger, redact } from '../../../lambda/src/logging/logger';

describe('logger', () => {
  it('redacts tokens however deep they sit', () => {
    const out = redact({ context: { System: { apiAccessToken: 'SECRET1', user: { accessToken: 'SECRET2', userId: 'u' } } }, list: [{ consentToken: 'SECRET3' }] });
    expect(JSON.stringify(out)).not.toMatch(/SECRET/);
    expect(JSON.stringify(out)).toContain('"userId":"u"');
  });

  it('writes one JSON line per event', () => {
    const lines: string[] = [];
    jsonLogger((l) => lines.push(l)).log('info', 'audit.deploy', { userId: 'u', token: 'ptp-secret' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '')).toEqual(expect.objectContaining({ level: 'info', event: 'audit.deploy', userId: 'u', token: '[redacted]' }));
  });
});
