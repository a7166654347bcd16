// The published package's JavaScript as Node loads it fastest, after tsc has compiled dist/
// (`npm run build`). Node spends more on each small module than on its code: a clean build loaded
// some 300 of them in the CLI's thread and 60 more for the DSL in the loading thread. So:
// - the CLI's own thread (dist/compiler/cli/index.js and prestart.js, the modules they import,
//   TypeScript 7's API client and commander) becomes dist/compiler/runtime/cli-*.js, which the bin
//   loads when present. Its files sit in dist/compiler/runtime/, where thread-entries.ts is
//   compiled to: the modules that find files from where they are (the threads' entries, the
//   package's own package.json) find them the same bundled or not. The other dependencies stay
//   packages of their own. The licenses of the packages bundled into it go beside it, in
//   cli-licenses.txt.
// - the DSL users import (dist/src/index.js) becomes that one file; its declarations stay as tsc
//   wrote them.
// The worker threads' entries, `stepwright/compiler` and `stepwright/testing` stay as tsc wrote them.
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
// The Node range (plain JavaScript an old Node can parse) has its types beside it, so tsc leaves the
// JavaScript out of dist/: the bin and every entry import it from there.
copyFileSync(join(root, "src/node-version.mjs"), join(dist, "src/node-version.mjs"));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// Their own files, and they load what they need when they need it (ts-morph only on the error path);
// but every run of the CLI parses its arguments with commander: bundled, it loads in half the time
// (some 5 ms less of the CLI's thread: seven CommonJS files, each scanned for its exports, no more).
const external = Object.keys(pkg.dependencies)
  .filter((name) => name !== "typescript" && name !== "commander")
  .flatMap((name) => [name, `${name}/*`]);
const common = {
  absWorkingDir: root,
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node22.12",
  logLevel: "warning",
  legalComments: "eof",
};

/** The folder of the package a bundled file came from (vendored packages are packages of their own). */
function packageOf(file) {
  for (let dir = dirname(file); dir !== dirname(dir); dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, "utf8")).name) return dir;
  }
  throw new Error(`no package.json above ${file}`);
}

/** Each bundled package's name, version and license files, as one text. */
function licenses(inputs) {
  const packages = [
    ...new Set(inputs.filter((file) => file.includes("node_modules/")).map((file) => packageOf(resolve(root, file)))),
  ].sort();
  return packages
    .map((dir) => {
      const { name, version, license } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
      const texts = readdirSync(dir)
        .filter((file) => /^(licen[cs]e|notice)/i.test(file))
        .sort()
        .map((file) => readFileSync(join(dir, file), "utf8").trim());
      return [`${name} ${version} (${license ?? "see below"})`, ...texts].join("\n\n");
    })
    .join(`\n\n${"=".repeat(80)}\n\n`);
}

// An earlier bundle's chunks (their names carry a hash of their content).
const runtime = join(dist, "compiler/runtime");
for (const file of readdirSync(runtime)) if (/^cli-/.test(file)) rmSync(join(runtime, file));

const cli = await build({
  ...common,
  entryPoints: {
    "cli-index": join(dist, "compiler/cli/index.js"),
    "cli-prestart": join(dist, "compiler/cli/prestart.js"),
    "cli-start-server": join(dist, "compiler/cli/start-server.js"),
  },
  outdir: runtime,
  splitting: true,
  chunkNames: "cli-[name]-[hash]",
  external,
  metafile: true,
  // TypeScript's API client includes CommonJS that requires Node's own modules.
  banner: {
    js: `// Stepwright's CLI, bundled; the licenses of the packages bundled with it: cli-licenses.txt.\nimport { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);`,
  },
});
writeFileSync(join(runtime, "cli-licenses.txt"), `${licenses(Object.keys(cli.metafile.inputs))}\n`);

await build({
  ...common,
  platform: "neutral",
  entryPoints: [join(dist, "src/index.js")],
  outfile: join(dist, "src/index.js"),
  allowOverwrite: true,
  packages: "external",
});
