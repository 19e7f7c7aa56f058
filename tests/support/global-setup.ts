import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The variable through which the global setup hands every worker the folder of this run's shared things. */
export const RUN_DIR_VARIABLE = 'PUSH_TO_PROD_TEST_RUN_DIR';

/** One folder per jest run for what its tests share (shared-bundle.ts); workers inherit the variable. */
export default function globalSetup(): void {
  process.env[RUN_DIR_VARIABLE] = mkdtempSync(join(tmpdir(), 'ptp-test-run-'));
}
