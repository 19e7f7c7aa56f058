import { CASES, cleanUp, proveCase, settle } from './fault-harness';

afterEach(cleanUp);
afterAll(settle);

describe('the Lambda handler against a misbehaving AWS (real SDK, local AWS): reads and deploys', () => {
  it.each(CASES.filter((c) => ['status', 'deploy'].includes(c.ask)))('$name', proveCase, 15_000);
});
