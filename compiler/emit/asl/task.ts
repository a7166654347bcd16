import type { TaskNode } from "../../../src/ir/index.js";
import { copyFields, credentialsFields, openObjectToAsl, taskFields } from "../../asl/fields.js";
import { emitState } from "./common.js";
import type { AslEmitOptions, AslObject } from "./context.js";
import { resourceArn, withTarget } from "./resource.js";

export function emitTask(node: TaskNode, options: AslEmitOptions): AslObject {
  const out = emitState(node, [], (o) => {
    o.Resource = resourceArn(node.resource, options);
    // The integration's target goes into whichever request field the query language uses.
    const requestField = node.arguments !== undefined || node.queryLanguage === "JSONata" ? "arguments" : "parameters";
    const request = withTarget(node.resource, node[requestField], options);
    for (const [ir, asl] of [
      ["parameters", "Parameters"],
      ["arguments", "Arguments"],
    ] as const) {
      const value = ir === requestField ? request : node[ir];
      if (value !== undefined) o[asl] = value;
    }
    if (node.credentials) o.Credentials = openObjectToAsl(node.credentials, credentialsFields);
    copyFields(
      node,
      o,
      taskFields.filter(([ir]) => ir !== "parameters" && ir !== "arguments"),
      "toAsl",
    );
  });
  return out;
}
