import tseslint from 'typescript-eslint';

/*
 * The layers of lambda/src, enforced here rather than remembered (ARCHITECTURE.md, "Dependencies point inward").
 * ESLint's own no-restricted-imports, one override per folder; a later override replaces the rule's options, so each
 * one repeats the patterns every file under lambda/ has. A pattern's regex is tried on the import as written.
 */
const layer = (folder) => new RegExp(`(^|/)${folder}(/|$)`).source;
const noToolsOrTests = { group: ['**/tools/**', '**/tests/**'], message: 'lambda/ must not import tools/ or tests/' };
const restrict = (...patterns) => ['error', { patterns: [noToolsOrTests, ...patterns] }];
const COMPOSITION = { regex: '(^|/)(skill|index)$', message: 'only the composition root knows the skill and the Lambda handler' };

const LAYER_RULES = [
  {
    files: ['lambda/src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...['handlers', 'adapters', 'interceptors', 'speech', 'turn'].map((folder) => ({
          regex: layer(folder), message: `the domain is pure release logic: it imports no ${folder}`,
        })),
        COMPOSITION,
      ),
    },
  },
  {
    files: ['lambda/src/ports/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...['adapters', 'handlers'].map((folder) => ({
          regex: layer(folder), message: `ports speak the domain's words: they import no ${folder}`,
        })),
        COMPOSITION,
      ),
    },
  },
  {
    // Interceptors build the Turn before any handler runs; they share the turn/ layer with the handlers, never a handler.
    files: ['lambda/src/interceptors/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...['handlers', 'adapters'].map((folder) => ({ regex: layer(folder), message: `interceptors import no ${folder}` })),
        COMPOSITION,
      ),
    },
  },
  {
    // The Turn is what handlers receive: it knows the domain's types and the words, never a handler or AWS.
    files: ['lambda/src/turn/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...['handlers', 'adapters', 'interceptors'].map((folder) => ({ regex: layer(folder), message: `turn/ imports no ${folder}` })),
        COMPOSITION,
      ),
    },
  },
  {
    // A screen is drawn from a view the handlers filled and the locale's words: it knows no handler, Turn or AWS.
    files: ['lambda/src/screens/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        ...['handlers', 'adapters', 'interceptors', 'turn'].map((folder) => ({ regex: layer(folder), message: `screens/ imports no ${folder}` })),
        COMPOSITION,
      ),
    },
  },
  {
    // The domain reads the config's types; the config takes only these two leaves of the domain, so no cycle can form.
    files: ['lambda/src/config/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict(
        { regex: '(^|/)domain/(?!(errors|spoken)$)', message: 'config/ may import domain/errors and domain/spoken only (the domain imports config/)' },
        ...['handlers', 'adapters', 'interceptors', 'speech', 'ports'].map((folder) => ({
          regex: layer(folder), message: `config/ imports no ${folder}`,
        })),
        COMPOSITION,
      ),
    },
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'lambda/dist/**', '.ask/**', 'coverage/**', '*.js', '*.mjs'] },
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-imports': restrict(),
    },
  },
  ...LAYER_RULES,
  {
    // The benchmark drives the built skill with the test request builders and the local AWS, like the tests do.
    files: ['bench/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      'no-restricted-syntax': ['error',
        { selector: "CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name=/^(only|skip)$/]", message: 'No focused or skipped tests.' },
        { selector: "CallExpression[callee.name=/^(fdescribe|fit|xdescribe|xit|xtest)$/]", message: 'No focused or skipped tests.' }],
    },
  },
);
