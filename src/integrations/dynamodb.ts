import { anyResource, defineIntegration, type IntegrationDescriptor, literalField, resourceOf } from "./descriptor.js";
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

/** A DynamoDB item action: its one IAM action on the table. */
function itemAction<const Action extends "getItem" | "putItem" | "updateItem" | "deleteItem">(action: Action, required: readonly string[]) {
  const iamAction = `dynamodb:${action.charAt(0).toUpperCase()}${action.slice(1)}`;
  return defineIntegration({
    service: "dynamodb",
    action,
    patterns: ["requestResponse"],
    required: ["TableName", ...required],
    iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html",
    iam: ({ request, partition, region, account }) => {
      const table = literalField(request, "TableName");
      return [table ? { actions: [iamAction], resources: [`arn:${partition}:dynamodb:${region}:${account}:table/${table}`] } : anyResource("the table is chosen at run time", iamAction)];
    },
    localRun: "mock",
  });
}

export const dynamodbGetItem = itemAction("getItem", ["Key"]);
export const dynamodbPutItem = itemAction("putItem", ["Item"]);
export const dynamodbUpdateItem = itemAction("updateItem", ["Key"]);
export const dynamodbDeleteItem = itemAction("deleteItem", ["Key"]);

function call<Req, Res>(descriptor: IntegrationDescriptor, table: string): Integration<Req, Res, never> {
  return integration({ resource: resourceOf(descriptor), fixed: { TableName: table }, patterns: descriptor.patterns });
}

/**
 * Amazon DynamoDB items. The table is fixed; build the rest of the request with `.parameters`:
 * @example task("Load", dynamodb.getItem("Orders")).parameters<{ id: string }>($ => ({ Key: { id: { S: $.id } } }))
 */
export const dynamodb = {
  getItem: (table: string) => call<GetItemRequest, { Item?: AttributeMap }>(dynamodbGetItem, table),
  putItem: (table: string) => call<PutItemRequest, { Attributes?: AttributeMap }>(dynamodbPutItem, table),
  updateItem: (table: string) => call<UpdateItemRequest, { Attributes?: AttributeMap }>(dynamodbUpdateItem, table),
  deleteItem: (table: string) => call<DeleteItemRequest, { Attributes?: AttributeMap }>(dynamodbDeleteItem, table),
};
