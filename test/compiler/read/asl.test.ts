import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { emitAsl } from "../../../compiler/emit/asl/index.ts";
import { AslReadError, readAsl } from "../../../compiler/read/asl.ts";

const corpus = join(import.meta.dirname, "../../../../shared/corpus");

function definitions(folder: string): { file: string; text: string }[] {
  const root = join(corpus, folder);
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, d.name)).map((f) => ({ file: `${d.name}/${f}`, text: readFileSync(join(root, d.name, f), "utf8") })),
    );
}

/**
 * Definitions the IR does not hold, each with the reason. Anything else that fails to round-trip
 * is a gap in the IR (fix the IR, not this list).
 */
const cannotRoundTrip: Record<string, string> = {
  // CloudFormation intrinsics (Fn::GetAtt, Ref) as a Task Resource are CloudFormation, not ASL.
  "asl-validator/src____tests____definitions__valid-task-intrisic-function.json": "Resource must be a string",
  // "QueryLanguage" written inside States is not a state: AWS would reject this definition.
  "step-functions-workflows-collection/shared-fallback-state-jsonata__statemachine__statemachine.asl.json": "expected an object",
};

describe("the IR holds real ASL", () => {
  const valid = definitions("valid");

  test("the corpus is there", () => {
    expect(valid.length).toBeGreaterThan(300);
  });

  test.each(valid.map((d) => [d.file, d.text] as const))("%s reads into the IR and emits back as the same ASL", (file, text) => {
    const asl = JSON.parse(text);
    const reason = cannotRoundTrip[file];
    if (reason) {
      expect(() => readAsl(asl)).toThrow(AslReadError);
      expect(() => readAsl(asl)).toThrow(reason);
      return;
    }
    expect(emitAsl(readAsl(asl))).toEqual(asl);
  });

  test("a field the IR does not know is reported with its path", () => {
    const asl = { StartAt: "A", States: { A: { Type: "Pass", End: true, Bogus: 1 } } };
    expect(() => readAsl(asl)).toThrow('$.States["A"]: unknown field "Bogus"');
  });

  test("service integration ARNs keep their meaning", () => {
    const ir = readAsl({
      StartAt: "A",
      States: {
        A: { Type: "Task", Resource: "arn:aws:states:::states:startExecution.sync:2", Next: "B" },
        B: { Type: "Task", Resource: "arn:aws:states:::aws-sdk:s3:listObjectsV2.waitForTaskToken", End: true },
      },
    });
    expect(ir.states.map((s) => (s.kind === "Task" ? s.resource : undefined))).toEqual([
      { kind: "integration", sdk: false, service: "states", action: "startExecution", pattern: "sync:2" },
      { kind: "integration", sdk: true, service: "s3", action: "listObjectsV2", pattern: "waitForTaskToken" },
    ]);
  });
});
