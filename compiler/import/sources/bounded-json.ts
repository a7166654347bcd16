import { type Node, type ParseError, parseTree, printParseErrorCode } from "jsonc-parser";

/** Deeper than any definition AWS takes (its definitions nest states a few levels, fields a few more). */
export const maxJsonDepth = 256;

/**
 * How deep a JSON text nests, scanned without recursion (so no text can overflow the stack), and
 * where it first passes `limit`.
 */
export function nestingBeyond(text: string, limit = maxJsonDepth): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return undefined;
}

/** The first key an object holds twice (AWS rejects such a definition; `JSON.parse` keeps the last), walked without recursion. */
export function duplicateKey(tree: Node): { key: string; offset: number } | undefined {
  const stack: Node[] = [tree];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const key = property.children?.[0];
        if (key && typeof key.value === "string") {
          if (seen.has(key.value)) return { key: key.value, offset: key.offset };
          seen.add(key.value);
        }
      }
    }
    stack.push(...(node.children ?? []));
  }
  return undefined;
}

/** JSON text read as a definition's is: without recursion first, then to a tree and a value, or what is wrong and where. */
export type JsonText =
  | { readonly kind: "read"; readonly value: unknown; readonly tree: Node }
  | { readonly kind: "deep"; readonly offset: number }
  | { readonly kind: "syntax"; readonly error: string; readonly offset: number }
  | { readonly kind: "duplicate"; readonly key: string; readonly offset: number };

/** Reads JSON text: nesting no definition has, a syntax error (jsonc-parser's code, never the text), or a key written twice. */
export function readJsonText(text: string): JsonText {
  const deep = nestingBeyond(text);
  if (deep !== undefined) return { kind: "deep", offset: deep };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  const error = errors[0];
  if (error || !tree) return { kind: "syntax", error: error ? printParseErrorCode(error.error) : "empty", offset: error?.offset ?? 0 };
  const twice = duplicateKey(tree);
  if (twice) return { kind: "duplicate", ...twice };
  return { kind: "read", value: JSON.parse(text) as unknown, tree };
}
