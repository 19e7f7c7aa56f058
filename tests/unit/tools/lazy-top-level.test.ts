import { transformSync } from 'esbuild';
import { originalPositionFor, TraceMap } from '@jridgewell/trace-mapping';
import { Script, createContext, runInContext } from 'node:vm';
import { lazyTopLevel } from '../../../tools/lazy-top-level';

/** Runs `code` as Node runs a CommonJS module (a function called with `this` = exports), in a fresh context. */
function runAsModule(code: string): { exports: Record<string, unknown>; log: unknown[] } {
  const log: unknown[] = [];
  const module = { exports: {} as Record<string, unknown> };
  const context = createContext({ log });
  const wrapper = runInContext(`(function (exports, module) {${code}\n})`, context) as (this: unknown, exports: unknown, module: unknown) => void;
  wrapper.call(module.exports, module.exports, module);
  return { exports: module.exports, log };
}

/** Small chunks, so that even these short programs are split into several functions. */
const SMALL = 40;

const PROGRAM = `"use strict";
log.push(typeof later);
var counter = 0, unset, { a, b: [bee = 2, ...rest] } = { a: 1, b: [undefined, 3, 4] };
let letter = 'x', notYet;
var p1 = 1, q1, r1;
var s1, t1, u1 = 3, { v1 } = { v1: 4 }, w1;
const constant = counter + 1;
class Shape { static made = 0; constructor() { Shape.made += 1; } area() { return constant * 10; } }
function later() { return [counter, letter, a, bee, rest, constant, new Shape().area(), Shape.made, notYet, unset]; }
for (var i = 0; i < 3; i++) counter += i;
if (counter > 0) { var fromBlock = 'block var'; let blockLet = 'stays in its block'; log.push(blockLet); }
counter += 10;
log.push((function () { return this; })() === undefined ? 'strict' : 'sloppy');
log.push(this === module.exports ? 'this is exports' : 'this is lost');
module.exports.result = later();
module.exports.fromBlock = fromBlock;
module.exports.more = [p1, q1, r1, s1, t1, u1, v1, w1];
`;

describe('lazyTopLevel', () => {
  it('runs the same statements in the same order, with the same results, split into functions', () => {
    // Prepare
    const before = runAsModule(PROGRAM);

    // Act
    const lazy = lazyTopLevel(PROGRAM, 'program.js', undefined, SMALL);
    const after = runAsModule(lazy.code);

    // Assess
    expect(lazy.chunks).toBeGreaterThan(1);
    expect(after.exports).toEqual(before.exports);
    expect(after.log).toEqual(before.log);
    expect(after.log).toEqual(['function', 'stays in its block', 'strict', 'this is exports']);
    expect(after.exports.result).toEqual([13, 'x', 1, 2, [3, 4], 1, 10, 1, undefined, undefined]);
    expect(after.exports.more).toEqual([1, undefined, undefined, undefined, undefined, 3, 4, undefined]);
  });

  it('keeps the directive prologue first, function declarations and block-scoped vars at the top level', () => {
    // Act
    const { code } = lazyTopLevel(PROGRAM, 'program.js', undefined, SMALL);

    // Assess
    expect(code.startsWith('"use strict";var ')).toBe(true);
    const chunkBodies = [...code.matchAll(/function __lazyTop\d+\(\)\{(.*?)\}__lazyTop\d+\.call\(this\);/gs)].map((m) => m[1]).join('\n');
    expect(chunkBodies).not.toMatch(/function later/);
    expect(chunkBodies).not.toMatch(/var (i|fromBlock)\b/);
    expect(chunkBodies).toMatch(/Shape=class Shape/);
    expect(chunkBodies).not.toMatch(/\b(let|const|var) (counter|letter|constant|unset|notYet)\b/);
  });

  it('leaves on top what would bind or read differently in a function: a sloppy block\'s function, the module\'s arguments', () => {
    // Prepare: no "use strict", so the function declared in the block is hoisted to the top level (Annex B)
    const sloppy = [
      'var before = typeof inBlock;',
      'if (true) { function inBlock() { return "hoisted"; } }',
      'var viaArrow = (() => arguments.length)();',
      'var own = (function () { return arguments.length; })(1, 2, 3);',
      'module.exports.result = [before, inBlock(), viaArrow, own];',
    ].join('\n');

    // Act
    const lazy = lazyTopLevel(sloppy, 'sloppy.js', undefined, 1);

    // Assess: the same results, and neither statement inside a function
    expect(runAsModule(lazy.code).exports).toEqual(runAsModule(sloppy).exports);
    expect(runAsModule(lazy.code).exports.result).toEqual(['undefined', 'hoisted', 2, 3]);
    const chunkBodies = [...lazy.code.matchAll(/function __lazyTop\d+\(\)\{(.*?)\}__lazyTop\d+\.call\(this\);/gs)].map((m) => m[1]).join('\n');
    expect(chunkBodies).not.toMatch(/function inBlock|arguments\.length\)\(\)/);
    expect(chunkBodies).toMatch(/own = \(function/);
  });

  it('leaves short runs between top-level statements unwrapped', () => {
    // Act
    const lazy = lazyTopLevel('var a = 1;\nfunction f() { return a; }\nvar b = f();\nmodule.exports.b = b;\n', 'short.js');

    // Assess: nothing is long enough to be worth a function
    expect(lazy.chunks).toBe(0);
    expect(runAsModule(lazy.code).exports).toEqual({ b: 1 });
  });

  it('compiles a whole esbuild bundle, and its source map still leads to the original line', () => {
    // Prepare: an esbuild CommonJS output with its map, as the build gets it
    const source = [
      'export const greeting: string = "hello";',
      'export class Greeter { greet(name: string) { return `${greeting}, ${name}`; } }',
      'export function shout(text: string) { return text.toUpperCase(); }',
      'const made = new Greeter();',
      'export const said = shout(made.greet("ops"));',
    ].join('\n');
    const built = transformSync(source, { loader: 'ts', format: 'cjs', sourcemap: 'external', sourcefile: 'greeter.ts', target: 'node22' });

    // Act
    const lazy = lazyTopLevel(built.code, 'greeter.js', built.map, SMALL);

    // Assess
    expect(() => new Script(lazy.code)).not.toThrow();
    expect(runAsModule(lazy.code).exports.said).toBe('HELLO, OPS');
    const line = lazy.code.split('\n').findIndex((l) => l.includes('toUpperCase'));
    const column = lazy.code.split('\n')[line]?.indexOf('toUpperCase') ?? -1;
    const original = originalPositionFor(new TraceMap(lazy.map ?? ''), { line: line + 1, column });
    expect(original).toMatchObject({ source: 'greeter.ts', line: 3 });
  });

  it('refuses an ES module, and a bundle it has already transformed', () => {
    // Prepare
    const once = lazyTopLevel(PROGRAM, 'program.js', undefined, SMALL).code;

    // Act / Assess
    expect(() => lazyTopLevel(once, 'program.js')).toThrow(/already contains __lazyTop/);
    expect(() => lazyTopLevel('export const a = 1;', 'module.js')).toThrow();
  });
});
