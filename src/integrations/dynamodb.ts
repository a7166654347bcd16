import { defineIntegration, iamActionOf, type IntegrationDescriptor, literalField, onResource, resourceOf } from "./descriptor.js";
import { integration, type Integration, resultFields } from "./integration.js";

/** A DynamoDB attribute value, as the low-level API writes it: one of these kinds. */
export type AttributeValue =
  | { S: string }
  | { N: string }
  | { BOOL: boolean }
  | { NULL: true }
  | { M: AttributeMap }
  | { L: AttributeValue[] }
  | { SS: string[] }
  | { NS: string[] }
  | { BS: string[] }
  | { B: string };
export type AttributeMap = { [name: string]: AttributeValue };

/**
 * An attribute value as DynamoDB returns it: exactly one kind is present, so each may be read
 * (`$.Item.status.S`) and is `undefined` when the attribute is of another kind.
 */
export interface ReturnedAttribute {
  S?: string;
  N?: string;
  BOOL?: boolean;
  NULL?: boolean;
  M?: ReturnedItem;
  L?: ReturnedAttribute[];
  SS?: string[];
  NS?: string[];
  BS?: string[];
  B?: string;
}
export type ReturnedItem = { [name: string]: ReturnedAttribute };

type ReturnConsumedCapacity = "INDEXES" | "TOTAL" | "NONE";
interface Expressions {
  ConditionExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  ReturnItemCollectionMetrics?: "SIZE" | "NONE";
  ReturnValuesOnConditionCheckFailure?: "ALL_OLD" | "NONE";
  /** Legacy (before condition expressions): `Expected` and `ConditionalOperator`. */
  Expected?: Record<string, unknown>;
  ConditionalOperator?: "AND" | "OR";
}
type ReturnValues = "NONE" | "ALL_OLD" | "UPDATED_OLD" | "ALL_NEW" | "UPDATED_NEW";

export interface GetItemRequest {
  Key: AttributeMap;
  ProjectionExpression?: string;
  ConsistentRead?: boolean;
  ExpressionAttributeNames?: Record<string, string>;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
  /** Legacy (before projection expressions). */
  AttributesToGet?: string[];
}
export interface PutItemRequest extends Expressions {
  Item: AttributeMap;
  ReturnValues?: "NONE" | "ALL_OLD";
}
export interface UpdateItemRequest extends Expressions {
  Key: AttributeMap;
  UpdateExpression?: string;
  ReturnValues?: ReturnValues;
  /** Legacy (before update expressions). */
  AttributeUpdates?: Record<string, unknown>;
}
export interface DeleteItemRequest extends Expressions {
  Key: AttributeMap;
  ReturnValues?: "NONE" | "ALL_OLD";
}

/** What Step Functions adds to every DynamoDB result: the HTTP response's metadata. */
export interface SdkMetadata {
  SdkHttpMetadata?: { HttpStatusCode: number; HttpHeaders?: Record<string, string>; AllHttpHeaders?: Record<string, string[]> };
  SdkResponseMetadata?: { RequestId: string };
}
export interface ConsumedCapacity {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}
/** What getItem returns; `Item` is the item's attributes as declared (`dynamodb.getItem<Order>(...)`), any by default. */
export interface GetItemResult<Item = ReturnedItem> extends SdkMetadata {
  /** Absent when no item has the key. */
  Item?: Item;
  ConsumedCapacity?: ConsumedCapacity;
}
/** What getItem returns where the call assumes the item is found (`{ assumeFound: true }`): `Item` is there. */
export interface FoundItemResult<Item = ReturnedItem> extends GetItemResult<Item> {
  Item: Item;
}
/** What putItem, updateItem and deleteItem return: the attributes ReturnValues asks for (as declared, any by default). */
export interface WriteItemResult<Attributes = ReturnedItem> extends SdkMetadata {
  Attributes?: Attributes;
  ConsumedCapacity?: ConsumedCapacity;
  ItemCollectionMetrics?: { ItemCollectionKey?: ReturnedItem; SizeEstimateRangeGB?: number[] };
}

