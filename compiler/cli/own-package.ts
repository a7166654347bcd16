import { readFileSync } from "node:fs";

/** What Stepwright's own package.json says. */
export interface OwnPackage {
  readonly version: string;
  readonly dependencies: Readonly<Record<string, string>>;
  readonly devDependencies: Readonly<Record<string, string>>;
}

/**
 * Stepwright's package.json: two folders up in the sources (compiler/cli), three in the published
 * package (dist/compiler/cli). Read when asked (`--version`, `init`), never at start-up.
 */
export function ownPackage(): OwnPackage | undefined {
  for (const path of ["../../package.json", "../../../package.json"]) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8")) as Partial<OwnPackage> & { name?: string };
      if (pkg.name === "stepwright" && pkg.version)
        return { version: pkg.version, dependencies: pkg.dependencies ?? {}, devDependencies: pkg.devDependencies ?? {} };
    } catch {
      // not here: the other layout
    }
  }
  return undefined;
}
