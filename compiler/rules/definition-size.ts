import type { Rule } from "./rule.js";

/** AWS: a state machine definition is at most 1 MB (a hard quota). */
const maxBytes = 1_048_576;

export const definitionSize: Rule = {
  code: "SW2010",
  name: "definition-size",
  check({ workflow, aslText }) {
    if (aslText === undefined) return [];
    const bytes = Buffer.byteLength(aslText, "utf8");
    return bytes > maxBytes
      ? [
          {
            message: `Workflow "${workflow.name}" is ${bytes} bytes of ASL; AWS accepts at most ${maxBytes} (1 MiB). Move large fixed data out of the definition or split the workflow with stepFunctions.startExecution.`,
          },
        ]
      : [];
  },
};
