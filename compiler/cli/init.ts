import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { type StarterPlace, starterFiles } from "../init/starter.js";
import { ownPackage } from "./own-package.js";
import type { Io } from "./io.js";

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

/** What init reads of an existing package.json. */
type PackageJson = Record<string, unknown> & { type?: string; scripts?: Record<string, string> };

/**
 * An existing package.json (`npm i -D stepwright && npx stepwright init`) gets the starter's scripts
 * and dependencies where it has none of that name; nothing it has is changed. Also the scripts added.
 */
function mergePackageJson(have: PackageJson, starter: string): { text: string; scripts: string[] } {
  const add = JSON.parse(starter) as Record<string, Record<string, string>>;
  const merged: Record<string, unknown> = { ...have, type: have.type ?? "module" };
  const added: Record<string, string[]> = {};
  for (const key of ["scripts", "dependencies", "devDependencies"]) {
    const own = (have[key] ?? {}) as Record<string, string>;
    const listed = new Set(
      key === "scripts"
        ? Object.keys(own)
        : [...Object.keys((have.dependencies ?? {}) as object), ...Object.keys((have.devDependencies ?? {}) as object)],
    );
    const lacking = Object.entries(add[key] ?? {}).filter(([name]) => !listed.has(name));
    added[key] = lacking.map(([name]) => name);
    merged[key] = { ...own, ...Object.fromEntries(lacking) };
  }
  return { text: `${JSON.stringify(merged, null, 2)}\n`, scripts: added.scripts ?? [] };
}

/**
 * `stepwright init [dir]`: a starter project, or the starter added to an existing one. It writes no
 * file that exists and changes nothing a package.json has: a project's own tsconfig.json stays as
 * it is (the starter's settings go into tsconfig.stepwright.json, which extends it), and so does
 * its `test` script (the starter's goes under `test:workflows`). It says what it did.
 */
export function initCommand(dir: string | undefined, io: Io): number {
  const target = resolve(io.cwd, dir ?? ".");
  const has = (name: string) => existsSync(join(target, name));
  const existing = has("package.json") ? (JSON.parse(readFileSync(join(target, "package.json"), "utf8")) as PackageJson) : undefined;
  const place: StarterPlace = {
    tsconfig: has("tsconfig.json") ? "tsconfig.stepwright.json" : "tsconfig.json",
    testScript: existing?.scripts?.test !== undefined ? "test:workflows" : "test",
  };
  const files = starterFiles(packageName(target), versions(), place);
  const merged = existing && mergePackageJson(existing, files["package.json"]!);
  if (merged) files["package.json"] = merged.text;
  const kept = Object.keys(files).filter((name) => name !== "package.json" && has(name));
  const written = Object.keys(files).filter((name) => !kept.includes(name));
  for (const name of written) {
    mkdirSync(dirname(join(target, name)), { recursive: true });
    writeFileSync(join(target, name), files[name]!);
  }
  const where = relative(io.cwd, target) || ".";
  const cd = where === "." ? "" : `cd ${where} && `;
  const lines = [
    existing ? `added Stepwright to the project in ${where}` : `created a Stepwright project in ${where}`,
    ...written.filter((name) => name !== "package.json").map((name) => `  wrote ${name}`),
    ...(existing && existing.type === undefined ? ['  set "type": "module" in package.json: the workflows are ES modules'] : []),
    ...(merged ? [`  added to package.json what it lacked (scripts ${merged.scripts.join(", ")}; dependencies)`] : []),
    ...kept.map((name) => `  kept ${name} as it is`),
    ...(place.tsconfig !== "tsconfig.json"
      ? ["  tsconfig.json is the project's own: the workflows' settings are in tsconfig.stepwright.json, which extends it"]
      : []),
    ...(place.testScript !== "test" ? ["  package.json has a test script of its own: the workflows' is test:workflows"] : []),
    `next: ${cd}npm install && npm ${place.testScript === "test" ? "test" : "run test:workflows"} && npx stepwright build`,
  ];
  io.err(`${lines.join("\n")}\n`);
  return 0;
}
