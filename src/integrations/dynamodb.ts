import { integration, type Integration } from "./integration.js";

/** A DynamoDB attribute value, as the low-level API writes it. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: AttributeMap }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { B: string };
export type AttributeMap = { [name: string]: AttributeValue };

interface Expressions {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
}
type ReturnValues = "NONE" | "ALL_OLD" | "UPDATED_OLD" | "ALL_NEW" | "UPDATED_NEW";

export interface GetItemRequest {
  Key: AttributeMap;
  ProjectionExpression?: string;
  ConsistentRead?: boolean;
  ExpressionAttributeNames?: Record<string, string>;
}
export interface PutItemRequest extends Expressions {
  Item: AttributeMap;
  ReturnValues?: ReturnValues;
}
export interface UpdateItemRequest extends Expressions {
  Key: AttributeMap;
  UpdateExpression: string;
  ReturnValues?: ReturnValues;
}
export interface DeleteItemRequest extends Expressions {
  Key: AttributeMap;
  ReturnValues?: ReturnValues;
}

function call<Req, Res>(action: string, table: string): Integration<Req, Res, never> {
  return integration({
    resource: { kind: "integration", service: "dynamodb", action, pattern: "requestResponse", sdk: false },
    fixed: { TableName: table },
    patterns: ["requestResponse"],
  });
}

/**
 * Amazon DynamoDB items. The table is fixed; build the rest of the request with `.parameters`:
 * @example task("Load", dynamodb.getItem("Orders")).parameters<{ id: string }>($ => ({ Key: { id: { S: $.id } } }))
 */
export const dynamodb = {
  getItem: (table: string) => call<GetItemRequest, { Item?: AttributeMap }>("getItem", table),
  putItem: (table: string) => call<PutItemRequest, { Attributes?: AttributeMap }>("putItem", table),
  updateItem: (table: string) => call<UpdateItemRequest, { Attributes?: AttributeMap }>("updateItem", table),
  deleteItem: (table: string) => call<DeleteItemRequest, { Attributes?: AttributeMap }>("deleteItem", table),
};
