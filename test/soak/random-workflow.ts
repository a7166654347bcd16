/**
 * Random workflows written through the public DSL, as a user would: every state kind, Parallel and
 * Map nested in each other, retriers and catchers, and hostile text (quotes, backslashes, `${`,
 * `%{`, newlines, control characters, emoji, right-to-left text) in state names, comments and
 * payloads. Used by the quick soak in `npm test` and by `npm run soak`.
 */
import fc from "fast-check";
import { choice, fail, lambda, map, parallel, pass, succeed, task, wait, workflow, type Workflow } from "stepwright";

/** Text meant to break escaping: Terraform's `${` and `%{`, JSON's quotes and backslashes, control characters. */
export const hostile = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        "${",
        "%{",
        "$${",
        "%%{",
        "}",
        '"',
        "\\",
        "\n",
        "\r",
        "\t",
        "\u0000",
        "\u2028",
        "é",
        "😀",
        "שלום",
        "<b>",
        "&amp;",
        "*",
        "?",
        " ",
      ),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(""))
  .filter((text) => text === text.normalize("NFC"));

/** The shape of a chain of steps, drawn first; the DSL builds it after. */
type StepSpec =
  | { kind: "pass"; comment: string; key: string; value: string }
  | { kind: "wait"; seconds: number }
  | { kind: "task"; retry: boolean; catchTo: string | undefined; resultPath: boolean }
  | { kind: "choice"; threshold: number; then: StepSpec[]; otherwise: StepSpec[] }
  | { kind: "parallel"; branches: StepSpec[][] }
  | { kind: "map"; body: StepSpec[]; maxConcurrency: number };

const leaf: fc.Arbitrary<StepSpec> = fc.oneof(
  fc.record({ kind: fc.constant("pass" as const), comment: hostile, key: hostile.filter((k) => !k.endsWith(".$")), value: hostile }),
  fc.record({ kind: fc.constant("wait" as const), seconds: fc.integer({ min: 0, max: 600 }) }),
  fc.record({
    kind: fc.constant("task" as const),
    retry: fc.boolean(),
    catchTo: fc.option(hostile, { nil: undefined }),
    resultPath: fc.boolean(),
  }),
);

const { chain } = fc.letrec<{ chain: StepSpec[]; step: StepSpec }>((tie) => ({
  chain: fc.array(tie("step"), { minLength: 1, maxLength: 4 }),
  step: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.record({
      kind: fc.constant("choice" as const),
      threshold: fc.integer({ min: -5, max: 5 }),
      then: tie("chain"),
      otherwise: tie("chain"),
    }),
    fc.record({ kind: fc.constant("parallel" as const), branches: fc.array(tie("chain"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant("map" as const), body: tie("chain"), maxConcurrency: fc.integer({ min: 0, max: 40 }) }),
  ),
}));

export interface WorkflowSpec {
  readonly comment: string;
  readonly steps: StepSpec[];
  readonly ending: "succeed" | "fail" | "open";
  readonly failCause: string;
}

export const workflowSpec: fc.Arbitrary<WorkflowSpec> = fc.record({
  comment: hostile,
  steps: chain,
  ending: fc.constantFrom("succeed" as const, "fail" as const, "open" as const),
  failCause: hostile,
});

const fn = "arn:aws:lambda:us-east-1:123456789012:function:soak";

/** Builds the spec with the DSL. State names are numbered (unique) and carry hostile text, within 80 characters. */
export function buildWorkflow(name: string, spec: WorkflowSpec): Workflow<unknown, unknown> {
  let counter = 0;
  // Names a user can deploy: no control characters (SW2002), at most 80 characters.
  const stateName = (label: string, text = "") =>
    [...`${label}${counter++} ${text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/gu, "")}`].slice(0, 80).join("").normalize("NFC");
  const steps = (specs: readonly StepSpec[]): any => specs.map(stepOf).reduce((a: any, b: any) => a.next(b));
  const stepOf = (s: StepSpec): any => {
    switch (s.kind) {
      case "pass":
        return pass(stateName("P", s.value), { result: { [s.key]: s.value, list: [s.value, s.comment] } }).comment(s.comment);
      case "wait":
        return wait(stateName("W"), { seconds: s.seconds });
      case "task": {
        let t: any = task(stateName("T"), lambda(fn));
        if (s.resultPath) t = t.resultPath("$.result");
        if (s.retry) t = t.retry({ errors: ["States.Timeout"], maxAttempts: 2, intervalSeconds: 1, backoffRate: 2 });
        if (s.catchTo !== undefined)
          t = t.catch(["States.ALL"], fail(stateName("Caught", s.catchTo), { error: "Caught", cause: s.catchTo }), {
            resultPath: "$.error",
          });
        return t;
      }
      case "choice":
        return choice(stateName("C"))
          .when(($: any) => $.n.gt(s.threshold), steps(s.then))
          .otherwise(steps(s.otherwise));
      case "parallel":
        return parallel(
          stateName("Par"),
          s.branches.map((b) => steps(b)),
        );
      case "map":
        return map(stateName("Map"), { items: "$.items", maxConcurrency: s.maxConcurrency }).process(steps(s.body));
    }
  };
  let definition = steps(spec.steps);
  // A Choice's open branches join what follows it; Succeed and Fail end the workflow.
  if (spec.ending === "succeed") definition = definition.next(succeed(stateName("Done")));
  if (spec.ending === "fail") definition = definition.next(fail(stateName("Failed"), { error: "Soak", cause: spec.failCause }));
  return workflow(name, { comment: spec.comment, definition });
}
