import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';

/** A file as it would sit in the zip: its name inside the archive and where it is on disk. */
export interface ZipEntry {
  readonly name: string;
  readonly path: string;
}

const LOCAL_HEADER = 30;
const CENTRAL_HEADER = 46;
const END_OF_CENTRAL_DIRECTORY = 22;

/**
 * The size of a zip of these files, computed rather than written: each file deflated with node:zlib at the default
 * level (as ask-cli's archiver does) or stored when that is smaller, plus the local header, central directory entry
 * and end record the zip format adds. Agrees with `zip -6` to within a few hundred bytes (its extra fields).
 */
export function zipSize(entries: readonly ZipEntry[]): number {
  let total = END_OF_CENTRAL_DIRECTORY;
  for (const { name, path } of entries) {
    const data = readFileSync(path);
    const compressed = Math.min(deflateRawSync(data, { level: constants.Z_DEFAULT_COMPRESSION }).length, data.length);
    const nameBytes = Buffer.byteLength(name);
    total += LOCAL_HEADER + nameBytes + compressed + CENTRAL_HEADER + nameBytes;
  }
  return total;
}

/** Every file under a folder, named relative to it, as ask-cli zips `code.default.src`. */
export function folderEntries(folder: string, prefix = ''): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const walk = (dir: string) => {
    for (const item of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (item.isFile()) entries.push({ name: prefix + relative(folder, path).split('\\').join('/'), path });
    }
  };
  walk(folder);
  return entries;
}

/**
 * The files `npm install --omit=dev` would put in node_modules for these packages: each package folder (its own
 * nested node_modules left out) and, recursively, its dependencies, optional and peer dependencies, found the way
 * Node finds them from the requiring package.
 */
export function dependencyClosureEntries(packages: readonly string[], fromDir: string): ZipEntry[] {
  const seen = new Map<string, string>(); // real folder → name
  const visit = (name: string, from: string) => {
    const folder = findPackage(name, from);
    if (folder === undefined || seen.has(folder)) return;
    seen.set(folder, name);
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies']) {
      for (const dependency of Object.keys(manifest[field] ?? {})) visit(dependency, folder);
    }
  };
  for (const name of packages) visit(name, fromDir);
  return [...seen].flatMap(([folder, name]) => folderEntries(folder, `node_modules/${name}/`)
    .filter((entry) => !entry.name.slice(`node_modules/${name}/`.length).startsWith('node_modules/')));
}

function findPackage(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(dir) === dir) return undefined;
  }
}

/** The size `zip -q -X -6` gives the same files, when the zip command is installed; else undefined. */
export function zipCommandSize(entries: readonly ZipEntry[]): number | undefined {
  const work = mkdtempSync(join(tmpdir(), 'ptp-bench-zip-'));
  try {
    const archive = join(work, 'artifact.zip');
    // zip takes names relative to its working folder: group the entries by the folder their names are relative to.
    const byRoot = new Map<string, string[]>();
    for (const entry of entries) {
      if (!entry.path.endsWith(entry.name)) return undefined;
      const root = entry.path.slice(0, entry.path.length - entry.name.length);
      const names = byRoot.get(root) ?? [];
      names.push(entry.name);
      byRoot.set(root, names);
    }
    for (const [root, names] of byRoot) {
      execFileSync('zip', ['-q', '-X', '-6', archive, '-@'], { cwd: root, input: names.join('\n'), stdio: ['pipe', 'ignore', 'pipe'] });
    }
    return statSync(archive).size;
  } catch {
    return undefined;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
