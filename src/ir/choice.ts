import type { ConditionNode } from "./condition.js";
import type { JsonObject, JsonValue } from "./json.js";
import type { SourceSpan } from "./source.js";
import type { OutputTemplate, PathFiltering, StateBase } from "./state-base.js";

/** One branch of a Choice: a JSONPath condition tree, or a JSONata `{% %}` condition string. */
export interface ChoiceRuleNode {
  readonly condition: ConditionNode | string;
  readonly next: string;
  readonly comment?: string;
  readonly assign?: JsonObject;
  readonly output?: JsonValue;
  /** Not ASL: where `.when(...)` was written. */
  readonly source?: SourceSpan;
}

/** A Choice state: the first rule that matches picks the next state, else `default`. */
export interface ChoiceNode extends StateBase, PathFiltering, OutputTemplate {
  readonly kind: "Choice";
  readonly choices: readonly ChoiceRuleNode[];
  readonly default?: string;
  /** Not ASL: where `.otherwise(...)` was written. */
  readonly defaultSource?: SourceSpan;
}
