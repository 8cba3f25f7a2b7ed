import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const alias = { '@': fileURLToPath(new URL('./', import.meta.url)) };

export default defineConfig({
  resolve: { alias },
  test: {
    // Every core runs a test file: vitest's default leaves one idle, which on a two-core machine means one file at a
    // time. Browser files too: each serves on its own port and writes only its own temporary folders, and much of a
    // browser test is waiting on Chromium, a server or a timer, which another file's work fills.
    maxWorkers: '100%',
    projects: [
      // Some unit tests load a content folder several times (cold, warm): on a busy machine that outlasts vitest's 5 s default.
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx'],
          environment: 'node',
          testTimeout: 30_000,
          // Files share a worker's modules: most of a file's time was importing zod, remark and the pipeline afresh.
          // Tests restore what they change (environment variables, spies) instead of relying on a fresh module graph.
          isolate: false,
        },
      },
      {
        resolve: { alias },
        // Checks of the built `out/` folder (Chromium, the Nu HTML Checker, the link crawl); run after `npm run build`.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // A page that loads search files can take more than the default second on a busy machine.
          expect: { poll: { timeout: 10_000 } },
          // As for the unit tests: files share a worker's modules (the archive they read is the one build's).
          isolate: false,
        },
      },
    ],
  },
});
