import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'server/migrations/**',
      'web/src/api/schema.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The module boundary (DESIGN.md): a module reaches another only through its index.ts or service.ts,
    // never its tables. Only db/schema.ts gathers every schema for drizzle.
    files: ['server/src/modules/*/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./(?!\\.\\.)[^/]+/(?!index\\.js$|service\\.js$).+',
              message: '模块之间只能通过对方的 index.ts 或 service.ts 访问，不得直接引用其 schema 等内部文件',
            },
          ],
        },
      ],
    },
  },
);
