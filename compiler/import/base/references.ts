import { intrinsic, intrinsicData, renderIntrinsic, States } from "../../../src/data/intrinsic.js";
import { jsonPath, makeRef } from "../../../src/data/proxy.js";
import { dataOf, type RefRoot, type Segment } from "../../../src/data/ref.js";
import { toJsonPath } from "../../../src/data/render.js";
import { pathSegments } from "../../typeflow/uses/reads.js";
import { type Code, code, json } from "./code.js";

/**
 * What a builder function's `$` stands for (the state input; the task result in ResultSelector),
 * which names the generated code used, and which DSL exports it needs.
 */
export interface Scope {
  readonly input: { readonly name: string; readonly root: RefRoot };
  readonly used: Set<string>;
  readonly imports: Set<string>;
}

export function scopeOf(imports: Set<string>, input: Scope["input"] = { name: "$", root: { kind: "input" } }): Scope {
  return { input, used: new Set(), imports };
}

const tsIdentifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `.order.lines[0]!.sku`: an index is asserted present, as a user writes it under `noUncheckedIndexedAccess`. */
function segmentsText(segments: readonly Segment[]): string {
  return segments.map((s) => (typeof s === "number" ? `[${s}]!` : tsIdentifier.test(s) ? `.${s}` : `[${JSON.stringify(s)}]`)).join("");
}

/**
 * A JSONPath read in a builder, as the typed proxy writes it (`$.order.id`, `$$.Execution.Id`,
 * `variable("total")`) when the proxy renders it back to the same text; otherwise `jsonPath("...")`,
 * which renders as written.
 */
export function pathCode(path: string, scope: Scope): Code {
  const root = /^\$\$/.test(path)
    ? { kind: "context" as const, length: 2 }
    : /^\$[A-Za-z_]/.test(path)
      ? { kind: "variable" as const, length: /^\$\w+/.exec(path)![0].length }
      : { kind: "input" as const, length: 1 };
  // The proxy's segments for the path after its root (checked below: the proxy must write it back the same).
  const segments = pathSegments(`$${path.slice(root.length)}`);
  if (segments) {
    const refRoot: RefRoot =
      root.kind === "variable"
        ? { kind: "variable", name: path.slice(1, root.length) }
        : root.kind === "context"
          ? { kind: "context" }
          : scope.input.root;
    const ref = makeRef({ root: refRoot, segments });
    if (toJsonPath(dataOf(ref)) === path) {
      if (root.kind === "context") {
        scope.imports.add("$$");
        return code(`$$${segmentsText(segments)}`, ref);
      }
      if (root.kind === "variable") {
        scope.imports.add("variable");
        return code(`variable(${JSON.stringify(path.slice(1, root.length))})${segmentsText(segments)}`, ref);
      }
      scope.used.add(scope.input.name);
      return code(`${scope.input.name}${segmentsText(segments)}`, ref);
    }
  }
  scope.imports.add("jsonPath");
  return code(`jsonPath(${JSON.stringify(path)})`, jsonPath(path));
}

type Arg =
  | { kind: "literal"; value: string | number | boolean | null }
  | { kind: "path"; path: string }
  | { kind: "call"; name: string; args: Arg[] };

/** Parses an intrinsic call (`States.Format('{} items', $.count)`); undefined when it is not one. */
function parseCall(text: string): Arg | undefined {
  const p = { at: 0 };
  const space = () => {
    while (text[p.at] === " ") p.at++;
  };
  const arg = (): Arg | undefined => {
    space();
    const c = text[p.at];
    if (c === "'") {
      let value = "";
      p.at++;
      while (p.at < text.length && text[p.at] !== "'") {
        if (text[p.at] === "\\") p.at++;
        value += text[p.at++];
      }
      if (text[p.at] !== "'") return undefined;
      p.at++;
      return { kind: "literal", value };
    }
    if (c === "$") {
      const start = p.at;
      let depth = 0;
      while (p.at < text.length && !((text[p.at] === "," || text[p.at] === ")") && depth === 0)) {
        if (text[p.at] === "[" || text[p.at] === "(") depth++;
        if (text[p.at] === "]" || text[p.at] === ")") depth--;
        p.at++;
      }
      return { kind: "path", path: text.slice(start, p.at).trimEnd() };
    }
    const word = /^(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null|States\.[A-Za-z]+)/.exec(text.slice(p.at))?.[0];
    if (!word) return undefined;
    p.at += word.length;
    if (!word.startsWith("States.")) return { kind: "literal", value: JSON.parse(word) as number | boolean | null };
    space();
    if (text[p.at] !== "(") return undefined;
    p.at++;
    const args: Arg[] = [];
    space();
    if (text[p.at] === ")") p.at++;
    else {
      for (;;) {
        const a = arg();
        if (!a) return undefined;
        args.push(a);
        space();
        if (text[p.at] === ",") p.at++;
        else if (text[p.at] === ")") {
          p.at++;
          break;
        } else return undefined;
      }
    }
    return { kind: "call", name: word, args };
  };
  const result = arg();
  space();
  return result?.kind === "call" && p.at === text.length ? result : undefined;
}

const intrinsics = States as unknown as Record<string, (...args: unknown[]) => unknown>;

function argCode(arg: Arg, scope: Scope): Code | undefined {
  if (arg.kind === "literal") return json(arg.value);
  if (arg.kind === "path") return pathCode(arg.path, scope);
  const fn = intrinsics[arg.name.slice("States.".length)];
  if (!fn) return undefined;
  const args = arg.args.map((a) => argCode(a, scope));
  if (args.some((a) => a === undefined)) return undefined;
  const codes = args as Code[];
  return code(`${arg.name}(${codes.map((a) => a.text).join(", ")})`, fn(...codes.map((a) => a.value)));
}

/**
 * The value of a `"key.$"` field: a path, or an intrinsic written with `States.*` when the DSL
 * renders it back to the same text, else `intrinsic("...")` as written. Undefined when it is neither
 * (the key is then kept as written).
 */
export function dynamicCode(text: string, scope: Scope): Code | undefined {
  if (text.startsWith("$")) return pathCode(text, scope);
  const parsed = parseCall(text);
  if (!parsed) return undefined;
  const trial = scopeOf(new Set(), scope.input);
  const built = argCode(parsed, trial);
  if (!built || typeof built.value !== "object" || built.value === null || !(intrinsicData in built.value)) return undefined;
  if (renderIntrinsic(built.value as never, toJsonPath) !== text) {
    // The call is one, written otherwise than the helpers write it (spacing, quotes): as written.
    scope.imports.add("intrinsic");
    return code(`intrinsic(${JSON.stringify(text)})`, intrinsic(text));
  }
  for (const name of trial.used) scope.used.add(name);
  for (const name of trial.imports) scope.imports.add(name);
  scope.imports.add("States");
  return built;
}
