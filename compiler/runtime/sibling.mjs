// Loads a module of Stepwright's own that sits beside the caller: published, the compiled `.js`;
// in this repository (no compiled file there) the TypeScript source, through tsx.
import { existsSync } from "node:fs";

/** Imports `<name>.js` beside `base`, or `<name>.ts` through tsx when no compiled file exists. */
export async function importSibling(base, name) {
  const compiled = new URL(`${name}.js`, base);
  if (existsSync(compiled)) return import(compiled.href);
  if (!globalThis[Symbol.for("stepwright.tsx")]) {
    const { register } = await import("tsx/esm/api");
    register();
    globalThis[Symbol.for("stepwright.tsx")] = true;
  }
  return import(new URL(`${name}.ts`, base).href);
}
