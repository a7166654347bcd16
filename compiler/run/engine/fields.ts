import type { Execution, Frame } from "./execution.js";
import { evaluateField } from "./jsonata.js";
import { applyTemplate, readPath } from "./paths.js";

/**
 * A payload field built in the state's language: JSONata's `{% %}` evaluated against
 * `$states.input` (the state's input), or a JSONPath template's `.$` fields read from the
 * effective input (after InputPath).
 */
export function built(
  run: Execution,
  name: string,
  frame: Frame,
  raw: unknown,
  effective: unknown,
  template: unknown,
  field: string,
): Promise<unknown> | unknown {
  return frame.language === "JSONata"
    ? evaluateField(template, run.jsonataScope(name, frame, { input: raw }), field)
    : applyTemplate(template, run.pathScope(name, frame, effective));
}

/** What a request is built from, in the state's language: Arguments (JSONata) or Parameters (JSONPath), of a state, an ItemReader or a ResultWriter. */
export function requestTemplate(frame: Frame, holder: { readonly Arguments?: unknown; readonly Parameters?: unknown }): unknown {
  return frame.language === "JSONata" ? holder.Arguments : holder.Parameters;
}

/**
 * A number-like field of `holder` (a Map state, its ItemBatcher or ReaderConfig) as the state's
 * language gives it: JSONata, the field's value or expression; JSONPath, the value at its
 * `<field>Path`, else the field as written.
 */
export async function fieldValue(
  run: Execution,
  name: string,
  frame: Frame,
  raw: unknown,
  effective: unknown,
  holder: Record<string, unknown>,
  field: string,
): Promise<unknown> {
  if (frame.language === "JSONata")
    return holder[field] === undefined ? undefined : evaluateField(holder[field], run.jsonataScope(name, frame, { input: raw }), field);
  const path = holder[`${field}Path`];
  return path !== undefined ? readPath(String(path), run.pathScope(name, frame, effective)) : holder[field];
}
