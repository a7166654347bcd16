// The published package's JavaScript as Node loads it fastest, after tsc has compiled dist/
// (`npm run build`). Node spends more on each small module than on its code: a clean build loaded
// some 300 of them in the CLI's thread and 60 more for the DSL in the loading thread. So:
// - the CLI's own thread (dist/compiler/cli/index.js and prestart.js, the modules they import, and
//   TypeScript 7's API client) becomes dist/compiler/cli-*.js, which the bin loads when present.
//   Its files sit in dist/compiler/, where the modules that find files beside them expect to be
//   (thread-entries.ts); the other dependencies stay packages of their own.
// - the DSL users import (dist/src/index.js) becomes that one file; its declarations stay as tsc
//   wrote them.
// The worker threads' entries, `stepwright/compiler` and `stepwright/testing` stay as tsc wrote them.
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { build } from "esbuild";

const dist = new URL("../dist/", import.meta.url);
const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
// Their own files, and they load what they need when they need it (ts-morph only on the error path).
const external = Object.keys(pkg.dependencies)
  .filter((name) => name !== "typescript")
  .flatMap((name) => [name, `${name}/*`]);
const common = { bundle: true, format: "esm", platform: "node", target: "node22.12", logLevel: "warning", legalComments: "none" };

// An earlier bundle's chunks (their names carry a hash of their content).
for (const file of readdirSync(new URL("compiler/", dist))) if (/^cli-.*\.js$/.test(file)) rmSync(new URL(`compiler/${file}`, dist));

await build({
  ...common,
  entryPoints: { "cli-index": new URL("compiler/cli/index.js", dist).pathname, "cli-prestart": new URL("compiler/cli/prestart.js", dist).pathname },
  outdir: new URL("compiler/", dist).pathname,
  splitting: true,
  chunkNames: "cli-[name]-[hash]",
  external,
  // TypeScript's API client includes CommonJS that requires Node's own modules.
  banner: { js: `import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);` },
});

await build({
  ...common,
  platform: "neutral",
  entryPoints: [new URL("src/index.js", dist).pathname],
  outfile: new URL("src/index.js", dist).pathname,
  allowOverwrite: true,
  packages: "external",
});
