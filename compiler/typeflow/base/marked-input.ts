import type { ts } from "ts-morph";
import { isMarker } from "./names.js";

/** What a step or chain needs as input: the parameter of its `[inType]` marker. */
export function inputOf(checker: ts.TypeChecker, type: ts.Type, at: ts.Node): ts.Type | undefined {
  const marker = type.getProperties().find((p) => isMarker(p, "inType"));
  if (!marker) return undefined;
  const [signature] = checker.getTypeOfSymbolAtLocation(marker, at).getCallSignatures();
  const [parameter] = signature?.getParameters() ?? [];
  return parameter ? checker.getTypeOfSymbolAtLocation(parameter, at) : undefined;
}

/** The members of a union or intersection, nested ones flattened; any other type alone. */
export function members(type: ts.Type): ts.Type[] {
  return type.isUnionOrIntersection() ? type.types.flatMap(members) : [type];
}
