import type { Rule } from "./rule.ts";
import { catchAllLast } from "./catch-all-last.ts";
import { choiceHasRules } from "./choice-has-rules.ts";
import { definitionSize } from "./definition-size.ts";
import { expressDuration } from "./express-duration.ts";
import { expressPatterns } from "./express-patterns.ts";
import { integrationParameters } from "./integration-parameters.ts";
import { jsonataSyntax } from "./jsonata-syntax.ts";
import { jsonPathSyntax } from "./jsonpath-syntax.ts";
import { mapMode } from "./map-mode.ts";
import { pathsEnd } from "./paths-end.ts";
import { reachableStates } from "./reachable-states.ts";
import { serviceLimits } from "./service-limits.ts";
import { stateNameLength } from "./state-name-length.ts";
import { unicodeNormalized } from "./unicode-normalized.ts";
import { uniqueStateNames } from "./unique-state-names.ts";

export type { Finding, Rule, RuleContext } from "./rule.ts";

/** Every rule, in code order. */
export const rules: readonly Rule[] = [
  uniqueStateNames,
  stateNameLength,
  reachableStates,
  pathsEnd,
  choiceHasRules,
  catchAllLast,
  expressPatterns,
  expressDuration,
  serviceLimits,
  definitionSize,
  jsonPathSyntax,
  jsonataSyntax,
  mapMode,
  integrationParameters,
  unicodeNormalized,
];
