import { defineIntegration, literalField, onResource } from "./descriptor.js";
import { type Integration, requestOrShorthand, withPattern } from "./integration.js";

/** `https://sqs.us-east-1.amazonaws.com/123456789012/orders` → its queue ARN. */
function queueArn(url: string, partition: string): string | undefined {
  const match = /^https:\/\/sqs\.([a-z0-9-]+)\.amazonaws\.com(?:\.cn)?\/(\d{12})\/([^/?#]+)$/.exec(url);
  return match ? `arn:${partition}:sqs:${match[1]}:${match[2]}:${match[3]}` : undefined;
}

export const sqsSendMessage = defineIntegration({
  helper: "sqs.sendMessage",
  service: "sqs",
  action: "sendMessage",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["QueueUrl", "MessageBody"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-sqs.html",
  iam: ({ request, partition }) => {
    const url = literalField(request, "QueueUrl");
    const arn = url ? queueArn(url, partition) : undefined;
    return [onResource(arn, "the queue is chosen at run time", "sqs:SendMessage")];
  },
  localRun: "mock",
});

export interface SendMessageResult {
  MessageId: string;
  MD5OfMessageBody: string;
  SequenceNumber?: string;
}

/** Request fields besides the body, as the SQS API names them. */
export interface SendMessageOptions {
  readonly DelaySeconds?: number;
  readonly MessageGroupId?: string;
  readonly MessageDeduplicationId?: string;
  readonly MessageAttributes?: Readonly<Record<string, { DataType: string; StringValue?: string }>>;
}

export interface SendMessage<Body> extends Integration<Body, SendMessageResult> {
  /** Waits until a consumer returns the task token (put `$$.Task.Token` in the body). */
  waitForTaskToken<CallbackOut = unknown>(): Integration<Body, CallbackOut>;
}

/**
 * The SendMessage request, in the SQS API's own field names and types
 * (https://docs.aws.amazon.com/AWSSimpleQueueService/latest/APIReference/API_SendMessage.html).
 * Step Functions sends a JSON MessageBody as its text.
 */
export interface SendMessageRequest extends SendMessageOptions {
  readonly QueueUrl: string;
  readonly MessageBody: string | Readonly<Record<string, unknown>>;
  readonly MessageSystemAttributes?: Readonly<
    Record<string, { readonly DataType: string; readonly StringValue?: string; readonly BinaryValue?: string }>
  >;
}

/** sqs.sendMessage with the request as AWS takes it: the fields given, and what `.parameters`/`.arguments` builds. */
export interface SendMessageAws extends Integration<Partial<SendMessageRequest>, SendMessageResult, unknown> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<Partial<SendMessageRequest>, CallbackOut, unknown>;
}

function sendMessage<Body = unknown>(queueUrl: string, options?: SendMessageOptions): SendMessage<Body>;
function sendMessage(request: Partial<SendMessageRequest>): SendMessageAws;
function sendMessage(first: string | Partial<SendMessageRequest>, options: SendMessageOptions = {}): SendMessage<unknown> | SendMessageAws {
  const base = requestOrShorthand<SendMessageRequest, SendMessageResult>(sqsSendMessage, first, {
    field: "QueueUrl",
    wrap: "MessageBody",
    options,
  });
  return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
}

/** Amazon SQS. */
export const sqs = {
  /**
   * Sends a message to SQS. Given the SendMessage request as AWS takes it (an object), the Task
   * sends those fields, with what `.parameters`/`.arguments` builds, typed by the request. Given a
   * queue URL (a string, the shorthand), the step's input (or what `.parameters` builds) is the
   * MessageBody.
   * @example task("Notify", sqs.sendMessage({ QueueUrl: "https://sqs.us-east-1.amazonaws.com/123456789012/orders" })).parameters<Order>(($) => ({ MessageBody: $.orderId }))
   */
  sendMessage,
};
