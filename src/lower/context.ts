import type { QueryLanguage } from "../ir/query-language.js";
import type { CommonDraftFields } from "../steps/draft.js";
import type { SourceSpan } from "../ir/source.js";

/** What the context needs of a step: its name, where it was written, its own query language. */
type StepDraft = { readonly name: string; readonly source?: SourceSpan; readonly fields: CommonDraftFields };
import { TemplateError, toTemplate } from "../data/template.js";
import type { JsonObject, JsonValue } from "../ir/json.js";

const isJsonArray = (value: JsonValue): value is readonly JsonValue[] => Array.isArray(value);
import { type Problem, type ProblemCode, problemCodes } from "./problem.js";
import type { SelectorDraft } from "../steps/selector.js";
import { toJsonata, toJsonPath } from "../data/render.js";
import { isJsonata, jsonataData } from "../data/jsonata.js";

/**
 * An edge as written in code: data flows from one state to the next through `.next(...)` (the
 * output of the chain it is called on), through a Choice's `.when`/`.otherwise` (the Choice's
 * input), from a Map to its item processor (`.process`: each item), or from a step to a catcher's
 * handler (`.catch`: the error output, or the step's input with it merged).
 */
/** Shared by the lowering of every state: the workflow's language and where problems go. */
export class LowerContext {
  readonly problems: Problem[] = [];
  constructor(readonly language: QueryLanguage) {}

  languageOf(draft: StepDraft): QueryLanguage {
    return (draft.fields.queryLanguage as QueryLanguage | undefined) ?? this.language;
  }

  report(draft: StepDraft, code: ProblemCode, message: string): void {
    this.problems.push({ code, message, step: draft.name, ...(draft.source ? { source: draft.source } : {}) });
  }

  /** A builder's object as a template in the state's language, or undefined after reporting why not. */
  template(draft: StepDraft, field: string, value: unknown, language = this.languageOf(draft)): JsonValue | undefined {
    try {
      return toTemplate(value, language);
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      this.report(draft, problemCodes.badTemplate, `Step "${draft.name}": ${field}: ${error.message}.`);
      return undefined;
    }
  }

  /**
   * A literal the state writes as it is (a Pass state's Result): JSON values only. BigInts,
   * functions, `undefined`, cycles and the like are reported naming the step and the field.
   */
  literal(draft: StepDraft, field: string, value: unknown): JsonValue | undefined {
    const problem = notJson(value, field, new Set());
    if (problem === undefined) return value as JsonValue;
    this.report(
      draft,
      problemCodes.badTemplate,
      `Step "${draft.name}": ${problem}; a ${field} must be JSON (strings, numbers, booleans, null, arrays, objects).`,
    );
    return undefined;
  }

  /** A template that ASL requires to be an object (ResultSelector, Assign), or undefined after reporting why not. */
  objectTemplate(draft: StepDraft, field: string, value: unknown): JsonObject | undefined {
    const template = this.template(draft, field, value);
    if (template === undefined) return undefined;
    if (template !== null && typeof template === "object" && !isJsonArray(template)) return template;
    this.report(draft, problemCodes.badTemplate, `Step "${draft.name}": ${field} must be an object; build one with named fields.`);
    return undefined;
  }

  /** Reports a field the state's language does not have. */
  requireLanguage(draft: StepDraft, field: string, language: QueryLanguage): boolean {
    const actual = this.languageOf(draft);
    if (actual === language) return true;
    const hint = language === "JSONPath" ? 'call .queryLanguage("JSONPath") on it' : 'call .queryLanguage("JSONata") on it';
    this.report(
      draft,
      problemCodes.wrongQueryLanguage,
      `Step "${draft.name}" sets ${field}, which ${actual} states do not have; ${hint} or use the ${actual} form.`,
    );
    return false;
  }
}

export function selectorPath(selector: SelectorDraft): string {
  return typeof selector === "string" ? selector : toJsonPath(selector);
}

/** A path read by a JSONata state: the same data, as a `{% %}` expression. */
export function selectorJsonata(selector: SelectorDraft): string {
  if (typeof selector !== "string") return `{% ${toJsonata(selector)} %}`;
  const path = selector.replace(/^\$\$/, "$states.context").replace(/^\$(?=\.|\[|$)/, "$states.input");
  return `{% ${path} %}`;
}

/** A number-like field: a number, or a JSONata expression. */
export function numberOrExpression(value: unknown): number | string {
  if (isJsonata(value)) return `{% ${value[jsonataData]} %}`;
  return typeof value === "number" ? value : String(value);
}

/** A text field (an error name, a timestamp): the text, or a JSONata expression. */
export function textOrExpression(value: unknown): string {
  return isJsonata(value) ? `{% ${value[jsonataData]} %}` : String(value);
}

/** Why a value is not JSON, naming where in it, or undefined when it is. */
function notJson(value: unknown, at: string, seen: Set<object>): string | undefined {
  if (value === null || typeof value === "string" || typeof value === "boolean") return undefined;
  if (typeof value === "number") return Number.isFinite(value) ? undefined : `${at} is ${value}`;
  if (typeof value !== "object")
    return `${at} is ${typeof value === "bigint" ? "a BigInt" : typeof value === "undefined" ? "undefined" : `a ${typeof value}`}`;
  if (seen.has(value)) return `${at} refers back to itself`;
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) {
    return `${at} is a ${value.constructor?.name ?? "class instance"}, not a plain object`;
  }
  seen.add(value);
  try {
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [`[${i}]`, v])
      : Object.entries(value).map(([k, v]) => [`.${k}`, v]);
    for (const [key, v] of entries) {
      const problem = notJson(v, `${at}${key}`, seen);
      if (problem) return problem;
    }
    return undefined;
  } finally {
    seen.delete(value);
  }
}
