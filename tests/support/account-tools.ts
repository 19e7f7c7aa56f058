import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MODELS_DIR, TEMPLATE_PATH, type Artefacts } from '../../tools/model/generate';
import type { Choice, Prompter } from '../../tools/setup/prompter';
import type { LocalAws } from '../../tools/local-aws';

/**
 * For the tests of `npm run setup` and `npm run doctor`: a folder of the test file's own with copies of the model and
 * the template to regenerate (the committed ones stay as they are), and the local AWS in this process's environment,
 * where the SDK's default chain, region and endpoint settings find it, as they would find a real account.
 */
export function workFolder(prefix: string): { dir: string; artefacts: Required<Artefacts>; path(name: string): string; read(name: string): unknown } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const artefacts = { modelsDir: join(dir, 'models'), templatePath: join(dir, 'skill-stack.yaml') };
  cpSync(MODELS_DIR, artefacts.modelsDir, { recursive: true });
  cpSync(TEMPLATE_PATH, artefacts.templatePath);
  return { dir, artefacts, path: (name) => join(dir, name), read: (name) => JSON.parse(readFileSync(join(dir, name), 'utf8')) as unknown };
}

/** Points the SDK's defaults (endpoints, region, keys) at `aws`, as `export …` lines from local-aws would. */
export function useLocalAws(aws: LocalAws): void {
  Object.assign(process.env, aws.env, { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true' });
}

/** A person at the terminal, answering from a script; a question the script does not expect fails the test. */
export class ScriptedPrompter implements Prompter {
  readonly asked: string[] = [];
  constructor(private readonly answers: {
    checkbox?: (choices: readonly Choice<unknown>[]) => unknown[];
    confirm?: (message: string) => boolean;
    input?: (message: string) => string;
  }) {}

  async checkbox<T>(message: string, choices: readonly Choice<T>[]): Promise<T[]> {
    this.asked.push(message);
    if (this.answers.checkbox === undefined) throw new Error(`unexpected question: ${message}`);
    return this.answers.checkbox(choices) as T[];
  }

  async confirm(message: string): Promise<boolean> {
    this.asked.push(message);
    if (this.answers.confirm === undefined) throw new Error(`unexpected question: ${message}`);
    return this.answers.confirm(message);
  }

  async input(message: string, validate: (text: string) => string | true): Promise<string> {
    this.asked.push(message);
    if (this.answers.input === undefined) throw new Error(`unexpected question: ${message}`);
    const answer = this.answers.input(message);
    const verdict = validate(answer);
    if (verdict !== true) throw new Error(`"${answer}" refused: ${verdict}`);
    return answer;
  }
}
