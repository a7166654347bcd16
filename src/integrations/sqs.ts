import { integration, type Integration, withPattern } from "./integration.js";

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
   * @example task("Notify", sqs.sendMessage<OrderEvent>("https://sqs.us-east-1.amazonaws.com/123456789012/orders"))
   */
  sendMessage<Body = unknown>(queueUrl: string, options: SendMessageOptions = {}): SendMessage<Body> {
    const base = integration<Body, SendMessageResult>({
      resource: { kind: "integration", service: "sqs", action: "sendMessage", pattern: "requestResponse", sdk: false },
      wrap: "MessageBody",
      fixed: { QueueUrl: queueUrl, ...options },
      patterns: ["requestResponse", "waitForTaskToken"],
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
