import { integration, type Integration, withPattern } from "./integration.js";

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
      resource: { kind: "integration", service: "sns", action: "publish", pattern: "requestResponse", sdk: false },
      wrap: "Message",
      fixed: { TopicArn: topicArn, ...options },
      patterns: ["requestResponse", "waitForTaskToken"],
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
