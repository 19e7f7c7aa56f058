import type { Directive } from 'ask-sdk-model';
import { Simulator } from '../../../../tools/simulator/simulator';
import { formatTranscript } from '../../../../tools/simulator/transcript';
import { SkillResponseRejectedError } from '../../../../tools/simulator/errors';
import { fixtureModel, recordingSkill, SKILL_ID, speak } from './fake-skill';
import type { DeviceKind } from '../../../../tools/simulator/device';
import type { SkillInvoker } from '../../../../tools/simulator';

const RENDER = {
  type: 'Alexa.Presentation.APL.RenderDocument',
  token: 'push-to-prod.status',
  document: { type: 'APL', version: '2024.1', mainTemplate: { parameters: ['payload'], items: [{ type: 'Text', text: '${payload.screen.heading}' }] } },
  datasources: { screen: { heading: 'Release status', stages: [{ name: 'Build', mark: '✓' }, { name: 'Deploy', mark: '▶' }], lines: [] } },
} as unknown as Directive;

function simulator(invoker: SkillInvoker, device: DeviceKind, manifestInterfaces: readonly string[] = ['ALEXA_PRESENTATION_APL']): Simulator {
  return new Simulator({ model: fixtureModel(), invoker, skillId: SKILL_ID, locale: 'en-US', device, manifestInterfaces });
}

describe('the simulated device', () => {
  it('is a speaker by default: no supported interfaces, no viewport', async () => {
    // Prepare
    const skill = recordingSkill(() => speak('Hi.', { end: true }));

    // Act
    await new Simulator({ model: fixtureModel(), invoker: skill.invoker, skillId: SKILL_ID, locale: 'en-US' }).say('open release captain');

    // Assess
    expect(skill.received[0]?.context.System.device?.supportedInterfaces).toEqual({});
    expect(skill.received[0]?.context.Viewport).toBeUndefined();
  });

  it('as an Echo Show, sends APL in supportedInterfaces and its viewport, and prints the screen the skill draws', async () => {
    // Prepare
    const skill = recordingSkill(() => speak('Deploy is running.', { end: true, directives: [RENDER] }));

    // Act
    const turn = await simulator(skill.invoker, 'show').say('open release captain');

    // Assess
    expect(skill.received[0]?.context.System.device?.supportedInterfaces).toEqual({ 'Alexa.Presentation.APL': { runtime: { maxVersion: '2024.2' } } });
    expect(skill.received[0]?.context.Viewport?.pixelWidth).toBe(1280);
    expect(turn.error).toBeUndefined();
    expect(formatTranscript([turn])).toBe('User  > open release captain\nSession ended\nAlexa > Deploy is running.\n[screen: status — Build ✓ · Deploy ▶]\n');
  });

  it('as an Echo Show of a skill that does not declare APL, lists no APL interface, as Alexa does, and refuses a screen', async () => {
    // Prepare
    const skill = recordingSkill(() => speak('Deploy is running.', { end: true, directives: [RENDER] }));

    // Act
    const turn = await simulator(skill.invoker, 'show', []).say('open release captain');

    // Assess
    expect(skill.received[0]?.context.System.device?.supportedInterfaces).toEqual({});
    expect(turn.error).toBeInstanceOf(SkillResponseRejectedError);
    expect(String(turn.error)).toMatch(/apl-declared-in-manifest/);
  });

  it('as a speaker, refuses a screen: Alexa rejects APL to a device without it', async () => {
    // Prepare
    const skill = recordingSkill(() => speak('Deploy is running.', { end: true, directives: [RENDER] }));

    // Act
    const turn = await simulator(skill.invoker, 'speaker').say('open release captain');

    // Assess
    expect(String(turn.error)).toMatch(/apl-supported-by-device/);
    expect(turn.screens).toEqual([]);
  });
});
