import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/**
 * The skill id ask-cli recorded after `ask deploy` (`.ask/ask-states.json`, `profiles.<profile>.skillId`), or
 * undefined before the first deploy.
 */
export function deployedSkillId(root: string = ROOT, profile = process.env.ASK_DEFAULT_PROFILE ?? 'default'): string | undefined {
  try {
    const states = JSON.parse(readFileSync(join(root, '.ask', 'ask-states.json'), 'utf8')) as { profiles?: Record<string, { skillId?: unknown }> };
    const id = states.profiles?.[profile]?.skillId;
    return typeof id === 'string' && id !== '' ? id : undefined;
  } catch {
    return undefined;
  }
}
