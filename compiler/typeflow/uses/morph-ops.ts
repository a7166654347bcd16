import { type Project, ts } from "ts-morph";
import type { SourceSpan } from "../../../src/ir/source.js";
import { inputOf, members } from "../base/marked-input.js";
import { isMarker } from "../base/names.js";
import type { Kind, TypeOps } from "./types.js";

/** The read checks' questions, answered by the JavaScript checker (ts-morph's TypeScript). */
export function morphOps(project: Project): TypeOps<ts.Type> {
  const checker = project.getProgram().compilerObject.getTypeChecker();
  const kindOf = (type: ts.Type): Kind => {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) return "open";
    if (f & ts.TypeFlags.StringLike) return "string";
    if (f & ts.TypeFlags.NumberLike) return "number";
    if (f & ts.TypeFlags.BooleanLike) return "boolean";
    if (checker.isArrayType(type) || checker.isTupleType(type)) return "array";
    return f & (ts.TypeFlags.Object | ts.TypeFlags.Intersection | ts.TypeFlags.NonPrimitive) ? "object" : "other";
  };
  let location: ts.Node | undefined;
  /** The node at a 1-based line and column of a file. */
  const nodeAt = (site: SourceSpan): ts.Node | undefined => {
    const source = project.getSourceFile(site.file);
    if (!source) return undefined;
    return source.getDescendantAtPos(source.compilerNode.getPositionOfLineAndCharacter(site.line - 1, site.column - 1))?.compilerNode;
  };
  /** The call whose callee's name is written at `site` (a factory call: `task(`, `workflow(`). */
  const callAt = (site: SourceSpan): ts.CallExpression | undefined => {
    const call = nodeAt(site)?.parent;
    return call && ts.isCallExpression(call) ? call : undefined;
  };
  const property = (type: ts.Type, prefix: string) => type.getProperties().find((p) => p.getName().startsWith(prefix));
  /** The call signature of the Task made at `site`'s integration (`[taskIo]`: `(request: Req) => Res`). */
  const taskCall = (site: SourceSpan): { call: ts.CallExpression; signature: ts.Signature } | undefined => {
    const call = callAt(site);
    const io = call && property(checker.getTypeAtLocation(call), "__@taskIoKey@");
    const [signature] = io ? checker.getTypeOfSymbolAtLocation(io, call!).getCallSignatures() : [];
    return signature && { call: call!, signature };
  };
  const flowingAt = (site: SourceSpan): ts.Type | undefined => {
    const name = nodeAt(site);
    if (!name || !ts.isIdentifier(name) || !name.parent || !ts.isPropertyAccessExpression(name.parent)) return undefined;
    location = name;
    // The last marked member of the step parameter: `N & Chainable<Item, ...>` marks both the
    // argument's own input and the one the API hands it; the API's comes last.
    // `.catch<P>(errors, handler, { resultPath })`: what the handler gets depends on P, known only at the call.
    const call = name.parent.parent;
    const [signature] =
      name.text === "catch" && ts.isCallExpression(call)
        ? [checker.getResolvedSignature(call)]
        : checker.getTypeAtLocation(name.parent).getCallSignatures();
    for (const parameter of signature?.getParameters() ?? []) {
      const inputs = members(checker.getTypeOfSymbolAtLocation(parameter, name)).flatMap((m) => inputOf(checker, m, name) ?? []);
      if (inputs.length > 0) return inputs.at(-1);
    }
    return undefined;
  };
  return {
    async flowingAt(sites) {
      return sites.map(flowingAt);
    },
    open(type) {
      return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.TypeParameter)) !== 0;
    },
    async kinds(type) {
      const parts = type.isUnion() ? type.types : [type];
      return new Set(parts.filter((t) => !(t.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))).map(kindOf));
    },
    async field(type, name) {
      const value = checker.getNonNullableType(type);
      const property = checker.getPropertyOfType(value, name);
      if (property) {
        const type = location ? checker.getTypeOfSymbolAtLocation(property, location) : checker.getTypeOfSymbol(property);
        return {
          type,
          declared: true,
          optional: (type.isUnion() ? type.types : [type]).some((m) => m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void)),
        };
      }
      const index = value.getStringIndexType();
      return index && { type: index, declared: false, optional: true };
    },
    async element(type, index) {
      const value = checker.getNonNullableType(type);
      if (checker.isTupleType(value)) return checker.getTypeArguments(value as ts.TypeReference)[index];
      if (checker.isArrayType(value)) return checker.getTypeArguments(value as ts.TypeReference)[0];
      return value.getNumberIndexType() ?? undefined;
    },
    async members(type) {
      return (type.isUnion() ? type.types : [type]).filter(
        (m) => !(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void)),
      );
    },
    async literals(type) {
      const values: (string | number | boolean)[] = [];
      for (const m of type.isUnion() ? type.types : [type]) {
        if (m.isStringLiteral() || m.isNumberLiteral()) values.push(m.value);
        else if (m.flags & ts.TypeFlags.BooleanLiteral) values.push(checker.typeToString(m) === "true");
        else if (!(m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void))) return undefined;
      }
      return values;
    },
    async fields(type) {
      const value = checker.getNonNullableType(type);
      if (kindOf(value) !== "object") return undefined;
      return checker
        .getPropertiesOfType(value)
        .filter((p) => !p.getName().startsWith("__@"))
        .map((p) => {
          const type = checker.getTypeOfSymbol(p);
          const optional =
            (p.flags & ts.SymbolFlags.Optional) !== 0 ||
            (type.isUnion() ? type.types : [type]).some((m) => m.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Void));
          return { name: p.getName(), type, optional };
        });
    },
    async inputOf(site) {
      let step: ts.Node | undefined = callAt(site);
      if (!step) return undefined;
      // Through the methods chained on the factory (`.parameters(...)`, `.retry(...)`), up to a `.next`.
      for (
        let access = step.parent;
        ts.isPropertyAccessExpression(access) &&
        access.expression === step &&
        access.name.text !== "next" &&
        ts.isCallExpression(access.parent) &&
        access.parent.expression === access;
        access = step.parent
      )
        step = access.parent;
      location = step;
      return inputOf(checker, checker.getTypeAtLocation(step), step);
    },
    async writtenAt(site) {
      const name = nodeAt(site);
      if (!name || !ts.isIdentifier(name) || !name.parent || !ts.isPropertyAccessExpression(name.parent)) return undefined;
      const receiver = name.parent.expression;
      const out = checker
        .getTypeAtLocation(receiver)
        .getProperties()
        .find((p) => isMarker(p, "outType"));
      const recipe = out && checker.getTypeOfSymbolAtLocation(out, receiver);
      const resultAt = recipe && property(recipe, "__@resultAtKey@");
      const written = resultAt && checker.getTypeOfSymbolAtLocation(resultAt, receiver);
      const result = written && checker.getPropertyOfType(written, "result");
      return result && checker.getTypeOfSymbolAtLocation(result, receiver);
    },
    async requestOf(site) {
      const found = taskCall(site);
      const [request] = found?.signature.getParameters() ?? [];
      return request && checker.getTypeOfSymbolAtLocation(request, found!.call);
    },
    async resultOf(site) {
      return taskCall(site)?.signature.getReturnType();
    },
    async outputOf(site) {
      const call = callAt(site);
      const marker =
        call &&
        checker
          .getTypeAtLocation(call)
          .getProperties()
          .find((p) => isMarker(p, "outType"));
      return marker && checker.getTypeOfSymbolAtLocation(marker, call!);
    },
    async text(type) {
      return checker.typeToString(type, location, ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope);
    },
  };
}
