import type { RequestHandler } from 'ask-sdk-core';
import type { IntentSpec } from '../intents';
import { findTask, taskIntent } from '../tasks';
import { applicationIdOf, taskOf } from '../turn/request-shape';
import { turnOf } from '../turn/turn';
import { runIntent } from './run-intent';

/**
 * A custom task (a routine's "Alexa, push to prod", a Quick Link) arrives as a LaunchRequest carrying
 * `task: {name: '<skillId>.PushToProd', version, input}`. It leads into the same handler as the spoken intent, with
 * the task's input in the intent's slots: the skill reads back what it would do and asks, and only a yes in the next
 * turn, to that read-back, acts. A routine phrase is never consent. Stand after the access guard (strangers are
 * refused before this) and before the plain launch, which answers any task the skill does not know.
 */
export function taskLaunchHandler(intents: readonly IntentSpec[]): RequestHandler {
  const byName = new Map(intents.map((spec) => [spec.name, spec]));
  const launched = (input: Parameters<RequestHandler['canHandle']>[0]) => {
    const task = taskOf(input);
    const spec = task && findTask(applicationIdOf(input), task.name, task.version);
    const intent = spec && byName.get(spec.intent);
    return task && spec && intent ? { task, spec, intent } : undefined;
  };
  return {
    canHandle: (input) => launched(input) !== undefined,
    async handle(input) {
      const found = launched(input);
      if (!found) throw new Error('canHandle chose a task launch that is gone');
      const { task, spec, intent } = found;
      const turn = turnOf(input);
      turn.deps.logger.log('info', 'task.launched', { task: spec.name, version: task.version, intent: intent.name });
      return runIntent(intent, turn, taskIntent(spec, task.input, intent.slots));
    },
  };
}
