/**
 * The questions setup asks, as an interface: the command line answers them with @inquirer/prompts (a well-kept prompt
 * library: arrow keys, space to toggle, validation as you type), tests with a script of answers.
 */
export interface Choice<T> {
  readonly name: string;
  readonly value: T;
  readonly checked?: boolean;
}

export interface Prompter {
  checkbox<T>(message: string, choices: readonly Choice<T>[]): Promise<T[]>;
  confirm(message: string, initial: boolean): Promise<boolean>;
  /** Asks until `validate` returns true; its string is said as the reason when not. */
  input(message: string, validate: (text: string) => string | true): Promise<string>;
}

/**
 * Loaded when the command line needs it, never by the tests. Version 7: it runs on the Node 20 this project supports
 * (version 8 wants Node 22).
 */
export async function inquirerPrompter(): Promise<Prompter> {
  const prompts = await import('@inquirer/prompts');
  return {
    checkbox: (message, choices) => prompts.checkbox({ message, choices: [...choices], pageSize: 20 }),
    confirm: (message, initial) => prompts.confirm({ message, default: initial }),
    input: (message, validate) => prompts.input({ message, validate: (text) => validate(text.trim()) }).then((text) => text.trim()),
  };
}
