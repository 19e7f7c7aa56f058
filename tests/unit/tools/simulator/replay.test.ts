import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplayFileError } from '../../../../tools/simulator/errors';
import { parseReplay, readReplayFile, runReplay } from '../../../../tools/simulator/replay';
import { formatTranscript } from '../../../../tools/simulator/transcript';
import { intentRequestOf, recordingSkill, simulatorFor, SKILL_ID, speak } from './fake-skill';

function issuesOf(text: string): readonly string[] {
  try {
    parseReplay(text, 'dialog.json');
  } catch (error) {
    if (error instanceof ReplayFileError) return error.issues;
    throw error;
  }
  throw new Error('expected a ReplayFileError');
}

const valid = { skillId: SKILL_ID, locale: 'en-US', type: 'text', userInput: ['open release captain', ' push to prod ', 'yes', '.quit'] };

describe('parseReplay', () => {
  it('reads what ask dialog records, trims inputs and stops at .quit', () => {
    // Act
    const script = parseReplay(JSON.stringify({ ...valid, userInput: [...valid.userInput, 'never said'] }));
    // Assess
    expect(script).toEqual({ skillId: SKILL_ID, locale: 'en-US', userInputs: ['open release captain', 'push to prod', 'yes'], quits: true });
  });

  it('says when there is no .quit, so the caller knows ask dialog would go interactive', () => {
    // Act
    const script = parseReplay(JSON.stringify({ ...valid, userInput: ['open release captain'] }));
    // Assess
    expect(script.quits).toBe(false);
  });

  it('names the index of every blank input', () => {
    // Act
    const issues = issuesOf(JSON.stringify({ ...valid, userInput: ['open release captain', '  ', 'yes', ''] }));
    // Assess
    expect(issues).toEqual([expect.stringMatching(/^userInput\[1\]: blank/), expect.stringMatching(/^userInput\[3\]: blank/)]);
  });

  it('reads a task to launch before the inputs, which ask dialog itself ignores', () => {
    // Act
    const script = parseReplay(JSON.stringify({ ...valid, task: { name: 'PushToProd', input: { environment: 'prod' } }, userInput: ['yes', '.quit'] }));
    // Assess
    expect(script.task).toEqual({ name: 'PushToProd', version: '1', input: { environment: 'prod' } });
    expect(script.userInputs).toEqual(['yes']);
  });

  it.each([
    ['without a name', { input: {} }, /^task\.name: required/],
    ['whose input is not an object', { name: 'PushToProd', input: ['prod'] }, /^task\.input: expected an object/],
    ['whose version is not a whole number', { name: 'PushToProd', version: 1 }, /^task\.version: /],
  ])('refuses a task %s', (_, task, issue) => {
    expect(issuesOf(JSON.stringify({ ...valid, task }))).toEqual([expect.stringMatching(issue)]);
  });

  it('requires skillId and locale', () => {
    // Act
    const issues = issuesOf(JSON.stringify({ type: 'text', userInput: ['hi'] }));
    // Assess
    expect(issues).toEqual([expect.stringMatching(/^skillId: required/), expect.stringMatching(/^locale: required/)]);
  });

  it.each([
    [{ ...valid, skillId: 'release-captain' }, /^skillId: "release-captain" does not start with amzn1\.ask\.skill\./],
    [{ ...valid, locale: 'english' }, /^locale: "english" is not a locale/],
    [{ ...valid, type: 'voice' }, /^type: "voice" is not supported/],
    [{ ...valid, userInput: 'open release captain' }, /^userInput: required, an array of strings/],
    [{ ...valid, userInput: ['open release captain', 42] }, /^userInput\[1\]: expected a string, got number/],
    [{ ...valid, userInput: ['.record out.json'] }, /^userInput\[0\]: "\.record out\.json" is an ask dialog command/],
    [[valid], /^\(root\): expected an object/],
  ])('explains what is wrong with %j', (file, message) => {
    // Act
    const issues = issuesOf(JSON.stringify(file));
    // Assess
    expect(issues).toEqual([expect.stringMatching(message)]);
  });

  it('says when the file is not JSON, naming the file', () => {
    // Act
    const parsing = (): unknown => parseReplay('{"skillId": ', 'dialog.json');
    // Assess
    expect(parsing).toThrow(/Invalid replay file \(dialog\.json\):\n {2}- not JSON/);
  });
});

describe('replaying a file', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'simulator-replay-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('plays every input through the skill and prints the transcript ask dialog would', async () => {
    // Prepare
    const path = join(dir, 'push-to-prod.json');
    await writeFile(path, JSON.stringify(valid));
    const skill = recordingSkill((e) => {
      if (e.request.type === 'LaunchRequest') return speak('Release captain here. What shall we ship?', { end: false });
      const { intent } = intentRequestOf(e);
      if (intent.confirmationStatus === 'CONFIRMED') return speak('Started the pipeline for checkout &amp; friends.', { end: true });
      return speak(`Ship checkout to <emphasis>${intent.slots?.environment?.value}</emphasis>?`, { directives: [{ type: 'Dialog.ConfirmIntent', updatedIntent: intent }] });
    });
    const script = await readReplayFile(path);
    // Act
    const turns = await runReplay(script, simulatorFor(skill.invoker));
    // Assess
    expect(formatTranscript(turns)).toBe(
      [
        'User  > open release captain',
        'Alexa > Release captain here. What shall we ship?',
        'User  > push to prod',
        'Alexa > Ship checkout to prod?',
        'User  > yes',
        'Session ended',
        'Alexa > Started the pipeline for checkout & friends.',
        '',
      ].join('\n'),
    );
  });

  it('names the file it cannot read', async () => {
    // Act
    const reading = readReplayFile(join(dir, 'missing.json'));
    // Assess
    await expect(reading).rejects.toThrow(/missing\.json[\s\S]*cannot read the file/);
  });
});
