import { rmSync } from 'node:fs';
import { RUN_DIR_VARIABLE } from './global-setup';

export default function globalTeardown(): void {
  const dir = process.env[RUN_DIR_VARIABLE];
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
}
