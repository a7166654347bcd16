import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The nearest tsconfig.json at or above `dir`. */
export function findTsconfig(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(resolve(at, "tsconfig.json"))) return resolve(at, "tsconfig.json");
    if (dirname(at) === at) return undefined;
  }
}
