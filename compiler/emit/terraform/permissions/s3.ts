import { anyResource, type IamStatement, literalField } from "../../../../src/integrations/descriptor.js";
import type { ItemReaderNode, MapNode, ResultWriterNode } from "../../../../src/ir/map.js";
import type { ArnScope } from "./scope.js";

// AWS: https://docs.aws.amazon.com/step-functions/latest/dg/iam-policies-eg-dist-map.html
const bucketArn = (scope: ArnScope, bucket: string) => `arn:${scope.partition}:s3:::${bucket}`;
const request = (node: ItemReaderNode | ResultWriterNode) => node.parameters ?? node.arguments;

/** Where an ItemReader reads: the object (getObject), or the bucket's listing and its objects under the prefix (listObjectsV2). */
export function itemReaderStatements(reader: ItemReaderNode, scope: ArnScope): readonly IamStatement[] {
  if (reader.resource.kind !== "integration" || reader.resource.service !== "s3") return [];
  const bucket = literalField(request(reader), "Bucket");
  if (reader.resource.action === "listObjectsV2") {
    if (!bucket) return [anyResource("the bucket is chosen at run time", "s3:ListBucket", "s3:GetObject")];
    const prefix = literalField(request(reader), "Prefix") ?? "";
    return [
      { actions: ["s3:ListBucket"], resources: [bucketArn(scope, bucket)] },
      { actions: ["s3:GetObject"], resources: [`${bucketArn(scope, bucket)}/${prefix}*`] },
    ];
  }
  const key = literalField(request(reader), "Key");
  if (!bucket || !key) return [anyResource("the object is chosen at run time", "s3:GetObject")];
  return [{ actions: ["s3:GetObject"], resources: [`${bucketArn(scope, bucket)}/${key}`] }];
}

/** Where a ResultWriter writes its results: objects under the prefix, in multipart uploads. */
export function resultWriterStatements(writer: ResultWriterNode, scope: ArnScope): readonly IamStatement[] {
  if (!writer.resource) return [];
  const actions = ["s3:PutObject", "s3:GetObject", "s3:ListMultipartUploadParts", "s3:AbortMultipartUpload"];
  const bucket = literalField(request(writer), "Bucket");
  if (!bucket) return [anyResource("the bucket is chosen at run time", ...actions)];
  const prefix = literalField(request(writer), "Prefix");
  return [{ actions, resources: [`${bucketArn(scope, bucket)}/${prefix ? `${prefix.replace(/\/$/, "")}/` : ""}*`] }];
}

export function mapS3Statements(map: MapNode, scope: ArnScope): readonly IamStatement[] {
  return [
    ...(map.itemReader ? itemReaderStatements(map.itemReader, scope) : []),
    ...(map.resultWriter ? resultWriterStatements(map.resultWriter, scope) : []),
  ];
}
