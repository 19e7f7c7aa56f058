import { readFile } from 'node:fs/promises';
import { ReplayFileError } from './errors';
import type { TaskLaunch } from './envelopes';
import type { Turn } from './simulator';

/** An `ask dialog --replay` file, checked. */
export interface ReplayScript {
  readonly skillId: string;
  readonly locale: string;
  /** The inputs to say, trimmed as ask-cli trims them, up to (not including) `.quit`. */
  readonly userInputs: readonly string[];
  /** Whether the file ends with `.quit`; without it ask dialog goes on interactively after the last input. */
  readonly quits: boolean;
  /**
   * A custom task to launch before the first input, as a routine or a Quick Link would (`"task": {"name":
   * "PushToProd", "input": {…}}`). ask dialog reads only skillId, locale, type and userInput, so the file stays one
   * it accepts; it cannot launch a task, so against the deployed skill it plays the inputs alone.
   */
  readonly task?: TaskLaunch;
}

const QUIT = '.quit';

/**
 * Checks a replay file's JSON the way ask-cli does (skillId and locale non-blank, no blank input) and a little
 * further: every problem is reported at once, with the index of each bad input. Inputs after `.quit` are never
 * said, as in ask dialog. Other dot-commands (`.record`) act on the developer's machine, so they are refused.
 */
export function parseReplay(text: string, source = 'replay file'): ReplayScript {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    throw new ReplayFileError(source, [`not JSON: ${(cause as Error).message}`], { cause });
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ReplayFileError(source, ['(root): expected an object with skillId, locale, type and userInput']);
  }
  const file = json as Record<string, unknown>;
  const issues: string[] = [];
  if (!isNonBlank(file.skillId)) issues.push('skillId: required, a non-blank string (amzn1.ask.skill.…)');
  else if (!file.skillId.trim().startsWith('amzn1.ask.skill.')) issues.push(`skillId: "${file.skillId}" does not start with amzn1.ask.skill.`);
  if (!isNonBlank(file.locale)) issues.push('locale: required, a non-blank string such as en-US');
  else if (!/^[a-z]{2}-[A-Z]{2}$/.test(file.locale.trim())) issues.push(`locale: "${file.locale}" is not a locale such as en-US`);
  if (file.type !== undefined && file.type !== 'text') issues.push(`type: "${String(file.type)}" is not supported; ask dialog writes "text"`);
  const inputs = checkInputs(file.userInput, issues);
  const task = checkTask(file.task, issues);
  if (issues.length > 0) throw new ReplayFileError(source, issues);
  const quitAt = inputs.indexOf(QUIT);
  return {
    skillId: (file.skillId as string).trim(),
    locale: (file.locale as string).trim(),
    userInputs: quitAt === -1 ? inputs : inputs.slice(0, quitAt),
    quits: quitAt !== -1,
    ...(task ? { task } : {}),
  };
}

/** Reads and checks a replay file (see {@link parseReplay}). */
export async function readReplayFile(path: string): Promise<ReplayScript> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (cause) {
    throw new ReplayFileError(path, [`cannot read the file: ${(cause as Error).message}`], { cause });
  }
  return parseReplay(text, path);
}

/** Launches the script's task, if it has one, then says every input in order, and returns the turns. */
export async function runReplay(
  script: ReplayScript,
  simulator: { say(text: string): Promise<Turn>; startTask(name: string, input?: Record<string, unknown>, version?: string): Promise<Turn> },
): Promise<Turn[]> {
  const turns: Turn[] = [];
  if (script.task) turns.push(await simulator.startTask(script.task.name, script.task.input, script.task.version));
  for (const input of script.userInputs) turns.push(await simulator.say(input));
  return turns;
}

function checkInputs(value: unknown, issues: string[]): string[] {
  if (!Array.isArray(value)) {
    issues.push('userInput: required, an array of strings');
    return [];
  }
  const inputs: string[] = [];
  let quit = false;
  value.forEach((input: unknown, i) => {
    if (typeof input !== 'string') {
      issues.push(`userInput[${i}]: expected a string, got ${input === null ? 'null' : typeof input}`);
      return;
    }
    const trimmed = input.trim();
    if (trimmed === '') issues.push(`userInput[${i}]: blank; ask dialog refuses empty inputs`);
    else if (!quit && trimmed.startsWith('.') && trimmed !== QUIT) issues.push(`userInput[${i}]: "${trimmed}" is an ask dialog command the simulator does not run; only .quit is supported`);
    if (trimmed === QUIT) quit = true;
    inputs.push(trimmed);
  });
  return inputs;
}

function checkTask(value: unknown, issues: string[]): TaskLaunch | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    issues.push('task: expected an object with name and optionally version and input');
    return undefined;
  }
  const task = value as Record<string, unknown>;
  const before = issues.length;
  if (!isNonBlank(task.name) || !/^[A-Za-z][A-Za-z0-9]*$/.test(task.name)) issues.push('task.name: required, the task\'s name as in skill-package/tasks, such as PushToProd');
  if (task.version !== undefined && (typeof task.version !== 'string' || !/^[1-9]\d*$/.test(task.version))) issues.push('task.version: a positive whole number as a string, such as "1"');
  const input = task.input ?? {};
  if (typeof input !== 'object' || input === null || Array.isArray(input)) issues.push('task.input: expected an object');
  if (issues.length > before) return undefined;
  return { name: task.name as string, version: (task.version as string | undefined) ?? '1', input: input as Record<string, unknown> };
}

function isNonBlank(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
