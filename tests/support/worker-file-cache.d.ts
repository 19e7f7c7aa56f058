/** File contents kept across a worker's test files while their size and time stay the same (worker-file-cache.js). */
export function workerFileCache(read?: (filename: string) => Buffer): {
  buffer(filename: string): Buffer;
  text(filename: string): string;
};
