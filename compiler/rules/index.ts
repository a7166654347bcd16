import type { Rule } from "./rule.js";
import { catchAllLast } from "./catch-all-last.js";
import { choiceHasRules } from "./choice-has-rules.js";
import { definitionSize } from "./definition-size.js";
import { expressDuration } from "./express-duration.js";
import { expressPatterns } from "./express-patterns.js";
import { integrationParameters } from "./integration-parameters.js";
import { jsonataSyntax } from "./jsonata-syntax.js";
import { jsonPathSyntax } from "./jsonpath-syntax.js";
import { mapMode } from "./map-mode.js";
import { pathsEnd } from "./paths-end.js";
import { reachableStates } from "./reachable-states.js";
import { serviceLimits } from "./service-limits.js";
import { stateNameLength } from "./state-name-length.js";
import { unicodeNormalized } from "./unicode-normalized.js";
import { uniqueStateNames } from "./unique-state-names.js";
import { workflowName } from "./workflow-name.js";
import { transitionTargets } from "./transition-targets.js";
import { exclusiveFields } from "./exclusive-fields.js";
import { taskResource } from "./task-resource.js";
import { assumedResult } from "./assumed-result.js";
import { wellFormedText } from "./well-formed-text.js";
import { aliases } from "./aliases.js";

export type { Finding, Rule, RuleContext } from "./rule.js";

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
  workflowName,
  transitionTargets,
  exclusiveFields,
  taskResource,
  assumedResult,
  wellFormedText,
  aliases,
];
