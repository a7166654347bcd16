/**
 * A TypeScript message about the DSL in the user's words: the package's internal types are named
 * by what they stand for, and the elaboration lines about its type-only markers are left out.
 * Applied to every TypeScript error Stepwright passes through (the original text stays in the
 * TypeScript compiler's own output), so no message shows `Ref<`, `RefBase<`, `Chainable`,
 * `[inType]`, `JsonataExpr` or `Intrinsic`.
 */
export function readable(message: string): string {
  return message
    .split("\n")
    .filter((line) => !/\[(?:inType|outType|refType|refDataKey|terminalType|taskIoKey)\]|__@\w+@/.test(line))
    .map(readableTypes)
    .join("\n");
}

/** What each internal generic stands for, given its first type argument (and, for Chainable, its second). */
const rewrites: Readonly<Record<string, (args: readonly string[]) => string>> = {
  Ref: ([t]) => t!,
  RefBase: ([t]) => t!,
  JsonataExpr: ([t]) => `JSONata<${t}>`,
  Intrinsic: ([t]) => `intrinsic<${t}>`,
  Chainable: ([input]) => `a step taking ${input}`,
  Step: ([input]) => `a step taking ${input}`,
  NextFn: () => "next",
};

/** Rewrites each `Name<...>` of the names above until none is left (an argument's own are rewritten in turn). */
export function readableTypes(text: string): string {
  let out = text;
  for (let changed = true; changed;) {
    changed = false;
    for (const [name, rewrite] of Object.entries(rewrites)) {
      const at = findGeneric(out, name);
      if (!at) continue;
      out = out.slice(0, at.start) + rewrite(at.args) + out.slice(at.end);
      changed = true;
    }
  }
  return out;
}

/** The first `Name<...>` in the text, with its arguments split at their top-level commas. */
function findGeneric(text: string, name: string): { start: number; end: number; args: string[] } | undefined {
  const pattern = new RegExp(`(?<![\\w$.])${name}<`, "g");
  for (const match of text.matchAll(pattern)) {
    const open = match.index + name.length;
    let depth = 0;
    const args: string[] = [];
    let from = open + 1;
    for (let i = open; i < text.length; i++) {
      const c = text[i];
      if (c === "<" || c === "(" || c === "[" || c === "{") depth++;
      else if (c === ">" && text[i - 1] === "=")
        continue; // an arrow in a function type
      else if (c === ">" || c === ")" || c === "]" || c === "}") {
        depth--;
        if (depth === 0) {
          args.push(text.slice(from, i).trim());
          return { start: match.index, end: i + 1, args };
        }
      } else if (c === "," && depth === 1) {
        args.push(text.slice(from, i).trim());
        from = i + 1;
      }
    }
  }
  return undefined;
}
