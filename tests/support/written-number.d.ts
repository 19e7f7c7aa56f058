/** The part of written-number (which ships no types) that the simulator's number tests use as an oracle. */
declare module 'written-number' {
  interface WrittenNumberOptions {
    lang?: string;
  }
  function writtenNumber(n: number, options?: WrittenNumberOptions): string;
  export = writtenNumber;
}
