import { format } from "prettier";

/** ASL as the file users commit: Prettier-formatted JSON, newline-terminated, byte-stable. */
export async function formatAsl(asl: unknown): Promise<string> {
  return format(JSON.stringify(asl), { parser: "json", printWidth: 100 });
}
