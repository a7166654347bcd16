import type { Node } from "jsonc-parser";

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
