/**
 * Features of real Step Functions that aws-local-stepfunctions does not implement. A local run
 * refuses a definition that uses one, naming it, rather than give an answer AWS would not.
 */
export function unsupportedFeatures(asl: Record<string, unknown>): string[] {
  const found = new Set<string>();
  const visitPath = (path: unknown): void => {
    if (typeof path !== "string") return;
    if (/States\.Base64(En|De)code\(/.test(path)) found.add("the States.Base64Encode/Base64Decode intrinsics");
    if (/^\$[A-Za-z_]/.test(path)) found.add("workflow variables ($name)");
  };
  // Only `.$` values are paths or intrinsics; other strings in a template are literal text.
  const visitTemplate = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visitTemplate);
    else if (value && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) (key.endsWith(".$") ? visitPath : visitTemplate)(item);
    }
  };
  const visitGraph = (graph: Record<string, unknown>): void => {
    if (graph.QueryLanguage === "JSONata") found.add("JSONata (QueryLanguage: JSONata)");
    for (const state of Object.values((graph.States ?? {}) as Record<string, Record<string, unknown>>)) {
      if (state.QueryLanguage === "JSONata") found.add("JSONata (QueryLanguage: JSONata)");
      if ("Assign" in state) found.add("workflow variables (Assign)");
      if ("ItemReader" in state) found.add("Distributed Map item readers (ItemReader)");
      if ("ResultWriter" in state) found.add("Distributed Map result writers (ResultWriter)");
      if ("ItemBatcher" in state) found.add("Distributed Map batching (ItemBatcher)");
      for (const field of ["Parameters", "ResultSelector", "ItemSelector"]) visitTemplate(state[field]);
      for (const field of ["InputPath", "OutputPath", "ItemsPath"]) visitPath(state[field]);
      for (const branch of (state.Branches ?? []) as Record<string, unknown>[]) visitGraph(branch);
      const processor = (state.ItemProcessor ?? state.Iterator) as Record<string, unknown> | undefined;
      if (processor) visitGraph(processor);
    }
  };
  visitGraph(asl);
  return [...found].sort();
}

export class UnsupportedFeatureError extends Error {
  constructor(readonly features: readonly string[]) {
    super(
      `The local engine (aws-local-stepfunctions) does not support ${features.join(", ")}; this workflow cannot run locally. Test it in AWS, or mock around it.`,
    );
    this.name = "UnsupportedFeatureError";
  }
}
