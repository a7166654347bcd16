import type { JsonObject, JsonValue } from "./json.js";
import type { SourceSpan } from "./source.js";

/** One entry of a state's `Catch` list: where to go when one of `errorEquals` is raised. */
export interface CatcherNode {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly resultPath?: string | null;
  readonly output?: JsonValue;
  readonly assign?: JsonObject;
  readonly comment?: string;
  /** Not ASL: where `.catch(...)` was written. */
  readonly source?: SourceSpan;
}
