import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The devices the simulator can be: a speaker without a screen (the default), or an Echo Show 8. What a real Echo
 * Show 8 sends (shared/real-envelopes/01 and 20): context.Viewport and context.Viewports (the APL viewport: 1280 × 800
 * pixels at 213 dpi, mode HUB) whatever the skill, and supportedInterfaces["Alexa.Presentation.APL"] with its runtime
 * only to a skill whose manifest declares ALEXA_PRESENTATION_APL (envelope 01, from a skill that did not, has the
 * viewports and empty supportedInterfaces).
 */
export type DeviceKind = 'speaker' | 'show';

export const DEVICE_KINDS: readonly DeviceKind[] = ['speaker', 'show'];

/** The APL runtime the simulated Echo Show reports. */
export const SHOW_APL_MAX_VERSION = '2024.2';

/** What a request's context says of the device: its supported interfaces, and the viewport fields of an Echo Show. */
export interface DeviceContext {
  readonly supportedInterfaces: Record<string, unknown>;
  readonly viewport?: Record<string, unknown>;
}

export function deviceContext(kind: DeviceKind, manifestInterfaces: readonly string[]): DeviceContext {
  if (kind === 'speaker') return { supportedInterfaces: {} };
  const apl = manifestInterfaces.includes('ALEXA_PRESENTATION_APL');
  return {
    supportedInterfaces: apl ? { 'Alexa.Presentation.APL': { runtime: { maxVersion: SHOW_APL_MAX_VERSION } } } : {},
    viewport: {
      Viewport: {
        experiences: [{ arcMinuteWidth: 346, arcMinuteHeight: 216, canRotate: false, canResize: false }],
        mode: 'HUB', shape: 'RECTANGLE', pixelWidth: 1280, pixelHeight: 800, dpi: 213, currentPixelWidth: 1280, currentPixelHeight: 800,
        touch: ['SINGLE'], video: { codecs: ['H_264_42', 'H_264_41'] },
      },
      Viewports: [{
        type: 'APL', id: 'main', shape: 'RECTANGLE', dpi: 213, presentationType: 'STANDARD', canRotate: false,
        configuration: { current: { mode: 'HUB', video: { codecs: ['H_264_42', 'H_264_41'] }, size: { type: 'DISCRETE', pixelWidth: 1280, pixelHeight: 800 } } },
      }],
    },
  };
}

/** The interfaces a skill manifest declares (apis.custom.interfaces[].type). */
export function manifestInterfaces(manifest: unknown): string[] {
  const interfaces = (manifest as { manifest?: { apis?: { custom?: { interfaces?: unknown } } } } | undefined)?.manifest?.apis?.custom?.interfaces;
  return Array.isArray(interfaces) ? interfaces.map((i) => (i as { type?: unknown }).type).filter((t): t is string => typeof t === 'string') : [];
}

/** The interfaces this project's skill-package/skill.json declares. */
export function skillManifestInterfaces(root = join(__dirname, '..', '..')): string[] {
  return manifestInterfaces(JSON.parse(readFileSync(join(root, 'skill-package', 'skill.json'), 'utf8')));
}

/**
 * The line a transcript shows for a screen the skill drew: `[screen: status — Source ✓ · Build ✓ · Deploy ▶]`. It
 * reads this skill's data source (payload.screen: stages with a mark, label and value lines); another document shows
 * by its token alone.
 */
export function screenSummary(render: Record<string, unknown>): string {
  const token = typeof render.token === 'string' ? render.token.replace(/^push-to-prod\./, '') : 'untitled';
  const screen = (render.datasources as { screen?: { stages?: unknown; lines?: unknown } } | undefined)?.screen;
  const stages = Array.isArray(screen?.stages) ? screen.stages as { name?: unknown; mark?: unknown }[] : [];
  const lines = Array.isArray(screen?.lines) ? screen.lines as { label?: unknown; value?: unknown }[] : [];
  const shown = stages.length > 0
    ? stages.map((s) => `${String(s.name)} ${String(s.mark)}`).join(' · ')
    : lines.slice(0, 2).map((l) => `${String(l.label)}: ${String(l.value)}`).join(' · ');
  return `[screen: ${token}${shown === '' ? '' : ` — ${shown}`}]`;
}
