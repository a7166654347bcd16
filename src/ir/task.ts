import type { JsonObject, JsonValue } from "./json.js";
import type { ResourceNode } from "./resource.js";
import type { ErrorHandling, OutputTemplate, PathFiltering, ResultHandling, StateBase, Transition } from "./state-base.js";

/** A Task state: runs an integration, an activity or a Lambda function. */
export interface TaskNode extends StateBase, Transition, PathFiltering, OutputTemplate, ResultHandling, ErrorHandling {
  readonly kind: "Task";
  readonly resource: ResourceNode;
  readonly parameters?: JsonValue;
  readonly arguments?: JsonValue;
  /** A number, or a JSONata `{% %}` expression. */
  readonly timeoutSeconds?: number | string;
  readonly timeoutSecondsPath?: string;
  readonly heartbeatSeconds?: number | string;
  readonly heartbeatSecondsPath?: string;
  readonly credentials?: CredentialsNode;
  /** Not ASL: result fields the integration's call assumes are there, though AWS may leave them out (`dynamodb.getItem(table, { assumeFound: true })`). */
  readonly assumed?: readonly string[];
  /**
   * Not ASL: the request field the step's payload goes into (`Payload` for lambda.invoke's
   * shorthand, `MessageBody`, ...); absent where the request is written whole, as AWS takes it.
   */
  readonly payloadField?: string;
}

/** The role a Task assumes to call its integration (ASL `Credentials`). */
export interface CredentialsNode {
  /** The role's ARN, or a JSONata `{% %}` expression. */
  readonly roleArn?: string;
  /** JSONPath: where the input holds the role's ARN (`RoleArn.$`). */
  readonly roleArnPath?: string;
  /** Fields ASL does not define, kept as others' definitions write them. */
  readonly unknownFields?: JsonObject;
}
