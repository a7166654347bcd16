import * as dsl from "../../src/index.js";

const reserved = new Set([
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "import",
  "in",
  "instanceof",
  "new",
  "null",
  "return",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "var",
  "void",
  "while",
  "with",
  "as",
  "implements",
  "interface",
  "let",
  "package",
  "private",
  "protected",
  "public",
  "static",
  "yield",
  "await",
  "async",
  "of",
  "type",
  "arguments",
  "eval",
  "undefined",
  "NaN",
  "Infinity",
  "Object",
  "Array",
  "String",
  "Number",
  "Boolean",
  "Date",
  "JSON",
  "Math",
  "Promise",
  "Symbol",
  "Error",
  "Map",
  "Set",
  "_input",
  "result",
  "error",
]);

/** `"Validate Order"` → `validateOrder`, `"3DSecure"` → `step3DSecure`. */
function camel(text: string, upperFirst: boolean): string {
  const words = text.split(/[^A-Za-z0-9]+/).filter(Boolean);
  const joined = words
    .map((w, i) => (i === 0 && !upperFirst ? w.charAt(0).toLowerCase() + w.slice(1) : w.charAt(0).toUpperCase() + w.slice(1)))
    .join("");
  if (joined === "") return upperFirst ? "Step" : "step";
  return /^\d/.test(joined) ? `${upperFirst ? "Step" : "step"}${joined}` : joined;
}

/** Unique identifiers for one module: never a keyword, a global the code uses, or a DSL export. */
export class Namer {
  readonly #taken = new Set<string>([...reserved, ...Object.keys(dsl), "$", "$$"]);
  readonly #given = new Set<string>();

  /** A camelCase name for a value (`const validateOrder = ...`). */
  value(text: string): string {
    const base = camel(text, false);
    // A state named like a DSL function ("Succeed", "Map") reads as `succeedStep`, not `succeed2`.
    return this.#unique(this.#taken.has(base) && !this.#given.has(base) ? `${base}Step` : base);
  }

  /** A PascalCase name for a type (`interface OrderInput`). */
  type(text: string): string {
    return this.#unique(camel(text, true));
  }

  #unique(base: string): string {
    let name = base;
    for (let i = 2; this.#taken.has(name); i++) name = `${base}${i}`;
    this.#taken.add(name);
    this.#given.add(name);
    return name;
  }
}
