#!/usr/bin/env node
// The `stepwright` command. Published, it runs the compiled CLI beside it; in this repository
// (no compiled cli here) it loads the TypeScript sources through tsx.
import { isSupportedNode, supportedNode } from "./node-version.mjs";

if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(`stepwright: Node ${supportedNode} is required; this is Node ${process.versions.node}.\n`);
  process.exit(2);
}
const module = await import("node:module");
// V8's code cache for the big dependencies: later runs start faster.
module.enableCompileCache?.();
const { importSibling } = await import("./sibling.mjs");
const argv = process.argv.slice(2);
// A compiling command starts the native type checker and the module-loading thread first, while
// the CLI's own modules load.
const prestarting = importSibling(import.meta.url, "./cli/prestart").then(({ prestart }) => prestart(argv, process.cwd())).catch(() => false); // main starts them again, and says what failed
const [{ main }] = await Promise.all([importSibling(import.meta.url, "./cli/index"), prestarting]);
process.exitCode = await main(argv);
