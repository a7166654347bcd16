#!/usr/bin/env node
// The `stepwright` command. Published, it runs the compiled CLI beside it; in this repository
// (no compiled cli here) it loads the TypeScript sources through tsx.
import { isSupportedNode, unsupportedNodeLine } from "../src/node-version.mjs";

if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(`${unsupportedNodeLine(process.versions.node)}\n`);
  process.exit(2);
}
const module = await import("node:module");
// V8's code cache for the big dependencies: later runs start faster.
module.enableCompileCache?.();
const { existsSync } = await import("node:fs");
const { importSibling } = await import("./runtime/sibling.mjs");
/** A module of the CLI's: published, from its bundle in runtime/ (scripts/bundle.mjs); in this repository, its source. */
const cliModule = (name) => {
  const bundled = new URL(`./runtime/cli-${name}.js`, import.meta.url);
  return existsSync(bundled) ? import(bundled.href) : importSibling(import.meta.url, `./cli/${name}`);
};
const argv = process.argv.slice(2);
// A compiling command starts the native checker's server first of all (cli/start-server.ts), before
// the CLI's own modules load: loading them keeps this thread busy for tens of milliseconds. Then
// the type checker and the module-loading thread, while the CLI's own modules load.
await cliModule("start-server")
  .then(({ startServer }) => startServer(argv, process.cwd()))
  .catch(() => {}); // the checker starts its own server, and says what failed
const prestarting = cliModule("prestart")
  .then(({ prestart }) => prestart(argv, process.cwd()))
  .catch(() => false); // main starts them again, and says what failed
const [{ main }] = await Promise.all([cliModule("index"), prestarting]);
process.exitCode = await main(argv);
