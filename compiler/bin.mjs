#!/usr/bin/env node
// The `stepwright` command: loads the TypeScript CLI through tsx, so no build step is needed.
import module from "node:module";
import { register } from "tsx/esm/api";

// V8's code cache for the big dependencies (ts-morph's TypeScript): later runs start faster.
module.enableCompileCache?.();
register();
const { main } = await import("./cli.ts");
process.exitCode = await main(process.argv.slice(2));
