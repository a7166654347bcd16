#!/usr/bin/env node
// The `stepwright` command: loads the TypeScript CLI through tsx, so no build step is needed.
import module from "node:module";
import { register } from "tsx/esm/api";

// V8's code cache for the big dependencies: later runs start faster.
module.enableCompileCache?.();
register();
globalThis[Symbol.for("stepwright.tsx")] = true;
const [command, ...rest] = process.argv.slice(2);
if (command === "check" || command === "build" || command === "graph") {
  // TypeScript takes a while to load and check: start its thread on the named files before anything else.
  const valued = new Set(["--out", "--region", "--account", "--tsconfig", "--config", "--terraform-definition"]);
  const files = rest.filter((arg, i) => !arg.startsWith("-") && !valued.has(rest[i - 1] ?? ""));
  const { prestartTypeChecker } = await import("./typeflow/checker.ts");
  prestartTypeChecker(files);
}
const { main } = await import("./cli.ts");
process.exitCode = await main(process.argv.slice(2));
