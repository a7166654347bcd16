import { findNodeAtLocation, type Node } from "jsonc-parser";
import type { SourceSpan } from "../../../src/ir/source.js";
import { type Diagnostic, diagnostic } from "../../base/diagnostic.js";
import { importCodes } from "../base/codes.js";
import { maxJsonDepth, readJsonText } from "./bounded-json.js";

/** A definition found in a file, with where its parts are, for diagnostics. */
export interface FoundDefinition {
  /** The workflow's name. */
  readonly name: string;
  readonly definition: unknown;
  /** Where it came from, in messages: `order.asl.json`, `main.tf: aws_sfn_state_machine.orders`. */
  readonly origin: string;
  /** Where a state (by name) or a field (by JSON path segments) is written. */
  readonly locate: (at: { state?: string; path?: readonly (string | number)[] }) => SourceSpan | undefined;
  /** Terraform expressions that stood in the definition, by the `${...}` text that holds their place. */
  readonly references?: ReadonlyMap<string, string>;
}

/** 1-based line and column of an offset. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split("\n").length;
  return { line, column: offset - before.lastIndexOf("\n") };
}

/** The node of a state named `name`, wherever it is nested (branches, item processors). */
function stateNode(node: Node | undefined, name: string): Node | undefined {
  if (!node) return undefined;
  if (node.type === "property" && node.children?.[0]?.value === "States") {
    const found = node.children[1]?.children?.find((p) => p.children?.[0]?.value === name);
    if (found) return found;
  }
  for (const child of node.children ?? []) {
    const found = stateNode(child, name);
    if (found) return found;
  }
  return undefined;
}

/** Locates states and fields in JSON text that starts at `base` in `file` (a heredoc in a .tf, or a whole .json). */
export function jsonLocator(file: string, text: string, tree: Node | undefined, base = 0, whole = text): FoundDefinition["locate"] {
  return ({ state, path }) => {
    const node = path ? findNodeAtLocation(tree!, [...path]) : state !== undefined ? stateNode(tree, state) : undefined;
    if (!node) return undefined;
    return { file, ...positionOf(whole, base + node.offset) };
  };
}

/**
 * Reads an ASL JSON file: its definition, or a diagnostic at the first syntax error, at nesting no
 * definition has (read without recursion first, so no file can overflow the stack), or at a key
 * written twice. A byte-order mark before the JSON is no part of it.
 */
export function readJson(file: string, given: string, name: string): FoundDefinition | Diagnostic {
  const text = given.replace(/^\uFEFF/, "");
  const read = readJsonText(text);
  const unreadable = (why: string, offset: number) =>
    diagnostic(importCodes.unreadable, `${file} ${why}`, { file, ...positionOf(text, offset) });
  switch (read.kind) {
    case "read":
      return { name, definition: read.value, origin: file, locate: jsonLocator(file, text, read.tree) };
    case "deep":
      return unreadable(`nests deeper than ${maxJsonDepth} levels: no state machine definition does.`, read.offset);
    case "syntax":
      return unreadable(`is not JSON: ${read.error}.`, read.offset);
    case "duplicate":
      return unreadable(
        `writes the key ${JSON.stringify(read.key)} twice in one object: AWS rejects such a definition (JSON.parse would keep the last silently).`,
        read.offset,
      );
  }
}
