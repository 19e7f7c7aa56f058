import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { alexaTimestamp, fakeApiAccessToken, intentRequest, launchRequest, sessionEndedRequest, type Caller } from '../../../../tools/simulator/envelopes';

const caller: Caller = {
  skillId: 'amzn1.ask.skill.11111111-2222-3333-4444-555555555555',
  locale: 'en-US',
  userId: 'amzn1.ask.account.TESTUSER',
  deviceId: 'amzn1.ask.device.TESTDEVICE',
  personId: 'amzn1.ask.person.TESTPERSON',
  apiEndpoint: 'https://api.amazonalexa.com',
  apiAccessToken: 'token',
};
const stamp = { requestId: 'amzn1.echo-api.request.r1', timestamp: new Date('2025-03-04T05:06:07.890Z') };
const session = { sessionId: 'amzn1.echo-api.session.s1', isNew: true };

/** Every key path of a JSON value, arrays and map-like objects (attributes, slots) left out. */
function keyPaths(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = `${prefix}${key}`;
    return ['attributes', 'slots', 'supportedInterfaces'].includes(key) ? [path] : [path, ...keyPaths(child, `${path}.`)];
  });
}

describe('request envelopes', () => {
  it('shape an IntentRequest like the captured dialog one, key for key', () => {
    // Prepare
    const real = JSON.parse(readFileSync(join(__dirname, '../../../fixtures/simulator/real-intent-dialog-started.json'), 'utf8')) as unknown;
    const intent = { name: 'TestDelegateIntent', confirmationStatus: 'NONE' as const, slots: { key: { name: 'key', confirmationStatus: 'NONE' as const } } };
    // Act
    const envelope = intentRequest({ ...caller, personId: undefined }, { ...session, isNew: false }, stamp, intent, 'STARTED');
    // Assess
    expect(keyPaths(envelope).sort()).toEqual(keyPaths(real).sort());
  });

  it('stamp the time without milliseconds, as Alexa does', () => {
    // Act
    const timestamp = alexaTimestamp(new Date('2025-03-04T05:06:07.890Z'));
    // Assess
    expect(timestamp).toBe('2025-03-04T05:06:07Z');
  });

  it('carry the person, device and token in context.System and leave attributes out of a new session', () => {
    // Act
    const envelope = launchRequest(caller, session, stamp);
    // Assess
    expect(envelope).toEqual({
      version: '1.0',
      session: { new: true, sessionId: session.sessionId, application: { applicationId: caller.skillId }, user: { userId: caller.userId } },
      context: {
        System: {
          application: { applicationId: caller.skillId },
          user: { userId: caller.userId },
          person: { personId: caller.personId },
          device: { deviceId: caller.deviceId, supportedInterfaces: {} },
          apiEndpoint: 'https://api.amazonalexa.com',
          apiAccessToken: 'token',
        },
      },
      request: { type: 'LaunchRequest', requestId: stamp.requestId, timestamp: '2025-03-04T05:06:07Z', locale: 'en-US' },
    });
  });

  it('give a SessionEndedRequest its reason and error', () => {
    // Act
    const envelope = sessionEndedRequest(caller, { ...session, isNew: false, attributes: { a: 1 } }, stamp, 'ERROR', { type: 'INVALID_RESPONSE', message: 'boom' });
    // Assess
    expect(envelope.request).toEqual({
      type: 'SessionEndedRequest', requestId: stamp.requestId, timestamp: '2025-03-04T05:06:07Z', locale: 'en-US', reason: 'ERROR', error: { type: 'INVALID_RESPONSE', message: 'boom' },
    });
    expect(envelope.session?.attributes).toEqual({ a: 1 });
  });

  it('make an access token that looks like a JWT naming the skill', () => {
    // Act
    const token = fakeApiAccessToken(caller.skillId, caller.userId, caller.deviceId, stamp.timestamp);
    // Assess
    const [header, payload, signature] = token.split('.');
    expect(signature).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(JSON.parse(Buffer.from(header ?? '', 'base64url').toString())).toMatchObject({ typ: 'JWT', alg: 'RS256' });
    expect(JSON.parse(Buffer.from(payload ?? '', 'base64url').toString())).toMatchObject({ sub: caller.skillId, iat: 1741064767 });
  });
});
