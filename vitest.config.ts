import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// Inside this repository "stepwright" is the TypeScript source (the published package serves dist/).
const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^stepwright$/, replacement: source("./src/index.ts") },
      { find: /^stepwright\/compiler$/, replacement: source("./compiler/index.ts") },
      { find: /^stepwright\/testing$/, replacement: source("./compiler/testing/index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // At least two files at a time: most tests wait on child processes (Terraform, tsc, npm), and on
    // this project's 2-core machine one worker (vitest's default there) took 845 s, two 633 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Timeouts a machine four times slower still meets: a test asserts behaviour, never speed. The
    // slowest ordinary test takes some 30 s here under load; explicit timeouts are four times what
    // their test takes.
    testTimeout: 120_000,
    hookTimeout: 600_000,
    globalSetup: ["test/support/run-temp-folder.ts"],
  },
});
