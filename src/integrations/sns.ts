import { defineIntegration, literalField, onResource } from "./descriptor.js";
import { type Integration, requestOrShorthand, withPattern } from "./integration.js";

export const snsPublish = defineIntegration({
  helper: "sns.publish",
  service: "sns",
  action: "publish",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["Message", ["TopicArn", "TargetArn", "PhoneNumber"]],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-sns.html",
  iam: ({ request }) => {
    const topic = literalField(request, "TopicArn") ?? literalField(request, "TargetArn");
    return [onResource(topic, "no topic is named (a phone number, or chosen at run time)", "sns:Publish")];
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

/**
 * The Publish request, in the SNS API's own field names and types
 * (https://docs.aws.amazon.com/sns/latest/api/API_Publish.html). One of TopicArn, TargetArn or
 * PhoneNumber names where it goes. Step Functions sends a JSON Message as its text.
 */
export interface PublishRequest {
  readonly TopicArn?: string;
  readonly TargetArn?: string;
  readonly PhoneNumber?: string;
  readonly Message: string | Readonly<Record<string, unknown>>;
  readonly Subject?: string;
  /** `"json"`: Message holds one message per protocol. */
  readonly MessageStructure?: "json";
  readonly MessageAttributes?: Readonly<
    Record<string, { readonly DataType: string; readonly StringValue?: string; readonly BinaryValue?: string }>
  >;
  readonly MessageDeduplicationId?: string;
  readonly MessageGroupId?: string;
}

/** sns.publish with the request as AWS takes it: the fields given, and what `.parameters`/`.arguments` builds. */
export interface PublishAws extends Integration<Partial<PublishRequest>, PublishResult, unknown> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<PublishRequest>, CallbackOut, unknown>;
}

function publish<Message = unknown>(topicArn: string, options?: PublishOptions): Publish<Message>;
function publish(request: Partial<PublishRequest>): PublishAws;
function publish(first: string | Partial<PublishRequest>, options: PublishOptions = {}): Publish<unknown> | PublishAws {
  const base = requestOrShorthand<PublishRequest, PublishResult>(snsPublish, first, { field: "TopicArn", wrap: "Message", options });
  return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
}

/** Amazon SNS. */
export const sns = {
  /**
   * Publishes to SNS. Given the Publish request as AWS takes it (an object), the Task sends those
   * fields, with what `.parameters`/`.arguments` builds, typed by the request. Given a topic ARN (a
   * string, the shorthand), the step's input (or what `.parameters` builds) is the Message.
   * @example task("Alert", sns.publish({ TopicArn: "arn:aws:sns:us-east-1:123456789012:alerts", Subject: "Order failed", Message: "check the dashboard" }))
   */
  publish,
};
