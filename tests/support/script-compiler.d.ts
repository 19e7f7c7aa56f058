import type { Context } from 'node:vm';

/** Compiles a module's source as a function of the given parameters, in a vm context (script-compiler.js). */
export interface ScriptCompiler {
  compile(source: string, filename: string, context: Context, importModuleDynamically?: (specifier: string) => Promise<unknown>): (...args: unknown[]) => unknown;
}

export function scriptCompiler(parameters: readonly string[]): ScriptCompiler;
