import { describe, expect, test } from "vitest";
import { fail, lambda, task, workflow } from "stepwright";
import { checkWorkflow, checkWorkflowInTurns } from "../../compiler/check.ts";
import { rules } from "../../compiler/rules/index.ts";

/** Every rule on a workflow, at once or with a turn of the event loop before each (as a compile runs them). */
const fn = lambda("arn:aws:lambda:us-east-1:123456789012:function:charge");
const { ir } = workflow("rules-in-turns", {
  definition: task("T", fn)
    .retry({ errors: ["States.ALL", "States.Timeout"] })
    .catch(["States.ALL"], fail("Any"))
    .catch(["States.Timeout"], fail("Slow")),
}).assemble();

describe("checkWorkflowInTurns", () => {
  test("finds what checkWorkflow finds, in the same order, with a turn before each rule", async () => {
    const text = "{}";
    let turns = 0;
    const found = await checkWorkflowInTurns(ir, text, async () => void turns++);
    expect(found.map((d) => d.code)).toEqual(["SW2006", "SW2006"]);
    expect(found).toEqual(checkWorkflow(ir, text));
    expect(turns).toBe(rules.length);
  });

  test("the rules wait for each turn: what the event loop holds meanwhile is taken up between them", async () => {
    const events: string[] = [];
    const turn = () => new Promise<void>((resolve) => setImmediate(() => (events.push("turn"), resolve())));
    const checking = checkWorkflowInTurns(ir, "{}", turn).then(() => events.push("checked"));
    setImmediate(() => events.push("answer"));
    await checking;
    expect(events.slice(0, 2)).toEqual(["turn", "answer"]);
    expect(events.at(-1)).toBe("checked");
  });
});
