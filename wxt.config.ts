import { defineConfig } from 'wxt';

// Permissions are kept to what a feature needs; README.md says why each is here.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: ({ browser }) => ({
    name: 'JobLens',
    description:
      'Reads job postings where they live: pay, remote policy, requirements and experience. Saved jobs stay in your browser.',
    permissions: ['storage', 'unlimitedStorage'],
    action: { default_title: 'JobLens: saved jobs' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'joblens@example.org', strict_min_version: '128.0' } } }
      : {}),
  }),
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
});
