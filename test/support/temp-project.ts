import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { root } from "./compile.ts";

/**
 * A user's project in a temporary folder: package.json, tsconfig.json, `stepwright` installed (a
 * link to this checkout, as npm links a local package, its sources mapped in) and the given files.
 * The package as published is tested in test/package.
 */
export function tempProject(
  files: Record<string, string>,
  { compilerOptions = {}, modules = "stepwright" }: { compilerOptions?: Record<string, unknown>; modules?: "stepwright" | "all" } = {},
): string {
  const dir = mkdtempSync(join(tmpdir(), "sw-project-"));
  if (modules === "all") symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  else {
    mkdirSync(join(dir, "node_modules"));
    symlinkSync(root, join(dir, "node_modules/stepwright"), "dir");
    symlinkSync(join(root, "node_modules/zod"), join(dir, "node_modules/zod"), "dir");
  }
  const defaults = {
    "package.json": JSON.stringify({ name: "user-project", private: true, type: "module" }),
    "tsconfig.json": JSON.stringify({
      compilerOptions: {
        target: "ES2023",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        types: [],
        // The linked checkout's sources (the published package serves dist/, which this repository does not build for tests).
        paths: {
          stepwright: ["./node_modules/stepwright/src/index.ts"],
          "stepwright/compiler": ["./node_modules/stepwright/compiler/index.ts"],
          "stepwright/testing": ["./node_modules/stepwright/compiler/testing/index.ts"],
        },
        ...compilerOptions,
      },
      include: ["src"],
    }),
  };
  for (const [name, text] of Object.entries({ ...defaults, ...files })) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
