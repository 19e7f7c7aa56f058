// The file reads of tests/support/suite-runtime.js (see there why), in a file of its own so that a test can load it
// without jest-runtime. Plain JavaScript: jest loads its runtime with Node's own require.
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: jest requires its runtime before any transform */
const { readFileSync, statSync } = require('node:fs');

/**
 * File contents kept across the test files of one worker, each checked against the file's size and modification
 * time before it is used again (as jest's own in-memory transform cache checks the time): a file that changed is read
 * afresh. A file that cannot be stat'ed is read as jest would, which throws jest's own error.
 */
function workerFileCache(read = readFileSync) {
  const files = new Map();
  const current = (filename) => {
    let stat;
    try {
      stat = statSync(filename);
    } catch {
      return undefined;
    }
    let entry = files.get(filename);
    if (entry === undefined || entry.mtimeMs !== stat.mtimeMs || entry.size !== stat.size) {
      entry = { mtimeMs: stat.mtimeMs, size: stat.size, buffer: read(filename), text: undefined };
      files.set(filename, entry);
    }
    return entry;
  };
  return {
    buffer(filename) {
      return current(filename)?.buffer ?? read(filename);
    },
    text(filename) {
      const entry = current(filename);
      if (entry === undefined) return read(filename).toString();
      entry.text ??= entry.buffer.toString();
      return entry.text;
    },
  };
}

module.exports = { workerFileCache };
