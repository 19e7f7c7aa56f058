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
 * for it. So this is written here, on acorn's syntax tree. The edits only insert and remove text, so esbuild's source
 * map is kept and each of its positions shifted (@jridgewell/sourcemap-codec): `npm run stack` still finds the
 * TypeScript line, for tens of milliseconds a file.
 *
 * What stays at the top level, unwrapped: the directive prologue ("use strict"), function declarations (hoisted, and
 * already compiled lazily), any statement that declares a `var` inside a block (or, in sloppy code, a function: it
 * would belong to the function), and any that reads the module's `arguments`.
 * `let`, `const` and `class` become assignments to the hoisted `var`s: a bundle never reads one before its declaration
 * runs, so the temporal dead zone they lose was never reached.
 */
import { decode, encode, type SourceMapSegment } from '@jridgewell/sourcemap-codec';
import { parse, type Node, type Pattern, type Program, type Statement, type VariableDeclaration } from 'acorn';

/** Code per function, in characters: small enough to compile quickly, large enough that the calls cost nothing. */
export const DEFAULT_CHUNK_CHARS = 8000;
/** A run of code shorter than this between two statements that stay at the top level is left unwrapped. */
const MIN_CHUNK_CHARS = 200;
/** The prefix of the functions this adds; a bundle that already uses it is refused rather than broken. */
const CHUNK_PREFIX = '__lazyTop';

/**
 * Text inserted before an original position, and original ranges removed. Inserts at one position come out by `rank`
 * (what closes the code before the position, then what opens a function, then what prefixes the statement there),
 * then in the order they were made.
 */
class Edits {
  private readonly inserts: { at: number; rank: 0 | 1 | 2; seq: number; text: string }[] = [];
  private readonly removals: [number, number][] = [];

  insert(at: number, rank: 0 | 1 | 2, text: string): void {
    if (text.includes('\n')) throw new Error('an insert must not hold a line break');
    this.inserts.push({ at, rank, seq: this.inserts.length, text });
  }

  remove(start: number, end: number): void {
    if (end > start) this.removals.push([start, end]);
  }

  /** The edited code, and for each original position the edited one (undefined where the position was removed). */
  apply(code: string): { code: string; position: (offset: number) => number | undefined } {
    const inserts = [...this.inserts].sort((x, y) => x.at - y.at || x.rank - y.rank || x.seq - y.seq);
    const removals = [...this.removals].sort((x, y) => x[0] - y[0]);
    removals.forEach(([start], i) => {
      if (i > 0 && start < (removals[i - 1]?.[1] ?? 0)) throw new Error('overlapping removals');
    });
    const out: string[] = [];
    let cursor = 0;
    let r = 0;
    const copyTo = (end: number) => {
      while (cursor < end) {
        while ((removals[r]?.[1] ?? Infinity) <= cursor) r += 1;
        const removal = removals[r];
        if (removal === undefined || removal[0] >= end) {
          out.push(code.slice(cursor, end));
          cursor = end;
        } else if (removal[0] > cursor) {
          out.push(code.slice(cursor, removal[0]));
          cursor = removal[0];
        } else {
          cursor = Math.min(removal[1], end);
        }
      }
    };
    for (const insert of inserts) {
      copyTo(insert.at);
      out.push(insert.text);
    }
    copyTo(code.length);

    // An original offset's edited one: the characters inserted before it added, the ones removed before it taken away.
    let insertIndex = 0;
    let removalIndex = 0;
    let shift = 0;
    let last = -1;
    const position = (offset: number): number | undefined => {
      if (offset < last) throw new Error('positions must be asked for in order');
      last = offset;
      for (let insert = inserts[insertIndex]; insert !== undefined && insert.at <= offset; insert = inserts[insertIndex]) {
        shift += insert.text.length;
        insertIndex += 1;
      }
      for (let removal = removals[removalIndex]; removal !== undefined && removal[1] <= offset; removal = removals[removalIndex]) {
        shift -= removal[1] - removal[0];
        removalIndex += 1;
      }
      const current = removals[removalIndex];
      return current !== undefined && current[0] <= offset ? undefined : offset + shift;
    };
    return { code: out.join(''), position };
  }
}

export interface LazyTopLevelResult {
  readonly code: string;
  /** The source map of the transformed bundle (to the original sources), when the input had one. */
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
  const edit = new Edits();
  const body = program.body.filter((node): node is Statement => !/^(Import|Export)/.test(node.type));
  if (body.length !== program.body.length) throw new Error(`${fileName} is an ES module; this takes CommonJS bundles`);

  const directives = body.findIndex((statement) => !isDirective(statement));
  const first = directives === -1 ? body.length : directives;
  const prologueEnd = body[first - 1]?.end ?? 0;
  const statements = body.slice(first);
  const strict = body.slice(0, first).some((statement) => (statement as { directive?: string }).directive === 'use strict');
  /** What stays at the top level as it is. */
  const staysOnTop = (statement: Statement) => statement.type === 'FunctionDeclaration' || bindsAtTopLevel(statement, strict) || usesModuleArguments(statement);

  // Made first, the hoisted declaration comes before the first function opened at the same position (Edits.insert).
  const names = new Set<string>();
  for (const statement of statements) {
    if (statement.type === 'VariableDeclaration') for (const d of statement.declarations) for (const name of patternNames(d.id)) names.add(name);
    else if (statement.type === 'ClassDeclaration' && statement.id) names.add(statement.id.name);
  }
  if (names.size > 0) edit.insert(prologueEnd, 1, `var ${[...names].join(',')};`);

