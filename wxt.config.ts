import { defineConfig } from 'wxt';
import { CONTENT_SCRIPT_MATCHES } from './src/sites/matches.ts';

// Permissions are kept to what a feature needs; README.md says why each is here.
export default defineConfig({
  srcDir: '.',
  entrypointsDir: 'entrypoints',
  outDir: '.output',
  manifest: ({ browser, mode }) => ({
    name: 'JobLens',
    description:
      'Reads job postings where they live: pay, remote policy, requirements and experience. Saved jobs stay in your browser.',
    permissions: ['unlimitedStorage', 'activeTab', 'scripting'],
    // The hosts the page reader is declared on, no more: the background injects the panel's
    // script (content-scripts/overlay.js) there when the reader finds a posting.
    host_permissions: [...CONTENT_SCRIPT_MATCHES],
    // Asked for one site at a time, only when the user presses "Always run on this site".
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    commands: {
      'read-page': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: 'Read the job posting on this page',
      },
    },
    action: { default_title: 'JobLens: saved jobs' },
    // Only the extension's own scripts; no network from its pages or background (the dev
    // server's reload socket is left to WXT's own development CSP).
    ...(mode === 'production'
      ? {
          content_security_policy: {
            extension_pages:
              "script-src 'self'; object-src 'none'; base-uri 'none'; connect-src 'self'; form-action 'none'; frame-ancestors 'none'",
          },
        }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'joblens@example.org',
              strict_min_version: '128.0',
              // Nothing leaves the machine: no data is collected or transmitted.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    // JOBLENS_SOURCEMAP=1 for size analysis (test/bench/sizes.ts); never in a release build.
    build: { sourcemap: process.env.JOBLENS_SOURCEMAP === '1' },
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
    resolve: { alias: { react: 'preact/compat', 'react-dom': 'preact/compat' } },
  }),
});
