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
