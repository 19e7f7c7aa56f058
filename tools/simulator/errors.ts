/** Base of everything the simulator rejects: a bad interaction model, a bad replay file, a skill that broke the protocol. */
export class SimulatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SimulatorError';
  }
}

/** The interaction model file is unreadable or breaks the shape ask-cli writes. `issues` name each field. */
export class InteractionModelError extends SimulatorError {
  readonly issues: readonly string[];
  constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`Invalid interaction model (${source}):\n  - ${issues.join('\n  - ')}`, options);
    this.name = 'InteractionModelError';
    this.issues = issues;
  }
}

/** The replay file is unreadable or not what `ask dialog --replay` accepts. `issues` name each field or index. */
export class ReplayFileError extends SimulatorError {
  readonly issues: readonly string[];
  constructor(source: string, issues: readonly string[], options?: { cause?: unknown }) {
    super(`Invalid replay file (${source}):\n  - ${issues.join('\n  - ')}`, options);
    this.name = 'ReplayFileError';
    this.issues = issues;
  }
}
