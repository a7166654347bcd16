import * as babel from "prettier/plugins/babel";
import * as estree from "prettier/plugins/estree";
import { format } from "prettier/standalone";

/**
 * ASL as the file users commit: Prettier-formatted JSON, newline-terminated, byte-stable.
 * Prettier's standalone build with its JSON parser: the same output as `prettier`, loaded in a
 * fraction of the time.
 */
export async function formatAsl(asl: unknown): Promise<string> {
  return format(JSON.stringify(asl), { parser: "json", printWidth: 100, plugins: [babel, estree] });
}
