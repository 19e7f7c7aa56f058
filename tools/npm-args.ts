/**
 * `npm start --json` (without `--`) does not pass --json to the script: npm takes it as its own setting and leaves
 * it in the environment as npm_config_json=true. A tool that did not look would run without the option, silently.
 * This finds such options, so the tool can say how to pass them.
 */
export function swallowedByNpm(optionNames: readonly string[], env: NodeJS.ProcessEnv): string[] {
  return optionNames.filter((name) => {
    const value = env[`npm_config_${name.replace(/-/g, '_')}`];
    return value !== undefined && value !== '' && value !== 'false';
  }).map((name) => `--${name}`);
}

/** The one line a tool prints for them: `npm kept --json for itself; put the tool's options after --: npm start -- --json`. */
export function swallowedMessage(script: string, options: readonly string[]): string {
  return `npm kept ${options.join(' ')} for itself; put the options after --, as in: npm ${script} -- ${options.join(' ')}`;
}
