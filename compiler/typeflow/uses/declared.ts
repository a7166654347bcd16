import type { StateNode } from "../../../src/ir/state.js";
import type { StepTexts } from "./step-text.js";

/** A builder whose `$` carries its type (`($: Ref<Order>) => ...`), as an argument or an option's value. */
const annotatedBuilder = /^\s*\(\s*\$\s*:/;
const annotatedOption = (option: string) => new RegExp(`(?:^|[{,]\\s*)${option}\\s*:\\s*\\(\\s*\\$\\s*:`);
/** An integration with type arguments whose first (its input) is declared: `lambda<Order, Receipt>(...)`; an SDK call's first is its request. */
const typedIntegration = /^\s*(?:"[^"]*"|'[^']*'|`[^`]*`)\s*,\s*(?!sdk\b)[\w$]+(?:\.[\w$]+)?\s*<\s*(?!unknown\b)/;

/**
 * Whether a step's input type is written where the step is made, so TypeScript checks it itself:
 * type arguments on its factory (`choice<Order>(...)`) or on a builder method
 * (`.parameters<Order>(...)`), a builder's `$` with a type (`($: Ref<Order>) => ...`, also as
 * a Map's `items` or `itemSelector`, a Pass's or Task's `parameters`), or a Task's integration typed with its input
 * (`lambda<Order, Receipt>(...)`). Read from the source text of the step's own calls (not of the
 * steps written inside them), each file once.
 */
export function typeArgumentsWritten(stepText: StepTexts): (state: StateNode) => boolean {
  return (state) => {
    const [factory, ...methods] = stepText(state)?.calls ?? [];
    if (!factory) return false;
    if (factory.types.trim() !== "") return true;
    const builds =
      methods.some((m) => m.name === "parameters" || m.name === "arguments") ||
      /(?:^|[{,]\s*)(?:parameters|arguments)\s*:/.test(factory.args);
    // An integration's input type is the step's only where the step builds no request.
    if (state.kind === "Task" && !builds && typedIntegration.test(factory.args)) return true;
    if (["items", "itemSelector", "parameters", "arguments"].some((option) => annotatedOption(option).test(factory.args))) return true;
    return methods.some(
      (m) => ["parameters", "arguments", "inputPath"].includes(m.name) && (m.types.trim() !== "" || annotatedBuilder.test(m.args)),
    );
  };
}
