/**
 * Makes a bundle's top level cheaper to compile: its initialisation code moves, in place and in order, into functions
 * of a few kilobytes each, called once right where the code stood; every top-level name becomes one `var` declared
 * first. Nothing else changes: the same statements run in the same order, in the same scope, with the same `this`.
 *
 * Why. V8 compiles a script's top level eagerly and in one piece: one syntax tree for all of it, held until its
 * bytecode is done. esbuild puts every ES module's body at the bundle's top level, so aws-sdk.js's top level is most
 * of its 230 KB, and compiling it cost a cold start 24 ms here, twice what the same code costs in pieces (much of it
 * the kernel mapping fresh memory for that one large tree: some 1,000 page faults against 160). Functions are only
 * pre-parsed with the script and compiled when first called, one at a time, each tree freed before the next: the
 * require of aws-sdk.js went from 55 to 45 ms (BENCHMARKS.md, "Cold StatusIntent"). No bundler option does this
 * (esbuild wraps a module in a function only when it must, and then per module); V8 has no flag a Lambda could set
 * for it. So this is written here, on acorn's syntax tree, with magic-string for the edits and their source map, which
 * is then composed with esbuild's (@jridgewell's trace-mapping and gen-mapping), so that `npm run stack` still finds
 * the TypeScript line.
 *
 * What stays at the top level, unwrapped: the directive prologue ("use strict"), function declarations (hoisted, and
 * already compiled lazily), and any statement that declares a `var` inside a block (it would belong to the function).
 * `let`, `const` and `class` become assignments to the hoisted `var`s: a bundle never reads one before its declaration
 * runs, so the temporal dead zone they lose was never reached.
 */
import { addMapping, GenMapping, setSourceContent, toEncodedMap } from '@jridgewell/gen-mapping';
import { eachMapping, originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { parse, type Node, type Pattern, type Program, type Statement, type VariableDeclaration } from 'acorn';
import MagicString from 'magic-string';

/** Code per function, in characters: small enough to compile quickly, large enough that the calls cost nothing. */
export const DEFAULT_CHUNK_CHARS = 8000;
/** A run of code shorter than this between two statements that stay at the top level is left unwrapped. */
const MIN_CHUNK_CHARS = 200;
/** The prefix of the functions this adds; a bundle that already uses it is refused rather than broken. */
const CHUNK_PREFIX = '__lazyTop';

export interface LazyTopLevelResult {
  readonly code: string;
  /** The composed source map (the transformed bundle to the original sources), when the input had one. */
  readonly map?: string;
  /** How many functions the top level was moved into. */
  readonly chunks: number;
}

/**
 * Transforms `code` (a CommonJS bundle as esbuild writes it, for Node's module wrapper). `map` is esbuild's source
 * map of `code`; the result's map goes from the new code to the same sources.
 */
export function lazyTopLevel(code: string, fileName: string, map?: string, chunkChars = DEFAULT_CHUNK_CHARS): LazyTopLevelResult {
  if (code.includes(CHUNK_PREFIX)) throw new Error(`${fileName} already contains ${CHUNK_PREFIX}: was it transformed twice?`);
  const program = parse(code, { ecmaVersion: 'latest', sourceType: 'script', allowReturnOutsideFunction: true, allowHashBang: true }) as Program;
  const edit = new MagicString(code);
  const body = program.body.filter((node): node is Statement => !/^(Import|Export)/.test(node.type));
  if (body.length !== program.body.length) throw new Error(`${fileName} is an ES module; this takes CommonJS bundles`);

  const directives = body.findIndex((statement) => !isDirective(statement));
  const first = directives === -1 ? body.length : directives;
  const prologueEnd = body[first - 1]?.end ?? 0;
  const statements = body.slice(first);
  /** What stays at the top level as it is. */
  const staysOnTop = (statement: Statement) => statement.type === 'FunctionDeclaration' || declaresVarInBlock(statement);

  // Every edit at one position is ordered by when it is made: the hoisted declaration goes in first.
  const names = new Set<string>();
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') for (const d of statement.declarations) for (const name of patternNames(d.id)) names.add(name);
    else if (statement.type === 'ClassDeclaration' && statement.id) names.add(statement.id.name);
  }
  if (names.size > 0) edit.appendLeft(prologueEnd, `var ${[...names].join(',')};`);

  let chunks = 0;
  /** The statements going into the next function: where the first starts and the last ends. */
  let run: { start: number; end: number } | undefined;
  const closeRun = () => {
    if (run !== undefined && run.end - run.start >= Math.min(MIN_CHUNK_CHARS, chunkChars)) {
      const name = `${CHUNK_PREFIX}${chunks}`;
      chunks += 1;
      edit.appendLeft(run.start, `function ${name}(){`);
      edit.appendLeft(run.end, `}${name}.call(this);`);
    }
    run = undefined;
  };
  for (const statement of statements) {
    if (staysOnTop(statement)) {
      closeRun();
      continue;
    }
    if (statement.type === 'VariableDeclaration') {
      rewriteDeclaration(statement, edit);
    } else if (statement.type === 'ClassDeclaration' && statement.id) {
      edit.prependRight(statement.start, `${statement.id.name}=`);
      edit.appendLeft(statement.end, ';');
    }
    run = { start: run?.start ?? statement.start, end: statement.end };
    if (run.end - run.start >= chunkChars) closeRun();
  }
  closeRun();

  const result = edit.toString();
  if (map === undefined) return { code: result, chunks };
  return { code: result, map: composeMaps(edit.generateMap({ hires: 'boundary', source: fileName, file: fileName }).toString(), map, fileName), chunks };
}

