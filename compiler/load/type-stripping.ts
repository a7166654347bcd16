import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, isAbsolute, resolve } from "node:path";

/**
 * Whether the user's modules may be loaded by type stripping (oxc-transform's, or Node's own)
 * instead of tsx. Stripping erases type syntax and nothing else: it keeps every import not marked
 * `type`, runs no enum, namespace or parameter property as TypeScript does, maps no `paths`, and
 * Node resolves `./x.js` to nothing when only `x.ts` exists (the loading thread's resolve hook does
 * that). So it runs a project only when the project's tsconfig makes TypeScript reject everything
 * stripping would run differently from tsx.
 */
export type TypeStripping = { readonly strip: true } | { readonly strip: false; readonly why: string };

type Options = Readonly<Record<string, unknown>>;

/** Each setting a project needs, and what Node would do differently without it. */
const rules: readonly { readonly holds: (options: Options) => boolean; readonly why: string }[] = [
  { holds: (o) => o.verbatimModuleSyntax === true, why: "does not set verbatimModuleSyntax (Node keeps an import that names only types)" },
  {
    holds: (o) => o.erasableSyntaxOnly === true,
    why: "does not set erasableSyntaxOnly (Node runs no enum, namespace or parameter property)",
  },
  { holds: resolvesLikeNode, why: "resolves modules otherwise than Node16 or NodeNext (Node needs each import's extension)" },
  { holds: (o) => o.paths === undefined && o.baseUrl === undefined, why: "maps imports with paths or baseUrl (Node does not)" },
  { holds: (o) => o.jsx === undefined, why: "sets jsx (Node loads no .tsx)" },
  { holds: (o) => o.experimentalDecorators !== true, why: "sets experimentalDecorators (Node runs no decorator)" },
  {
    holds: definesClassFields,
    why: "assigns class fields instead of defining them (useDefineForClassFields false, or a target below ES2022)",
  },
];

function lower(value: unknown): string | undefined {
  return typeof value === "string" ? value.toLowerCase() : undefined;
}

function resolvesLikeNode(options: Options): boolean {
  const resolution = lower(options.moduleResolution);
  if (resolution !== undefined) return resolution === "node16" || resolution === "nodenext";
  // Unset, it follows `module`: these imply the resolution of the same name.
  return ["node16", "node18", "node20", "nodenext"].includes(lower(options.module) ?? "");
}

function definesClassFields(options: Options): boolean {
  if (typeof options.useDefineForClassFields === "boolean") return options.useDefineForClassFields;
  // TypeScript defines class fields from ES2022 on; unset, the target is the newest one.
  const target = lower(options.target);
  if (target === undefined || target === "esnext") return true;
  const year = /^es(\d{4})$/.exec(target)?.[1];
  return year !== undefined && Number(year) >= 2022;
}

/**
 * A tsconfig's content, comments and trailing commas allowed as TypeScript allows them. Plain JSON
 * (what `stepwright init` and most tools write) is read without loading the JSONC parser, which
 * would cost the loading thread more than the rest of this module.
 */
function readJsonc(file: string): unknown {
  const text = readFileSync(file, "utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    const { parse } = createRequire(import.meta.url)("jsonc-parser") as typeof import("jsonc-parser");
    const errors: import("jsonc-parser").ParseError[] = [];
    const value = parse(text, errors, { allowTrailingComma: true }) as unknown;
    if (errors.length > 0) throw new Error(`${file} is not valid JSON`);
    return value;
  }
}

/** A tsconfig's compiler options with those of what it extends beneath them (as TypeScript merges them). */
function compilerOptionsOf(file: string, seen: ReadonlySet<string> = new Set()): Options {
  if (seen.has(file)) throw new Error(`${file} extends itself`);
  const config = readJsonc(file);
  if (typeof config !== "object" || config === null) throw new Error(`${file} is not valid JSON`);
  const { extends: bases, compilerOptions } = config as { extends?: unknown; compilerOptions?: unknown };
  const list = bases === undefined ? [] : Array.isArray(bases) ? bases : [bases];
  const inherited = list.map((base) => {
    if (typeof base !== "string") throw new Error(`${file} extends something that is not a path`);
    return compilerOptionsOf(baseFile(base, file), new Set([...seen, file]));
  });
  const own = typeof compilerOptions === "object" && compilerOptions !== null ? (compilerOptions as Options) : {};
  return Object.assign({}, ...inherited, own) as Options;
}

/** Where an `extends` entry points: a path beside the tsconfig, or a package's tsconfig. */
function baseFile(base: string, from: string): string {
  if (base.startsWith(".") || isAbsolute(base)) {
    const path = resolve(dirname(from), base);
    return existsSync(path) || path.endsWith(".json") ? path : `${path}.json`;
  }
  const requireFrom = createRequire(from);
  for (const candidate of base.endsWith(".json") ? [base] : [`${base}/tsconfig.json`, `${base}.json`, base]) {
    try {
      return requireFrom.resolve(candidate);
    } catch {
      // the next way TypeScript would look for it
    }
  }
  throw new Error(`${from} extends ${base}, which cannot be found`);
}

/** Whether type stripping may load the modules of the project this tsconfig describes, and if not, why. */
export function typeStrippingFor(tsconfig: string | undefined): TypeStripping {
  if (tsconfig === undefined) return { strip: false, why: "no tsconfig.json was found" };
  let options: Options;
  try {
    options = compilerOptionsOf(tsconfig);
  } catch (error) {
    return { strip: false, why: `its tsconfig could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
  const broken = rules.find((rule) => !rule.holds(options));
  return broken ? { strip: false, why: `${tsconfig} ${broken.why}` } : { strip: true };
}

/** Why this process may not load the project's modules by type stripping; nothing when it may. */
export function whyNotStripped(tsconfig: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.STEPWRIGHT_TYPE_STRIPPING === "off") return "STEPWRIGHT_TYPE_STRIPPING=off";
  const stripping = typeStrippingFor(tsconfig);
  return stripping.strip ? undefined : stripping.why;
}

/**
 * Whether a module that failed under type stripping may be loaded again through tsx: it
 * failed before any of its code ran (a syntax Node does not run, an import it cannot resolve or
 * link), as errors of the module system do. Through tsx the same mistake gives the diagnostic it
 * always gave. (A module oxc-transform stripped also says whether it began to run, which settles
 * it: strip-types.ts's moduleStarted.)
 */
export function strippingFailed(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof SyntaxError || (typeof code === "string" && code.startsWith("ERR_"));
}
