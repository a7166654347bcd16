#!/usr/bin/env node
// The `stepwright` command. Published, it runs the compiled CLI beside it; in this repository
// (no compiled cli.js here) it loads the TypeScript sources through tsx.
import { isSupportedNode, supportedNode } from "./node-version.mjs";

if (!isSupportedNode(process.versions.node)) {
  process.stderr.write(`stepwright: Node ${supportedNode} is required; this is Node ${process.versions.node}.\n`);
  process.exit(2);
}
const { existsSync } = await import("node:fs");
const module = await import("node:module");
// V8's code cache for the big dependencies: later runs start faster.
module.enableCompileCache?.();
const compiled = existsSync(new URL("./cli/index.js", import.meta.url));
if (!compiled) {
  const { register } = await import("tsx/esm/api");
  register();
  globalThis[Symbol.for("stepwright.tsx")] = true;
}
const { main } = await import(compiled ? "./cli/index.js" : "./cli/index.ts");
process.exitCode = await main(process.argv.slice(2));