/**
 * A DynamoDB action's one IAM action on the table the request names, and on its index where it
 * names one (Query and Scan; the item actions take no index).
 */
function onTable(iamAction: string): IntegrationDescriptor["iam"] {
  return ({ request, partition, region, account }) => {
    const table = literalField(request, "TableName");
    const index = literalField(request, "IndexName");
    const arn = table && `arn:${partition}:dynamodb:${region}:${account}:table/${table}`;
    return [onResource(arn && (index ? `${arn}/index/${index}` : arn), "the table is chosen at run time", iamAction)];
  };
}

/** A DynamoDB item action, optimized by Step Functions. */
function itemAction<const Action extends "getItem" | "putItem" | "updateItem" | "deleteItem">(
  action: Action,
  required: readonly string[],
  resultMayLack?: Record<string, string>,
) {
  return defineIntegration({
    helper: `dynamodb.${action}`,
    service: "dynamodb",
    action,
    patterns: ["requestResponse"],
    required: ["TableName", ...required],
    iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-ddb.html",
    iam: onTable(iamActionOf("dynamodb", action)),
    localRun: "mock",
    ...(resultMayLack ? { resultMayLack } : {}),
  });
}

// https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html: with no matching item, the response has no Item.
export const dynamodbGetItem = itemAction("getItem", ["Key"], { Item: "when no item has the key" });
export const dynamodbPutItem = itemAction("putItem", ["Item"]);
export const dynamodbUpdateItem = itemAction("updateItem", ["Key"]);
export const dynamodbDeleteItem = itemAction("deleteItem", ["Key"]);

/**
 * Query and Scan, through the AWS SDK integration (Step Functions optimizes the item actions only)
 * (https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html).
 */
function readAction<const Action extends "query" | "scan">(action: Action) {
  return defineIntegration({
    helper: `dynamodb.${action}`,
    sdk: true,
    service: "dynamodb",
    action,
    patterns: ["requestResponse"],
    required: ["TableName"],
    iamDocs: "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/api-permissions-reference.html",
    iam: onTable(iamActionOf("dynamodb", action)),
    localRun: "mock",
  });
}

export const dynamodbQuery = readAction("query");
export const dynamodbScan = readAction("scan");

/** What Query and Scan share (https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Query.html). */
interface ReadRequest {
  IndexName?: string;
  Select?: "ALL_ATTRIBUTES" | "ALL_PROJECTED_ATTRIBUTES" | "SPECIFIC_ATTRIBUTES" | "COUNT";
  Limit?: number;
  ConsistentRead?: boolean;
  ExclusiveStartKey?: AttributeMap;
  ProjectionExpression?: string;
  FilterExpression?: string;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: AttributeMap;
  ReturnConsumedCapacity?: ReturnConsumedCapacity;
}
export interface QueryRequest extends ReadRequest {
  KeyConditionExpression?: string;
  ScanIndexForward?: boolean;
}
export interface ScanRequest extends ReadRequest {
  Segment?: number;
  TotalSegments?: number;
}
/** What Query and Scan return: the items (as declared, any by default), their count, where to go on. */
export interface ReadResult<Item = ReturnedItem> {
  Items: Item[];
  Count: number;
  ScannedCount: number;
  LastEvaluatedKey?: ReturnedItem;
  ConsumedCapacity?: ConsumedCapacity;
}

function call<Req, Res>(descriptor: IntegrationDescriptor, table: string, assumed?: readonly string[]): Integration<Req, Res, never> {
  return integration({
    resource: resourceOf(descriptor),
    fixed: { TableName: table },
    patterns: descriptor.patterns,
    ...(assumed ? { assumed } : {}),
  });
}

/** How getItem is called: `assumeFound` where the workflow counts on the item being there (its result's `Item` is then typed as present, and SW2020 warns). */
export interface GetItemOptions {
  /** The item is assumed found: where no item has the key, a step reading `Item` fails with States.Runtime. */
  readonly assumeFound?: boolean;
}