  let chunks = 0;
  /** The statements going into the next function: where the first starts and the last ends. */
  let run: { start: number; end: number } | undefined;
  const closeRun = () => {
    if (run !== undefined && run.end - run.start >= Math.min(MIN_CHUNK_CHARS, chunkChars)) {
      const name = `${CHUNK_PREFIX}${chunks}`;
      chunks += 1;
      edit.insert(run.start, 1, `function ${name}(){`);
      edit.insert(run.end, 0, `}${name}.call(this);`);
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
      edit.insert(statement.start, 2, `${statement.id.name}=`);
      edit.insert(statement.end, 0, ';');
    }
    run = { start: run?.start ?? statement.start, end: statement.end };
    if (run.end - run.start >= chunkChars) closeRun();
  }
  closeRun();

  const edited = edit.apply(code);
  if (map === undefined) return { code: edited.code, chunks };
  return { code: edited.code, map: shiftMap(map, code, edited.code, edited.position), chunks };
}

/** esbuild's map of `original`, for `edited`: every segment moved to where its code now is, or dropped with it. */
function shiftMap(mapText: string, original: string, edited: string, position: (offset: number) => number | undefined): string {
  const map = JSON.parse(mapText) as { mappings: string };
  const [originalLines, editedLines] = [lineStarts(original), lineStarts(edited)];
  const shifted: SourceMapSegment[][] = editedLines.map(() => []);
  let line = 0;
  decode(map.mappings).forEach((segments, originalLine) => {
    for (const [column, ...rest] of segments) {
      const moved = position((originalLines[originalLine] ?? 0) + column);
      if (moved === undefined) continue;
      while ((editedLines[line + 1] ?? Infinity) <= moved) line += 1;
      shifted[line]?.push([moved - (editedLines[line] ?? 0), ...rest] as SourceMapSegment);
    }
  });
  return JSON.stringify({ ...map, mappings: encode(shifted) });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function isDirective(statement: Statement): boolean {
  return statement.type === 'ExpressionStatement' && typeof (statement as { directive?: unknown }).directive === 'string';
}

/**
 * `var a = 1, { b } = c, d;` → `a = 1, ({ b } = c);` with a, b and d hoisted. A declaration with no initialiser left
 * becomes an empty statement: its names are undefined until assigned, as they were.
 */
function rewriteDeclaration(statement: VariableDeclaration, edit: Edits): void {
  const declarators = statement.declarations;
  const [first, last] = [declarators[0], declarators.at(-1)];
  if (first === undefined || last === undefined) return;
  edit.remove(statement.start, first.start);
  if (declarators.every((d) => d.init === null || d.init === undefined)) {
    edit.remove(first.start, last.end);
    return;
  }
  // Drop the declarators without an initialiser, each with the comma that joined it to the list: the one before it
  // once a kept declarator came first, else the one after it.
  let keptBefore = false;
  for (const [i, declarator] of declarators.entries()) {
    if (declarator.init === null || declarator.init === undefined) {
      const previousEnd = declarators[i - 1]?.end;
      const nextStart = declarators[i + 1]?.start;
      if (keptBefore && previousEnd !== undefined) edit.remove(previousEnd, declarator.end);
      else if (nextStart !== undefined) edit.remove(declarator.start, nextStart);
      continue;
    }
    keptBefore = true;
    if (declarator.id.type !== 'Identifier') {
      // `{ b } = c` as an expression needs parentheses (an object pattern would open a block).
      edit.insert(declarator.id.start, 2, '(');
      edit.insert(declarator.end, 0, ')');
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

/**
 * True when a declaration inside this statement's blocks (not inside a function or class) binds at the top level: a
 * `var`, and in sloppy code a function declaration too (Annex B hoists it out of its block). In a function it would
 * bind there instead.
 */
function bindsAtTopLevel(statement: Statement, strict: boolean): boolean {
  if (statement.type === 'VariableDeclaration') return false;
  return someNode(statement, (node, atTop) => {
    if (atTop) return 'visit';
    if ((node.type === 'VariableDeclaration' && (node as VariableDeclaration).kind === 'var') || (!strict && node.type === 'FunctionDeclaration')) return 'found';
    return /Function|Class/.test(node.type) ? 'skip' : 'visit';
  });
}

/** True when the statement reads the module wrapper's `arguments` (itself or through an arrow function). */
function usesModuleArguments(statement: Statement): boolean {
  return someNode(statement, (node) => {
    if (node.type === 'Identifier' && (node as { name?: string }).name === 'arguments') return 'found';
    return node.type === 'FunctionDeclaration' || node.type === 'FunctionExpression' ? 'skip' : 'visit';
  });
}

/** Walks the syntax tree from `root` while `check` says to visit; true as soon as it says found. */
function someNode(root: Node, check: (node: Node, atTop: boolean) => 'found' | 'skip' | 'visit'): boolean {
  let found = false;
  const visit = (node: Node, atTop: boolean): void => {
    if (found) return;
    const verdict = check(node, atTop);
    if (verdict === 'found') found = true;
    if (verdict !== 'visit') return;
    for (const value of Object.values(node) as unknown[]) {
      if (Array.isArray(value)) {
        for (const child of value) if (isNode(child)) visit(child, false);
      } else if (isNode(value)) {
        visit(value, false);
      }
    }
  };
  visit(root, true);
  return found;
}

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && typeof (value as { type?: unknown }).type === 'string';
}
