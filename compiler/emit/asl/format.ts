/**
 * ASL as the file users commit: Prettier-formatted JSON, newline-terminated, byte-stable.
 * Prettier's standalone build with its JSON parser: the same output as `prettier`, loaded in a
 * fraction of the time, and only when a file is written (a check formats nothing).
 */
export async function formatAsl(asl: unknown): Promise<string> {
  const [babel, estree, { format }] = await Promise.all([import("prettier/plugins/babel"), import("prettier/plugins/estree"), import("prettier/standalone")]);
  return format(JSON.stringify(asl), { parser: "json", printWidth: 100, plugins: [babel, estree] });
}
