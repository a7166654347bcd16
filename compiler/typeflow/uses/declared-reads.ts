import type { Need, Read } from "./reads.js";
import type { TypeOps } from "./types.js";

/** How deep a declared type is followed: deeper fields are left to TypeScript where it can see them. */
const maxDepth = 6;

/**
 * What a step's declared input requires, as reads: every field it does not mark optional, with the
 * kind its type wants (a string, a number, ...) or the values a literal type allows. A union of
 * objects is required to be there, not followed into: which member arrives is for TypeScript and
 * the Choice rules to say.
 */
export async function declaredReads<T>(ops: TypeOps<T>, type: T): Promise<Read[]> {
  const reads: Read[] = [];
  await collect(ops, type, [], [], reads);
  return reads;
}

async function collect<T>(ops: TypeOps<T>, type: T, path: readonly string[], texts: readonly string[], into: Read[]): Promise<void> {
  const read = (need: Need, extra: Partial<Read> = {}) => into.push({ path, need, what: "its declared input", declared: texts, ...extra });
  // A field declared `unknown` may hold anything, but it must be there.
  if (ops.open(type)) return void (path.length > 0 && read("present"));
  const literals = await ops.literals(type);
  if (literals !== undefined) return void (path.length > 0 && read("present", { literals }));
  const kinds = await ops.kinds(type);
  const [only] = kinds;
  if (kinds.size === 1 && (only === "string" || only === "number" || only === "boolean" || only === "array")) return void read(only);
  const fields = kinds.size === 1 && only === "object" && (await ops.members(type)).length === 1 ? await ops.fields(type) : undefined;
  const required = fields?.filter((f) => !f.optional) ?? [];
  if (required.length === 0 || path.length >= maxDepth) return void (path.length > 0 && read("present"));
  for (const field of required) await collect(ops, field.type, [...path, field.name], [...texts, await ops.text(field.type)], into);
}
