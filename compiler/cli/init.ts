import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { starterFiles } from "../init/starter.js";
import { ownPackage } from "./own-package.js";
import { type Io, UsageError } from "./io.js";

/** This package's version and the versions it was built and tested with (TypeScript is one of its dependencies). */
function versions(): { stepwright: string; typescript: string; vitest: string; zod: string } {
  const own = ownPackage();
  const deps = own?.dependencies ?? {};
  return {
    stepwright: `^${own?.version ?? "0"}`,
    zod: deps.zod ?? "^4",
    typescript: deps.typescript ?? "^7",
    vitest: own?.devDependencies.vitest ?? "^5",
  };
}

/** A name npm accepts, from the folder's name. */
function packageName(dir: string): string {
  return (
    basename(dir)
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "-")
      .replace(/^[._-]+/, "") || "workflows"
  );
}

/**
 * An existing package.json (`npm i -D stepwright && npx stepwright init`) gets the starter's scripts
 * and dependencies where it has none of that name; nothing it has is changed.
 */
function mergePackageJson(existing: string, starter: string): string {
  const have = JSON.parse(existing) as Record<string, unknown>;
  const add = JSON.parse(starter) as Record<string, Record<string, string>>;
  const merged: Record<string, unknown> = { ...have, type: have.type ?? "module" };
  for (const key of ["scripts", "dependencies", "devDependencies"]) {
    const own = (have[key] ?? {}) as Record<string, string>;
    const listed = new Set(
      key === "scripts"
        ? Object.keys(own)
        : [...Object.keys((have.dependencies ?? {}) as object), ...Object.keys((have.devDependencies ?? {}) as object)],
    );
    merged[key] = { ...own, ...Object.fromEntries(Object.entries(add[key] ?? {}).filter(([name]) => !listed.has(name))) };
  }
  return `${JSON.stringify(merged, null, 2)}\n`;
}

/** `stepwright init [dir]`: a starter project; never overwrites a file (package.json is added to). */
export function initCommand(dir: string | undefined, io: Io): number {
  const target = resolve(io.cwd, dir ?? ".");
  const files = starterFiles(packageName(target), versions());
  const packageJson = join(target, "package.json");
  if (existsSync(packageJson)) files["package.json"] = mergePackageJson(readFileSync(packageJson, "utf8"), files["package.json"]!);
  const taken = Object.keys(files).filter((name) => name !== "package.json" && existsSync(join(target, name)));
  if (taken.length > 0)
    throw new UsageError(`init would overwrite ${taken.join(", ")} in ${relative(io.cwd, target) || "."}; choose an empty folder`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(target, name)), { recursive: true });
    writeFileSync(join(target, name), text);
  }
  const where = relative(io.cwd, target) || ".";
  const cd = where === "." ? "" : `cd ${where} && `;
  io.err(
    `created a Stepwright project in ${where} (${readdirSync(target).length} entries)\nnext: ${cd}npm install && npm test && npx stepwright build\n`,
  );
  return 0;
}
