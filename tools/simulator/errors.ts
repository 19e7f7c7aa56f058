import type { ResponseRule, RuleBreach } from './response-rules';

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

/**
 * The skill answered with a response Alexa would refuse. `breaches` name each rule (see response-rules.ts); the device
 * would only say "There was a problem with the requested skill's response".
 */
export class SkillResponseRejectedError extends SimulatorError {
  readonly breaches: readonly RuleBreach[];
  constructor(breaches: readonly RuleBreach[]) {
    super(`Alexa would refuse the skill's response:\n  - ${breaches.map((b) => `${b.rule}: ${b.detail}`).join('\n  - ')}`);
    this.name = 'SkillResponseRejectedError';
    this.breaches = breaches;
  }

  /** The names of the rules broken, in order, each once. */
  get rules(): ResponseRule[] {
    return [...new Set(this.breaches.map((b) => b.rule))];
  }
}
