/**
 * Generated code, written twice at once: as TypeScript text, and as the value that text evaluates
 * to (built with the DSL's own functions). The importer assembles the workflow from the values and
 * compares the ASL it emits with the definition it read, so what it writes is known to build back
 * to the same ASL before any file is written.
 */
export interface Code {
  readonly text: string;
  readonly value: unknown;
}

export function code(text: string, value: unknown): Code {
  return { text, value };
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * An object key as TypeScript writes it: bare when it is an identifier, quoted otherwise; and
 * `__proto__` computed (`["__proto__"]`), since written bare or quoted in an object literal it sets
 * the object's prototype instead of a key.
 */
export function propertyKey(key: string): string {
  if (key === "__proto__") return '["__proto__"]';
  return identifier.test(key) ? key : JSON.stringify(key);
}

/** A JSON value as a TypeScript expression. */
export function json(value: unknown): Code {
  return code(jsonText(value), value);
}

function jsonText(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(jsonText).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${propertyKey(k)}: ${jsonText(v)}`);
    return entries.length === 0 ? "{}" : `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

/** An object literal of generated values (keys defined, not assigned: `__proto__` is a key like any other). */
export function object(entries: readonly (readonly [string, Code])[]): Code {
  const value: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(value, k, { value: v.value, enumerable: true, writable: true, configurable: true });
  const text = entries.length === 0 ? "{}" : `{ ${entries.map(([k, v]) => `${propertyKey(k)}: ${v.text}`).join(", ")} }`;
  return code(text, value);
}

export function array(items: readonly Code[]): Code {
  return code(
    `[${items.map((i) => i.text).join(", ")}]`,
    items.map((i) => i.value),
  );
}

/** `<A, B>` when there are type arguments to write (types are not values: they change only the text). */
const typeArguments = (types: readonly string[] | undefined) => (types && types.length > 0 ? `<${types.join(", ")}>` : "");

/** `name(args)`: a call of a DSL function, evaluated with `fn`. */
export function call(name: string, fn: (...args: any[]) => unknown, args: readonly Code[], types?: readonly string[]): Code {
  return code(`${name}${typeArguments(types)}(${args.map((a) => a.text).join(", ")})`, fn(...args.map((a) => a.value)));
}

/** `target.method(args)`: a builder method. */
export function method(target: Code, name: string, args: readonly Code[], types?: readonly string[]): Code {
  const receiver = target.value as Record<string, (...a: unknown[]) => unknown>;
  return code(
    `${target.text}.${name}${typeArguments(types)}(${args.map((a) => a.text).join(", ")})`,
    receiver[name]!(...args.map((a) => a.value)),
  );
}

/**
 * A builder function, `($) => body`. The body's value was built with the references the DSL hands
 * a builder, so the function ignores its arguments and returns it.
 */
export function arrow(params: readonly string[], body: Code): Code {
  const text = body.text.startsWith("{") ? `(${body.text})` : body.text;
  return code(`(${params.join(", ")}) => ${text}`, () => body.value);
}
