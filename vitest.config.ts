// Three suites: server and domain on Node, the pane's components on jsdom, and end-to-end tests
// that drive the built pane in Debian's Chromium.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/server/**/*.test.ts', 'tests/support/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        esbuild: { jsx: 'automatic' },
        test: {
          name: 'addin',
          include: ['tests/addin/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['tests/addin/setup.ts'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
