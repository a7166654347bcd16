/**
 * A workflow's input checked against its schema (the JSON Schema the loader wrote from the zod
 * schema given as `workflow(name, { input })`): why it does not fit, each issue at its path.
 * Zod is loaded only for a workflow that has one.
 */
export async function inputIssues(schema: Readonly<Record<string, unknown>>, input: unknown): Promise<string[]> {
  const { fromJSONSchema } = await import("zod");
  const checked = fromJSONSchema(schema as never).safeParse(input);
  if (checked.success) return [];
  return checked.error.issues.map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(the input)"}: ${i.message}`);
}
