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
    testTimeout: 30_000,
  },
});
