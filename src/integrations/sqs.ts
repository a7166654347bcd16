import { anyResource, defineIntegration, literalField, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

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
    return [arn ? { actions: ["sqs:SendMessage"], resources: [arn] } : anyResource("the queue is chosen at run time", "sqs:SendMessage")];
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

/** Amazon SQS. */
export const sqs = {
  /**
   * Sends the step's input (or what `.parameters` builds) as the message body to `queueUrl`.
   * @example task("Notify", sqs.sendMessage<Order>("https://sqs.us-east-1.amazonaws.com/123456789012/orders"))
   */
  sendMessage<Body = unknown>(queueUrl: string, options: SendMessageOptions = {}): SendMessage<Body> {
    const base = integration<Body, SendMessageResult>({
      resource: resourceOf(sqsSendMessage),
      wrap: "MessageBody",
      fixed: { QueueUrl: queueUrl, ...options },
      patterns: sqsSendMessage.patterns,
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
