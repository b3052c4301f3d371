import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const AWS_SDK = ['@aws-sdk/*', 'aws-sdk'];

/** A layer named by its folder, however many `../` lead to it. */
const layers = (...names) => names.flatMap((name) => [`**/${name}`, `**/${name}/**`]);

// HTTP statuses are the HTTP edge's business (shared/http/error-statuses.ts): below it errors carry codes.
const HTTP_STATUS = "/^[45]\\d\\d$/";
const NO_HTTP_STATUS = 'Errors carry a code; its HTTP status lives in shared/http/error-statuses.ts';

export default tseslint.config(
  // .esbuild-*: the build folders of a running local stack and of `serverless invoke local` runs.
  { ignores: ['node_modules/', 'console/dist/', 'console/src/api/schema.d.ts', 'test/e2e/screenshots/', '.esbuild/', '.esbuild-*/', '.serverless/', '.ordo/', 'coverage/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The engine and the domain stay portable: only adapters talk to AWS.
    files: ['shared/engine/**/*.ts', 'shared/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...AWS_SDK, '**/adapters/**'] }],
    },
  },
  {
    // The engine is the lowest layer: the layers above build on it, never the other way round.
    files: ['shared/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: AWS_SDK, message: 'Only adapters talk to AWS.' },
            {
              group: layers('domain', 'http', 'adapters', 'config', 'composition', 'runtime'),
              message: 'The engine imports nothing of the layers above it (only its own files and shared/ports).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/engine/**/*.ts', 'shared/domain/**/*.ts', 'shared/adapters/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: `:matches(PropertyDefinition, TSAbstractPropertyDefinition)[key.name='status'][value.raw=${HTTP_STATUS}]`,
          message: NO_HTTP_STATUS,
        },
        { selector: `AssignmentExpression[left.property.name='status'][right.raw=${HTTP_STATUS}]`, message: NO_HTTP_STATUS },
        { selector: `TSParameterProperty > AssignmentPattern[left.name='status'][right.raw=${HTTP_STATUS}]`, message: NO_HTTP_STATUS },
      ],
    },
  },
  {
    // Ports are contracts: interfaces and types, no code.
    files: ['shared/ports/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':matches(ExportNamedDeclaration, ExportDefaultDeclaration) > :matches(VariableDeclaration, FunctionDeclaration, ClassDeclaration, TSEnumDeclaration)',
          message: 'A port holds interfaces and types only; its implementations live in shared/adapters.',
        },
      ],
    },
  },
);