/**
 * Reads an item by its key (`.parameters` builds the Key).
 * @example task("Load", dynamodb.getItem<{ status: { S: string } }>("Orders")).parameters(($: Ref<Order>) => ({ Key: { id: { S: $.orderId } } }))
 */
function getItem<Item = ReturnedItem>(
  table: string,
  options: GetItemOptions & { readonly assumeFound: true },
): Integration<GetItemRequest, FoundItemResult<Item>, never>;
function getItem<Item = ReturnedItem>(table: string, options?: GetItemOptions): Integration<GetItemRequest, GetItemResult<Item>, never>;
function getItem(table: string, options: GetItemOptions = {}): Integration<GetItemRequest, unknown, never> {
  return call(dynamodbGetItem, table, options.assumeFound ? ["Item"] : undefined);
}

/**
 * Amazon DynamoDB items. The table is fixed; build the rest of the request with `.parameters`. The
 * item's attributes, as the result gives them, may be declared (any attribute by default):
 * getItem's `Item` is optional, as DynamoDB leaves it out when no item has the key: test it with a
 * Choice, or call `getItem(table, { assumeFound: true })` to count on it (and be warned, SW2020).
 */
export const dynamodb = {
  getItem,
  /**
   * @example task("Save", dynamodb.putItem("Orders")).parameters(($: Ref<Order>) => ({ Item: { id: { S: $.orderId }, email: { S: $.email } } }))
   */
  putItem: <Attributes = ReturnedItem>(table: string) => call<PutItemRequest, WriteItemResult<Attributes>>(dynamodbPutItem, table),
  /**
   * @example task("MarkPaid", dynamodb.updateItem("Orders")).parameters(($: Ref<Order>) => ({ Key: { id: { S: $.orderId } }, UpdateExpression: "SET paid = :t", ExpressionAttributeValues: { ":t": { BOOL: true } } }))
   */
  updateItem: <Attributes = ReturnedItem>(table: string) => call<UpdateItemRequest, WriteItemResult<Attributes>>(dynamodbUpdateItem, table),
  /**
   * @example task("Forget", dynamodb.deleteItem("Orders")).parameters(($: Ref<Order>) => ({ Key: { id: { S: $.orderId } } }))
   */
  deleteItem: <Attributes = ReturnedItem>(table: string) => call<DeleteItemRequest, WriteItemResult<Attributes>>(dynamodbDeleteItem, table),
  /**
   * Queries a table or index (AWS SDK integration); the items as declared.
   * @example task("Recent", dynamodb.query("Orders")).parameters<Order>(($) => ({ KeyConditionExpression: "customer = :c", ExpressionAttributeValues: { ":c": { S: $.customer.id } } }))
   */
  query: <Item = ReturnedItem>(table: string, request: QueryRequest = {}) =>
    integration<QueryRequest, ReadResult<Item>, unknown>({
      resource: resourceOf(dynamodbQuery),
      fixed: { TableName: table, ...request },
      patterns: dynamodbQuery.patterns,
    }),
  /**
   * Scans a table or index (AWS SDK integration); the items as declared.
   * @example task("All", dynamodb.scan("Orders", { Limit: 100 }))
   */
  scan: <Item = ReturnedItem>(table: string, request: ScanRequest = {}) =>
    integration<ScanRequest, ReadResult<Item>, unknown>({
      resource: resourceOf(dynamodbScan),
      fixed: { TableName: table, ...request },
      patterns: dynamodbScan.patterns,
    }),
};

/** The fields of each result, for `stepwright import` (the item or attributes typed from what a definition reads of them). */
export const dynamodbResultFields = {
  getItem: resultFields<GetItemResult>()(["Item", "ConsumedCapacity", "SdkHttpMetadata", "SdkResponseMetadata"]),
  write: resultFields<WriteItemResult>()([
    "Attributes",
    "ConsumedCapacity",
    "ItemCollectionMetrics",
    "SdkHttpMetadata",
    "SdkResponseMetadata",
  ]),
};
