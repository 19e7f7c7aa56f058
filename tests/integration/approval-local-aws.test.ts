import { silentLogger } from '../../lambda/src/logging/logger';
import { startDialog, type DialogSession } from '../../tools/dialog/session';
import { APPROVAL_TIMEOUT_MS, ManualClock } from '../../tools/local-aws';

/**
 * The skill from its sources, the real SDK and the simulator, against local AWS (the demo config answers checkout
 * production's approvals): what happens when the approval read back stops waiting before the yes arrives.
 */

const saved = { ...process.env };
const NOW = Date.UTC(2026, 10, 26, 14, 0, 0);
let session: DialogSession | undefined;
let clock: ManualClock;

beforeEach(async () => {
  clock = new ManualClock(NOW);
  session = await startDialog({ clock, seed: 7, logger: silentLogger });
  const store = session.localAws?.store;
  store?.pushCommit('checkout-prod', 'Speed up the order history query');
  store?.startExecution('checkout-prod', { at: NOW - 3_600_000 });
});

afterEach(async () => {
  await session?.close();
  session = undefined;
  process.env = { ...saved };
});

/** The waiting approval's token, as CodePipeline holds it. */
function waitingToken(): string {
  const pipeline = session?.localAws?.store.pipeline('checkout-prod');
  const token = pipeline?.executions.at(-1)?.approvals.get(2)?.token;
  if (token === undefined) throw new Error('no approval waits in checkout-prod');
  return token;
}

describe('an approval that stops waiting between the read-back and the yes', () => {
  it('sends nothing when someone answered it in the console meanwhile', async () => {
    // Prepare
    const talk = session as DialogSession;
    const { turn: question } = await talk.say('ask release captain to approve the checkout release to prod');
    expect(question.alexa.join(' ')).toMatch(/^The Approve stage of checkout-prod asked an hour ago to approve /);
    talk.localAws?.store.putApprovalResult('checkout-prod', 'Approve', 'ManualApproval', waitingToken(), { status: 'Rejected', summary: 'Not today' });

    // Act
    const { turn: answer, aws } = await talk.say('yes');

    // Assess
    expect(answer.alexa.join(' ')).toBe('That approval was already answered, or it expired, before your yes, so I sent nothing.');
    expect(aws.map((call) => call.operation)).not.toContain('PutApprovalResult');
    expect(talk.localAws?.mutatingCalls()).toEqual([]);
  });

  it('sends nothing when it expired meanwhile', async () => {
    // Prepare
    const talk = session as DialogSession;
    await talk.say('ask release captain to reject the checkout release to prod');
    clock.advance(APPROVAL_TIMEOUT_MS);

    // Act
    const { turn: answer } = await talk.say('yes');

    // Assess
    expect(answer.alexa.join(' ')).toBe('That approval was already answered, or it expired, before your yes, so I sent nothing.');
    expect(talk.localAws?.mutatingCalls()).toEqual([]);
  });

  it('answers it with the token CodePipeline handed out when it still waits', async () => {
    // Prepare
    const talk = session as DialogSession;
    await talk.say('ask release captain to approve the checkout release to prod');

    // Act
    const { turn: answer } = await talk.say('yes');

    // Assess
    expect(answer.alexa.join(' ')).toMatch(/^Done: I approved it\./);
    expect(talk.localAws?.mutatingCalls().map((call) => call.input)).toEqual([{
      pipelineName: 'checkout-prod', stageName: 'Approve', actionName: 'ManualApproval', token: waitingToken(),
      result: { status: 'Approved', summary: "Approved by voice through push-to-prod, for a person on the skill's allowlist" },
    }]);
  });
});
