/** What `npm run doctor` (and the check before `npm run deploy`) found: one line each, with what to do. */
export type FindingLevel = 'ok' | 'warning' | 'problem';

export interface Finding {
  readonly level: FindingLevel;
  /** What was checked: a config field, a pipeline, a deployment group, the state table. */
  readonly subject: string;
  readonly message: string;
  /** What to do about it, for a warning or a problem. */
  readonly fix?: string;
}

const MARK: Readonly<Record<FindingLevel, string>> = { ok: 'ok     ', warning: 'warning', problem: 'PROBLEM' };

/** One line: `PROBLEM  allowedUsers[0]: … → what to do`. */
export function formatFinding(finding: Finding): string {
  return `${MARK[finding.level]}  ${finding.subject}: ${finding.message}${finding.fix === undefined ? '' : ` → ${finding.fix}`}`;
}

export const hasProblem = (findings: readonly Finding[]): boolean => findings.some((f) => f.level === 'problem');
