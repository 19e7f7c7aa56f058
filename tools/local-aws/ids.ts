/**
 * Identifiers in AWS's formats, drawn from a seeded generator so that two runs of the same scenario give the same
 * ids (dialog transcripts that speak an id stay stable).
 */
export class IdSource {
  private state: number;

  constructor(seed = 1) {
    this.state = seed >>> 0;
  }

  /** mulberry32: small, fast, and good enough for made-up ids. */
  private next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  private chars(alphabet: string, length: number): string {
    let out = '';
    for (let i = 0; i < length; i += 1) out += alphabet[Math.floor(this.next() * alphabet.length)];
    return out;
  }

  hex(length: number): string {
    return this.chars('0123456789abcdef', length);
  }

  /** A pipeline execution id: a version-4 UUID. */
  uuid(): string {
    const variant = '89ab'[Math.floor(this.next() * 4)];
    return `${this.hex(8)}-${this.hex(4)}-4${this.hex(3)}-${variant}${this.hex(3)}-${this.hex(12)}`;
  }

  /** A CodeDeploy deployment id: `d-` and nine upper-case letters or digits. */
  deploymentId(): string {
    return `d-${this.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 9)}`;
  }

  /** A git commit id. */
  commitId(): string {
    return this.hex(40);
  }

  /** The short random suffix CodePipeline gives artifact keys. */
  artifactSuffix(): string {
    return this.chars('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 7);
  }
}
