// Entry of the type-check thread. Published, service.js is compiled beside it; in this repository
// the TypeScript sources load through tsx, as in the main thread.
import { existsSync } from "node:fs";
import module from "node:module";

module.enableCompileCache?.();
// ts-morph (and the TypeScript it bundles) loads natively first: through tsx's hooks it would
// bypass V8's code cache and take several times as long.
await import("ts-morph");
const compiled = existsSync(new URL("./service.js", import.meta.url));
if (!compiled) {
  const { register } = await import("tsx/esm/api");
  register();
}
const { serve } = await import(compiled ? "./service.js" : "./service.ts");
serve();
