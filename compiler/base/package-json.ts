import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

/**
 * The package.json nearest a folder (its own, else the closest above it), parsed; undefined where
 * there is none, or it is not a JSON object (npm says what is wrong with it).
 */
export function nearestPackageJson(dir: string): Readonly<Record<string, unknown>> | undefined {
  for (let folder = dir; ; folder = dirname(folder)) {
    const file = join(folder, "package.json");
    if (existsSync(file)) {
      try {
        const parsed = JSON.parse(readFileSync(file, "utf8")) as unknown;
        return parsed !== null && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    }
    if (dirname(folder) === folder) return undefined;
  }
}
