import { describe, expect, test } from "vitest";
import { dynamodb, lambda, type Ref, sns, sqs, task, workflow } from "stepwright";
import { integrationParameters } from "../../../compiler/rules/integration-parameters.ts";
import { expectFixture, findings } from "../../support/compile.ts";

describe("SW2014 integration-parameters", () => {
  test("sqs:sendMessage without a queue URL (an unset environment variable at build time)", async () => {
    await expectFixture("rules/integration-parameters.ts", {
      code: "SW2014",
      line: 5,
      column: 15,
      steps: ["Notify"],
      message: 'Step "Notify" calls sqs:sendMessage without QueueUrl, which AWS requires.',
    });
  });

  test("sns:publish needs a Message and one of TopicArn, TargetArn, PhoneNumber", () => {
    const wf = workflow("w", { definition: task("Tell", sns.publish("" as string)) });
    expect(findings(integrationParameters, wf)).toEqual([
      'Step "Tell" calls sns:publish without TopicArn or TargetArn or PhoneNumber, which AWS requires.',
    ]);
  });

  test("dynamodb:getItem without a Key", () => {
    expect(
      findings(integrationParameters, workflow("w", { definition: task("Get", dynamodb.getItem("orders")) as never }) as never),
    ).toEqual(['Step "Get" calls dynamodb:getItem without Key, which AWS requires.']);
  });

  test("integrations built with their required fields are fine", () => {
    const wf = workflow("ok", {
      definition: task("Call", lambda.invoke<{ id: string }, unknown>("fn"))
        .resultPath(null)
        .next(task("Queue", sqs.sendMessage<{ id: string }>("https://sqs.us-east-1.amazonaws.com/123456789012/q")).resultPath(null))
        .next(task("Tell", sns.publish("arn:aws:sns:us-east-1:123456789012:t")).resultPath(null))
        .next(task("Get", dynamodb.getItem("orders")).parameters(($: Ref<{ id: string }>) => ({ Key: { id: { S: $.id } } }))),
    });
    expect(findings(integrationParameters, wf)).toEqual([]);
  });
});
