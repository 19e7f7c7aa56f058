// The compiling part of tests/support/suite-runtime.js (see there why), in a file of its own so that a test can load
// it without jest-runtime. Plain JavaScript: jest loads its runtime with Node's own require, before any transform.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: jest requires its runtime before any transform */
const { Script } = require('node:vm');

/**
 * A compiler that wraps a module's source in a function of `parameters`, compiles it as a vm.Script and returns that
 * function bound to `context`. Per file name it keeps the last wrapped source (the same string instance, whose hash
 * V8 has already computed, so a cache lookup costs nothing) and its Script (so V8's cache entry stays alive between
 * test files); a changed source is wrapped and compiled afresh. Line and column numbers are the source's, line 1
 * included (the wrapper's columns are taken off).
 */
function scriptCompiler(parameters) {
  const header = `(function (${parameters.join(', ')}) {`;
  const compiled = new Map();
  return {
    compile(source, filename, context, importModuleDynamically) {
      let entry = compiled.get(filename);
      if (entry === undefined || entry.source !== source) {
        entry = { source, wrapped: `${header}${source}\n})`, script: undefined };
        compiled.set(filename, entry);
      }
      entry.script = new Script(entry.wrapped, { filename, columnOffset: -header.length, importModuleDynamically });
      return entry.script.runInContext(context);
    },
  };
}

module.exports = { scriptCompiler };