/**
 * The map from the transformed code to the original sources: each position the edits' map gives in the bundle,
 * looked up in the bundle's own map. (@jridgewell/remapping does this, but its published types do not compile.)
 */
function composeMaps(editMap: string, bundleMap: string, fileName: string): string {
  const edits = new TraceMap(editMap);
  const bundle = new TraceMap(bundleMap);
  const composed = new GenMapping({ file: fileName });
  eachMapping(edits, (mapping) => {
    if (mapping.originalLine === null) return;
    const original = originalPositionFor(bundle, { line: mapping.originalLine, column: mapping.originalColumn });
    if (original.source === null) return;
    const generated = { line: mapping.generatedLine, column: mapping.generatedColumn };
    const from = { line: original.line, column: original.column };
    if (original.name === null) addMapping(composed, { generated, source: original.source, original: from });
    else addMapping(composed, { generated, source: original.source, original: from, name: original.name });
  });
  const contents = (JSON.parse(bundleMap) as { sourcesContent?: (string | null)[] }).sourcesContent ?? [];
  bundle.sources.forEach((source, i) => {
    const content = contents[i];
    if (source !== null && content !== undefined && content !== null) setSourceContent(composed, source, content);
  });
  return JSON.stringify(toEncodedMap(composed));
}

function isDirective(statement: Statement): boolean {
  return statement.type === 'ExpressionStatement' && typeof (statement as { directive?: unknown }).directive === 'string';
}

/**
 * `var a = 1, { b } = c, d;` → `a = 1, ({ b } = c);` with a, b and d hoisted. A declaration with no initialiser left
 * becomes an empty statement: its names are undefined until assigned, as they were.
 */
function rewriteDeclaration(statement: VariableDeclaration, edit: MagicString): void {
  const declarators = statement.declarations;
  const [first, last] = [declarators[0], declarators.at(-1)];
  if (first === undefined || last === undefined) return;
  edit.remove(statement.start, first.start);
  if (declarators.every((d) => d.init === null || d.init === undefined)) {
    edit.remove(first.start, last.end);
    return;
  }
  // Drop the declarators without an initialiser, and the comma that joined each to the list.
  let previousEnd: number | undefined;
  for (const [i, declarator] of declarators.entries()) {
    if (declarator.init === null || declarator.init === undefined) {
      const nextStart = declarators[i + 1]?.start;
      if (previousEnd !== undefined) edit.remove(previousEnd, declarator.end);
      else if (nextStart !== undefined) edit.remove(declarator.start, nextStart);
      continue;
    }
    previousEnd = declarator.end;
    if (declarator.id.type !== 'Identifier') {
      // `{ b } = c` as an expression needs parentheses (an object pattern would open a block).
      edit.prependRight(declarator.id.start, '(');
      edit.appendLeft(declarator.end, ')');
    }
  }
}

function patternNames(pattern: Pattern): string[] {
  switch (pattern.type) {
    case 'Identifier':
      return [pattern.name];
    case 'ObjectPattern':
      return pattern.properties.flatMap((property) => patternNames(property.type === 'RestElement' ? property.argument : property.value));
    case 'ArrayPattern':
      return pattern.elements.flatMap((element) => (element === null ? [] : patternNames(element)));
    case 'AssignmentPattern':
      return patternNames(pattern.left);
    case 'RestElement':
      return patternNames(pattern.argument);
    default:
      throw new Error(`unexpected ${pattern.type} in a top-level declaration`);
  }
}

/** True when a `var` inside this statement's blocks (not inside a function or class) would bind at the top level. */
function declaresVarInBlock(statement: Statement): boolean {
  if (statement.type === 'VariableDeclaration') return false;
  let found = false;
  const visit = (node: Node, atTop: boolean): void => {
    if (found) return;
    if (!atTop && node.type === 'VariableDeclaration' && (node as VariableDeclaration).kind === 'var') {
      found = true;
      return;
    }
    if (/Function|Class/.test(node.type) && !atTop) return;
    for (const value of Object.values(node) as unknown[]) {
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, false);
      } else if (isNode(value)) {
        visit(value, false);
      }
    }
  };
  visit(statement, true);
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
