// Flat config: typescript-eslint's recommended rules over the whole add-in, and Microsoft's
// Office Add-in rules (eslint-plugin-office-addins: load before read, sync after load, no
// sync in a loop, isNullObject for *OrNullObject) over the source. Only the plugin's rules are
// taken, not its recommended config, which would also impose Prettier's formatting. Build
// output and the generated Wasm glue are not ours to lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import officeAddins from 'eslint-plugin-office-addins';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Unused arguments named _x are deliberate (callbacks with a fixed signature).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Chinese typography uses the ideographic space (U+3000) inside texts; outside
      // strings, templates and comments it is still an error.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipComments: true }],
    },
  },
  {
    files: ['src/**/*.ts'],
    // ExcelJS (the .xlsx adapter) has getCell() too, but loads nothing: the rules would
    // mistake its cells for Office.js proxies.
    ignores: ['src/host/xlsx*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      'office-addins/call-sync-after-load': 'error',
      'office-addins/call-sync-before-read': 'error',
      'office-addins/load-object-before-read': 'error',
      'office-addins/no-context-sync-in-loop': 'error',
      'office-addins/no-empty-load': 'error',
      'office-addins/no-navigational-load': 'error',
      'office-addins/no-office-initialize': 'error',
      'office-addins/test-for-null-using-isNullObject': 'error',
    },
  },
);
