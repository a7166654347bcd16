import type { JsonObject, JsonValue } from "./json.js";

/** One entry of a state's `Catch` list: where to go when one of `errorEquals` is raised. */
export interface CatcherNode {
  readonly errorEquals: readonly string[];
  readonly next: string;
  readonly resultPath?: string | null;
  readonly output?: JsonValue;
  readonly assign?: JsonObject;
  readonly comment?: string;
}
