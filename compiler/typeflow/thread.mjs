// Entry of the type-check thread: TypeScript sources load through tsx, as in the main thread.
import module from "node:module";

module.enableCompileCache?.();
// ts-morph (and the TypeScript it bundles) loads natively first: through tsx's hooks it would
// bypass V8's code cache and take several times as long.
await import("ts-morph");
const { register } = await import("tsx/esm/api");
register();
const { serve } = await import("./service.ts");
serve();
