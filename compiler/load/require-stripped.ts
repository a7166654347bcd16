import nodeModule from "node:module";
import { pathToFileURL } from "node:url";
import { errorLine } from "../base/diagnostic.js";
import { packageTypes, strippedModule } from "./strip-hooks.js";
import { moduleStarted, stripperOf, type StripTypes } from "./strip-types.js";
import { strippingFailed } from "./type-stripping.js";

/** What a load by require gave: the module's exports, or why it must be loaded another way (nothing of it ran). */
export type Required = { readonly exports: Record<string, unknown> } | { readonly elsewhere: string };

/** The part of Node's CommonJS module that compiles a source as an ES module (its `format` argument, 22.12 on). */
interface CompilingModule {
  _compile(source: string, filename: string, format: "module"): void;
  readonly exports: unknown;
}
const CommonJsModule = nodeModule as unknown as new (id: string) => CompilingModule;

/** The flags that give Node module hooks, or code that may register them, before a program runs. */
const hookFlags = /^(--import|--loader|--experimental-loader|--require|-r)(=|$)/;

/**
 * Whether the user's modules may load by require in this process: where hooks of the user's
 * (`node --import`, `--loader`, `--require`, on the command line or in NODE_OPTIONS) are given, they
 * must see each module as it loads, and a load by require goes round them.
 */
export function byRequire(execArgv: readonly string[] = process.execArgv, env: NodeJS.ProcessEnv = process.env): boolean {
  const given = [...execArgv, ...(env.NODE_OPTIONS ?? "").split(/\s+/)];
  return !given.some((flag) => hookFlags.test(flag));
}

/**
 * What loads a user's module by require in this thread (`requireStripped`, with oxc-transform's
 * stripper), where no hooks of the user's are given (`byRequire`); nothing where they are. Where
 * oxc-transform's binary does not load, why. (Its callers use it before Node 22.15 only: from then
 * on module hooks run in the importing thread.)
 */
export async function loaderByRequire(): Promise<((file: string) => Required) | { readonly unavailable: string } | undefined> {
  if (!byRequire()) return undefined;
  let oxc: typeof import("oxc-transform");
  try {
    // Imported, not required: Node 22.12 warns when require() loads an ES module, as oxc's entry is.
    oxc = await import("oxc-transform");
  } catch (error) {
    return { unavailable: errorLine(error) };
  }
  const strip = stripperOf(oxc);
  const packageType = packageTypes();
  return (file) => requireStripped(file, strip, packageType);
}

/** The files compiled here: Node's ES module loader keeps each by its URL. */
const compiled = new Set<string>();

/**
 * Evaluates a user's ES module in this thread, its types stripped: Node's CommonJS loader compiles
 * the stripped source as an ES module (require of an ES module, unflagged from 22.12 on) and its ES
 * module loader links the module's imports. Before Node 22.15 that is the one way to strip a module's
 * types without a hooks thread, whose V8 isolate and start a build would otherwise wait for.
 *
 * No hooks resolve the module's imports: packages, Node's own modules and JavaScript files load; a
 * TypeScript file (`./names.js` for names.ts, or `./names.ts`) does not, nor does a module graph with
 * top-level await. Node refuses those while linking, before any of the user's code runs; so does it
 * what is not an ES module under stripping (CommonJS). Those come back as `elsewhere`, as does a
 * file this thread has compiled before (Node keeps the module by its URL and would hand back the
 * first evaluation's exports). What a module throws once its code has begun to run is thrown, and
 * so is what oxc-transform cannot parse (a SyntaxError).
 *
 * The module has no parent: Node warns of a require of an ES module only where a module required it.
 */
export function requireStripped(file: string, strip: StripTypes, packageType: (url: string) => string | undefined): Required {
  if (compiled.has(file)) return { elsewhere: `${file} was evaluated in this thread before` };
  const stripped = strippedModule(pathToFileURL(file).href, strip, packageType);
  if (stripped === undefined) return { elsewhere: `${file} is not an ES module` };
  const module = new CommonJsModule(file);
  compiled.add(file);
  try {
    module._compile(String(stripped.source), file, "module");
  } catch (error) {
    letGoOfRejection(error);
    if (moduleStarted() || !strippingFailed(error)) throw error;
    return { elsewhere: error instanceof Error ? error.message.split("\n")[0]! : String(error) };
  }
  return { exports: module.exports as Record<string, unknown> };
}

/**
 * Node 22.12 also reports what a module threw while it was required as an unhandled rejection (of
 * the module's evaluation, which nothing else can handle; 22.13 no longer does), which would end the
 * loading thread before it said why the module failed. That one rejection is let go, in the turn it
 * is reported in; any other is left to what would have taken it (it ends the thread, unless the
 * user's code listens for it).
 */
function letGoOfRejection(error: unknown): void {
  const listener = (reason: unknown) => {
    if (reason !== error && process.listenerCount("unhandledRejection") === 1) throw reason;
  };
  process.on("unhandledRejection", listener);
  setImmediate(() => process.off("unhandledRejection", listener));
}
