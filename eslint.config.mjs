// Lint guards the sandbox: workflows/ and domain/ must stay deterministic and free of I/O.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'net', 'os', 'path', 'perf_hooks', 'process',
  'readline', 'stream', 'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const sandboxRestrictions = {
  paths: [
    ...nodeBuiltins.flatMap((name) => [
      { name, message: 'Node built-ins are not deterministic: keep them out of workflows/ and domain/.' },
      { name: `node:${name}`, message: 'Node built-ins are not deterministic: keep them out of workflows/ and domain/.' },
    ]),
    { name: 'typeorm', message: 'Database access belongs in activities/.' },
    { name: 'mysql2', message: 'Database access belongs in activities/.' },
    { name: 'express', message: 'HTTP belongs in api/.' },
    { name: '@temporalio/client', message: 'Workflows talk to Temporal through @temporalio/workflow only.' },
    { name: '@temporalio/worker', message: 'Workers are wired in workers/.' },
    { name: '@temporalio/activity', message: 'Activities live in activities/.' },
  ],
  patterns: [
    // Types may cross (`import type` of activity signatures); runtime code may not.
    { group: ['**/entities/**', '**/activities/**', '**/api/**', '**/workers/**', '**/config/**'], allowTypeImports: true, message: 'The sandbox imports only domain/ and workflows/.' },
  ],
};

export default tseslint.config(
  // console/ is linted with its own tsconfig (the nearest one, found by the project service).
  { ignores: ['node_modules/**', '.venv/**', 'data/**', 'dist/**', 'console/dist/**', 'console/src/lib/api-schema.d.ts', 'test/e2e/artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['workflows/**/*.ts', 'domain/**/*.ts'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', sandboxRestrictions],
      'no-restricted-globals': ['error',
        { name: 'setTimeout', message: 'Use sleep() or a timer from @temporalio/workflow.' },
        { name: 'setInterval', message: 'Use a timer from @temporalio/workflow.' },
        { name: 'process', message: 'Workflows and the domain read no environment.' },
      ],
      'no-restricted-properties': ['error',
        { object: 'Math', property: 'random', message: 'Use the workflow SDK random source (uuid4) or pass values in.' },
      ],
    },
  },
  {
    // Inside workflows the SDK replaces Date with its deterministic workflow clock; the pure
    // domain has no clock at all: callers pass instants in.
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-properties': ['error',
        { object: 'Date', property: 'now', message: 'The domain reads no clock: pass the instant in.' },
        { object: 'Math', property: 'random', message: 'The domain is deterministic: pass values in.' },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
