import { defineConfig } from 'vitest/config';

// Real Chromium with the built extension loaded; run after `wxt build` (npm run test:e2e does).
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
