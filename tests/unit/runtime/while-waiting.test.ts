import { waitingForAws, whileWaiting } from '../../../lambda/src/runtime/while-waiting';

const nextCheckPhase = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('whileWaiting', () => {
  it('runs a queued task only once a request is waiting for AWS, after the code that sent it', async () => {
    // Prepare
    const ran: string[] = [];
    whileWaiting('test:order', () => ran.push('task'));

    // Act
    await nextCheckPhase();
    const before = [...ran];
    waitingForAws();
    ran.push('sender goes on');
    await Promise.resolve();
    const afterMicrotasks = [...ran];
    await nextCheckPhase();

    // Assess
    expect(before).toEqual([]);
    expect(afterMicrotasks).toEqual(['sender goes on']);
    expect(ran).toEqual(['sender goes on', 'task']);
  });

  it('runs a key once, however often it is queued or the process waits', async () => {
    // Prepare
    let runs = 0;
    whileWaiting('test:once', () => { runs += 1; });
    whileWaiting('test:once', () => { runs += 10; });

    // Act
    waitingForAws();
    await nextCheckPhase();
    whileWaiting('test:once', () => { runs += 100; });
    waitingForAws();
    await nextCheckPhase();

    // Assess
    expect(runs).toBe(1);
  });

  it('keeps a failing task from stopping the others or reaching the request', async () => {
    // Prepare
    const ran: string[] = [];
    whileWaiting('test:fails', () => { throw new Error('no ICU'); });
    whileWaiting('test:after', () => ran.push('after'));

    // Act
    waitingForAws();
    await nextCheckPhase();

    // Assess
    expect(ran).toEqual(['after']);
  });
});
