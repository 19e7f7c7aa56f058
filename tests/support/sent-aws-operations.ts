import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
export const LAMBDA_SRC = join(ROOT, 'lambda', 'src');
/** The one file through which the skill takes values from the AWS SDK (see its header). */
export const SDK_MODULE = join(LAMBDA_SRC, 'adapters', 'aws', 'sdk.ts');

/** An AWS operation the code constructs a command for, where, and the IAM action that authorizes it. */
export interface SentOperation {
  /** `StartPipelineExecutionCommand` */
  readonly command: string;
  /** `codepipeline:StartPipelineExecution` */
  readonly action: string;
  /** The file that constructs it, relative to the repository. */
  readonly file: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

function parse(path: string): ts.SourceFile {
  return ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
}

/**
 * The IAM service prefix of each value sdk.ts re-exports from an `@aws-sdk/client-<service>` package. The prefix is
 * the package's suffix for every client the skill uses (codepipeline, codedeploy, dynamodb); a client whose IAM prefix
 * differs would show up as a sent action that no policy grants.
 */
export function sdkExports(): Map<string, string> {
  const services = new Map<string, string>();
  for (const statement of parse(SDK_MODULE).statements) {
    if (!ts.isExportDeclaration(statement) || statement.moduleSpecifier === undefined) continue;
    if (!ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const client = /^@aws-sdk\/client-(.+)$/.exec(statement.moduleSpecifier.text)?.[1];
    if (client === undefined || statement.exportClause === undefined || !ts.isNamedExports(statement.exportClause)) continue;
    for (const element of statement.exportClause.elements) services.set(element.name.text, client);
  }
  return services;
}

/**
 * Every AWS SDK command the code under lambda/src constructs (`new XCommand(…)`), read from the sources rather than
 * listed by hand. A command class that does not come through sdk.ts is reported with the action `unknown:<name>`, so
 * that a comparison with the policy fails on it instead of missing it.
 */
export function sentOperations(): SentOperation[] {
  const services = sdkExports();
  const sent: SentOperation[] = [];
  for (const path of sourceFiles(LAMBDA_SRC)) {
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text.endsWith('Command')) {
        const command = node.expression.text;
        const service = services.get(command);
        const operation = command.slice(0, -'Command'.length);
        sent.push({ command, action: `${service ?? 'unknown'}:${operation}`, file: relative(ROOT, path) });
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(path));
  }
  return sent;
}
