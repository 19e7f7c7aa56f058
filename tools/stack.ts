/**
 * `npm run stack < trace.txt`: maps a stack trace copied from CloudWatch (positions in lambda/dist/*.js, which ships
 * without its source maps) back to the TypeScript sources, through lambda/dist-maps from the same build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { join, relative } from 'node:path';
import { MAPS_DIR } from './build';

const FRAME = /(?:[^\s()]*\/)?([\w.-]+\.js):(\d+):(\d+)/g;

/** The same text with every `<bundle>.js:line:column` that a map in `mapsDir` covers replaced by its source position. */
export function mapStackTrace(text: string, mapsDir: string = MAPS_DIR): string {
  const maps = new Map<string, SourceMap | undefined>();
  const mapOf = (file: string) => {
    if (!maps.has(file)) {
      const path = join(mapsDir, `${file}.map`);
      maps.set(file, existsSync(path) ? new SourceMap(JSON.parse(readFileSync(path, 'utf8')) as never) : undefined);
    }
    return maps.get(file);
  };
  return text.replace(FRAME, (frame, file: string, line: string, column: string) => {
    const entry = mapOf(file)?.findEntry(Number(line) - 1, Number(column) - 1);
    if (entry === undefined || !('originalSource' in entry)) return frame;
    const source = relative(process.cwd(), join(mapsDir, entry.originalSource.replace(/^file:\/\//, '')));
    return `${source}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  });
}

if (require.main === module) {
  process.stdout.write(mapStackTrace(readFileSync(0, 'utf8')));
}
