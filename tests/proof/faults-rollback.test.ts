import { CASES, cleanUp, proveCase, settle } from './fault-harness';

afterEach(cleanUp);
afterAll(settle);

describe('the Lambda handler against a misbehaving AWS (real SDK, local AWS): rollbacks', () => {
  it.each(CASES.filter((c) => ['rollback', 'stop'].includes(c.ask)))('$name', proveCase, 15_000);
});
