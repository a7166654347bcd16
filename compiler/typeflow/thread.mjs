// Entry of the type-check thread (the JavaScript checker, see service.ts).
import module from "node:module";
import { importSibling } from "../runtime/sibling.mjs";

module.enableCompileCache?.();
// ts-morph (and the TypeScript it bundles) loads natively first: through tsx's hooks it would
// bypass V8's code cache and take several times as long.
await import("ts-morph");
const { serve } = await importSibling(import.meta.url, "./service");
serve();
