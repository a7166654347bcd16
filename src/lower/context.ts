import type { QueryLanguage } from "../ir/query-language.js";
import type { StepDraft } from "../steps/draft.js";
import { TemplateError, toTemplate } from "../data/template.js";
import type { JsonValue } from "../ir/json.js";
import { type Problem, problemCodes } from "./problem.js";
import type { SelectorDraft } from "../steps/selector.js";
import { toJsonata, toJsonPath } from "../data/render.js";
import { isJsonata, jsonataData } from "../data/jsonata.js";

/** Shared by the lowering of every state: the workflow's language and where problems go. */
export class LowerContext {
  readonly problems: Problem[] = [];
  constructor(readonly language: QueryLanguage) {}

  languageOf(draft: StepDraft): QueryLanguage {
    return (draft.fields.queryLanguage as QueryLanguage | undefined) ?? this.language;
  }

  report(draft: StepDraft, code: string, message: string): void {
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

  /** Reports a field the state's language does not have. */
  requireLanguage(draft: StepDraft, field: string, language: QueryLanguage): boolean {
    const actual = this.languageOf(draft);
    if (actual === language) return true;
    const hint = language === "JSONPath" ? 'call .queryLanguage("JSONPath") on it' : 'call .queryLanguage("JSONata") on it';
    this.report(draft, problemCodes.wrongQueryLanguage, `Step "${draft.name}" sets ${field}, which ${actual} states do not have; ${hint} or use the ${actual} form.`);
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
  return isJsonata(value) ? `{% ${value[jsonataData]} %}` : (value as number);
}
