import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import * as ts from 'typescript';

const ROOT = resolve(__dirname, '..', '..');
export const LAMBDA_SRC = join(ROOT, 'lambda', 'src');
/** The files through which lambda/ takes values from the AWS SDK (see their headers): the skill's, and SSM's for the notifier. */
export const SDK_MODULES = [join(LAMBDA_SRC, 'adapters', 'aws', 'sdk.ts'), join(LAMBDA_SRC, 'adapters', 'aws', 'ssm-sdk.ts')];
/** The two Lambda entries, each with its own role in the template. */
export const ENTRIES = { skill: join(LAMBDA_SRC, 'index.ts'), notifier: join(LAMBDA_SRC, 'notifier', 'index.ts') } as const;

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
  for (const statement of SDK_MODULES.flatMap((module) => [...parse(module).statements])) {
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
export function sentOperations(from?: string): SentOperation[] {
  const services = sdkExports();
  const sent: SentOperation[] = [];
  const reachable = from === undefined ? undefined : reachableFiles(from);
  for (const path of sourceFiles(LAMBDA_SRC).filter((file) => reachable === undefined || reachable.has(file))) {
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

/**
 * The files under lambda/src that `entry` loads, statically or on first use (`import`, `export … from`, `import()`,
 * `require()`), type-only imports left out: what a function's bundle can run, and so what its role must allow.
 */
export function reachableFiles(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const visit = (node: ts.Node): void => {
      let specifier: ts.Expression | undefined;
      if (ts.isImportDeclaration(node) && !node.importClause?.isTypeOnly) specifier = node.moduleSpecifier;
      else if (ts.isExportDeclaration(node) && !node.isTypeOnly) specifier = node.moduleSpecifier;
      else if (ts.isCallExpression(node) && (node.expression.kind === ts.SyntaxKind.ImportKeyword
        || (ts.isIdentifier(node.expression) && node.expression.text === 'require'))) specifier = node.arguments[0];
      if (specifier !== undefined && ts.isStringLiteral(specifier) && specifier.text.startsWith('.')) {
        const resolved = resolveSource(join(file, '..', specifier.text));
        if (resolved !== undefined) pending.push(resolved);
      }
      ts.forEachChild(node, visit);
    };
    visit(parse(file));
  }
  return seen;
}

function resolveSource(base: string): string | undefined {
  for (const candidate of [`${base}.ts`, join(base, 'index.ts')]) {
    try {
      readFileSync(candidate);
      return candidate;
    } catch {
      // not this one
    }
  }
  return undefined;
}
