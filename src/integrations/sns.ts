import { anyResource, defineIntegration, literalField, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

export const snsPublish = defineIntegration({
  helper: "sns.publish",
  service: "sns",
  action: "publish",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["Message", ["TopicArn", "TargetArn", "PhoneNumber"]],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html",
  iam: ({ request }) => {
    const topic = literalField(request, "TopicArn") ?? literalField(request, "TargetArn");
    return [
      topic
        ? { actions: ["sns:Publish"], resources: [topic] }
        : anyResource("no topic is named (a phone number, or chosen at run time)", "sns:Publish"),
    ];
  },
  localRun: "mock",
});

export interface PublishResult {
  MessageId: string;
  SequenceNumber?: string;
}

export interface PublishOptions {
  readonly Subject?: string;
  readonly MessageGroupId?: string;
  readonly MessageAttributes?: Readonly<Record<string, { DataType: string; StringValue?: string }>>;
}

export interface Publish<Message> extends Integration<Message, PublishResult> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<Message, CallbackOut>;
}

/** Amazon SNS. */
export const sns = {
  /**
   * Publishes the step's input (or what `.parameters` builds) as the message to `topicArn`.
   * @example task("Alert", sns.publish("arn:aws:sns:us-east-1:123456789012:alerts", { Subject: "Order failed" }))
   */
  publish<Message = unknown>(topicArn: string, options: PublishOptions = {}): Publish<Message> {
    const base = integration<Message, PublishResult>({
      resource: resourceOf(snsPublish),
      wrap: "Message",
      fixed: { TopicArn: topicArn, ...options },
      patterns: snsPublish.patterns,
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
