import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";

/** The tsconfig a command uses: the one given (relative to `cwd`), else the nearest at or above `cwd`. */
export function tsconfigFor(cwd: string, given: string | undefined): string | undefined {
  return given ? resolve(cwd, given) : findTsconfig(cwd);
}

/** The nearest tsconfig.json at or above `dir`. */
export function findTsconfig(dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    if (existsSync(resolve(at, "tsconfig.json"))) return resolve(at, "tsconfig.json");
    if (dirname(at) === at) return undefined;
  }
}
