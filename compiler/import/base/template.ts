import { isDeepStrictEqual } from "node:util";
import { jsonata } from "../../../src/data/jsonata.js";
import { toJsonataValue, toPayloadTemplate } from "../../../src/data/template.js";
import type { JsonValue } from "../../../src/ir/json.js";
import type { QueryLanguage } from "../../../src/ir/query-language.js";
import { array, arrow, type Code, code, json, object } from "./code.js";
import { dynamicCode, pathCode, type Scope, scopeOf } from "./references.js";

/**
 * A JSONPath payload template as the object a builder returns: `"id.$": "$.order.id"` becomes
 * `id: $.order.id`. A `.$` value the DSL would not write back the same stays as it is written.
 */
function payloadCode(value: JsonValue, scope: Scope): Code {
  if (Array.isArray(value)) return array(value.map((v) => payloadCode(v, scope)));
  if (value === null || typeof value !== "object") return json(value);
  const keys = new Set(Object.keys(value));
  const entries = Object.entries(value).map(([key, field]): [string, Code] => {
    const name = key.slice(0, -2);
    if (key.endsWith(".$") && typeof field === "string" && !keys.has(name)) {
      const dynamic = dynamicCode(field, scope);
      if (dynamic) return [name, dynamic];
    }
    return [key, payloadCode(field, scope)];
  });
  return object(entries);
}

/** What `$` stands for in a builder, and the name it is given. */
export interface BuilderInput {
  readonly name: string;
  readonly root: Scope["input"]["root"];
  /** The builder's parameters before `$` (a catcher's `(input, error)` reads the error second). */
  readonly before?: readonly string[];
  /** `$`'s declared type (`Ref<Order>`), written on the parameter: the step's input is declared there. */
  readonly declared?: string;
}

const stateInput: BuilderInput = { name: "$", root: { kind: "input" } };

/**
 * A builder function returning `template`: references through the typed proxy in JSONPath states
 * (checked: the DSL renders the object back to the same template, else the template is written as
 * it is), the JSON as it is in JSONata states, whose `{% %}` strings pass through unchanged.
 */
export function builderCode(template: JsonValue, language: QueryLanguage, imports: Set<string>, input: BuilderInput = stateInput): Code {
  const scope = scopeOf(imports, { name: input.name, root: input.root });
  let body = language === "JSONata" ? expressionsCode(template, imports) : payloadCode(template, scope);
  if (!isDeepStrictEqual(safeTemplate(body.value, language), template)) body = json(template);
  return arrow(parameters(scope, input), body);
}

/** A builder's parameter list: `$` when it is read or declared, with its type when declared. */
function parameters(scope: Scope, input: BuilderInput): string[] {
  if (input.declared !== undefined) {
    scope.imports.add("type Ref");
    return [...(input.before ?? []), `${input.name}: Ref<${input.declared}>`];
  }
  return scope.used.has(input.name) ? [...(input.before ?? []), input.name] : [];
}

/**
 * A JSONata value with each `{% %}` string as `jsonata("...")`: the value's type is then what the
 * expression gives (not known here), rather than the text of the expression.
 */
function expressionsCode(value: JsonValue, imports: Set<string>): Code {
  if (Array.isArray(value)) return array(value.map((v) => expressionsCode(v, imports)));
  if (value !== null && typeof value === "object") return object(Object.entries(value).map(([k, v]) => [k, expressionsCode(v, imports)]));
  return jsonataCode(value, imports) ?? json(value);
}

function safeTemplate(value: unknown, language: QueryLanguage): unknown {
  try {
    return language === "JSONata" ? toJsonataValue(value) : toPayloadTemplate(value);
  } catch {
    return undefined;
  }
}

/** A selector function (`($) => $.order.id`) for a field the DSL takes as one (ErrorPath, a role ARN path, a Map's items). */
export function selectorCode(path: string, imports: Set<string>, declared?: string): Code {
  const scope = scopeOf(imports);
  const ref = pathCode(path, scope);
  return arrow(parameters(scope, { ...stateInput, ...(declared !== undefined ? { declared } : {}) }), ref);
}

/** `{% expr %}` as `jsonata("expr")`, when the DSL writes it back the same; undefined otherwise. */
export function jsonataCode(text: unknown, imports: Set<string>): Code | undefined {
  if (typeof text !== "string") return undefined;
  const match = /^\{% ([\s\S]*) %\}$/.exec(text);
  if (!match) return undefined;
  imports.add("jsonata");
  return code(`jsonata(${JSON.stringify(match[1])})`, jsonata(match[1]!));
}
