import type { Intent } from 'ask-sdk-model';

/**
 * A custom task the skill provides: defined in skill-package/tasks/<name>.<version>.json, declared in the manifest's
 * apis.custom.tasks, and started by a routine or a Quick Link as a LaunchRequest carrying
 * `task: {name: '<skillId>.<name>', version, input}`. It leads into `intent`, whose slots its inputs fill: the same
 * read-back, yes and release code as when the person says it.
 */
export interface TaskSpec {
  readonly name: string;
  readonly version: string;
  readonly intent: string;
  /** The task's input properties; each fills the intent's slot of the same name. */
  readonly inputs: readonly string[];
}

/** Every task the skill provides. A test holds this table, the task files and the manifest in step. */
export const TASKS: readonly TaskSpec[] = [
  { name: 'PushToProd', version: '1', intent: 'DeployIntent', inputs: ['service', 'environment'] },
  { name: 'Rollback', version: '1', intent: 'RollbackIntent', inputs: ['service', 'environment'] },
];

/** No service or environment name comes near this; a longer input is treated as not said rather than echoed back. */
const MAX_INPUT_LENGTH = 100;

/** The task a LaunchRequest's `task.name` and `task.version` name, for the skill `skillId`; undefined for any other. */
export function findTask(skillId: string | undefined, name: string, version: string): TaskSpec | undefined {
  if (skillId === undefined || !name.startsWith(`${skillId}.`)) return undefined;
  const bare = name.slice(skillId.length + 1);
  return TASKS.find((task) => task.name === bare && task.version === version);
}

/**
 * The intent a task leads into, with `slots` (the model's slots of that intent) filled from the task's input as if
 * heard: only the inputs the task declares, only non-blank strings, never a confirmation or any other field the input
 * may carry. What the person must still say (the yes, the release code) stays empty.
 */
export function taskIntent(task: TaskSpec, input: Readonly<Record<string, unknown>>, slots: readonly string[]): Intent {
  const filled: NonNullable<Intent['slots']> = {};
  for (const name of slots) {
    const value = task.inputs.includes(name) ? input[name] : undefined;
    const said = typeof value === 'string' && value.trim() !== '' && value.length <= MAX_INPUT_LENGTH ? value.trim() : undefined;
    filled[name] = { name, confirmationStatus: 'NONE', ...(said === undefined ? {} : { value: said }) };
  }
  return { name: task.intent, confirmationStatus: 'NONE', slots: filled };
}
