/**
 * Workflow variables in their scopes (https://docs.aws.amazon.com/step-functions/latest/dg/workflow-variables.html):
 * the top-level states share one; each Parallel branch and Inline Map iteration has its own, which
 * reads the scopes around it; a Distributed Map's child executions start with none. A state's
 * Assign takes effect when the state ends: every expression of the state reads the values it
 * entered with.
 */
export class VariableScope {
  readonly #values = new Map<string, unknown>();

  constructor(readonly parent?: VariableScope) {}

  lookup(name: string): { readonly found: boolean; readonly value?: unknown } {
    if (this.#values.has(name)) return { found: true, value: this.#values.get(name) };
    return this.parent ? this.parent.lookup(name) : { found: false };
  }

  /** Every variable this scope sees (inner ones hiding outer ones of the same name). */
  all(): Record<string, unknown> {
    return { ...this.parent?.all(), ...Object.fromEntries(this.#values) };
  }

  /** The values a state assigned, all at once as it ends. */
  assign(values: Readonly<Record<string, unknown>>): void {
    for (const [name, value] of Object.entries(values)) this.#values.set(name, value);
  }
}
