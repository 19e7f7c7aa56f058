import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DialogSetupError, startDialog } from '../../../../tools/dialog/session';

const dist = mkdtempSync(join(tmpdir(), 'ptp-broken-dist-'));
const saved = { ...process.env };
afterAll(() => rmSync(dist, { recursive: true, force: true }));
afterEach(() => {
  for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name];
  Object.assign(process.env, saved);
});

/** How many servers this process has listening (each is a TCPServerWrap among Node's active resources). */
const listeningServers = (): number => process.getActiveResourcesInfo().filter((resource) => resource === 'TCPServerWrap').length;

/** Whether anything answers at `url`. */
function listening(url: string): Promise<boolean> {
  return new Promise((done) => {
    const probe = request(url, { method: 'POST' }, (response) => {
      response.resume();
      done(true);
    });
    probe.on('error', () => done(false));
    probe.end();
  });
}

describe('startDialog', () => {
  it('closes the local AWS it started when the skill cannot be loaded', async () => {
    // Prepare: a bundle that exists but fails as it loads.
    writeFileSync(join(dist, 'index.js'), "throw new Error('half a bundle');\n");
    process.env.PUSH_TO_PROD_DIST = dist;
    const serversBefore = listeningServers();

    // Act
    const starting = startDialog({ built: true });

    // Assess
    await expect(starting).rejects.toThrow('half a bundle');
    const url = process.env.AWS_ENDPOINT_URL_CODEPIPELINE;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await listening(url as string)).toBe(false);
    // Nor the loopback Alexa API, or anything else: a server left listening keeps jest from exiting.
    expect(listeningServers()).toBe(serversBefore);
  });

  it('refuses a locale the skill has no model for, and a missing bundle, before starting anything', async () => {
    // Prepare
    process.env.PUSH_TO_PROD_DIST = join(dist, 'missing');

    // Act and assess
    await expect(startDialog({ locale: 'it-IT' })).rejects.toThrow(new DialogSetupError("locale it-IT: the skill's interaction models are de-DE, en-AU, en-CA, en-GB, en-IN, en-US, fr-FR"));
    await expect(startDialog({ built: true })).rejects.toThrow(/^--built: there is no .*missing\/index\.js; run `npm run build` first$/);
    expect(process.env.AWS_ENDPOINT_URL_CODEPIPELINE).toBe(saved.AWS_ENDPOINT_URL_CODEPIPELINE);
  });
});
