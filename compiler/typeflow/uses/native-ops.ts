import { readFileSync } from "node:fs";
import type { Checker, Type, UnionOrIntersectionType } from "typescript/unstable/async";
import type { Node, SourceFile } from "typescript/unstable/ast";
import { SignatureKind, SymbolFlags, TypeFlags } from "typescript/unstable/async";
import { isCallExpression, isPropertyAccessExpression } from "typescript/unstable/ast/is";
import type { SourceSpan } from "../../../src/ir/source.js";
import { lineStarts } from "../base/lines.js";
import { flatMembers, nonNullableOf } from "../base/native-types.js";
import type { Kind, TypeOps } from "./types.js";

/**
 * The method names at the given offsets (the `next` of `a.next(b)`), found by walking only the
 * nodes that hold one; iteratively, as a chain of thousands of `.next` nests that deep.
 */
export function namesAt(source: SourceFile, offsets: readonly number[]): (Node | undefined)[] {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const holds = (pos: number, end: number): boolean => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (sorted[middle]! < pos) low = middle + 1;
      else high = middle;
    }
    return low < sorted.length && sorted[low]! < end;
  };
  const leafAt = new Map<number, Node>();
  const stack: Node[] = [source];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const children: Node[] = [];
    node.forEachChild((child) => void children.push(child));
    // A leaf's range starts at its leading trivia: its text ends at `end`.
    if (children.length === 0) for (const offset of sorted) if (offset >= node.pos && offset < node.end) leafAt.set(offset, node);
    for (const child of children) if (holds(child.pos, child.end)) stack.push(child);
  }
  return offsets.map((offset) => leafAt.get(offset));
}

/** The name of a `.catch(...)` call: `catch` in `step.catch(errors, handler, options)`. */
function catchCall(name: Node): boolean {
  return (name as Node & { text?: string }).text === "catch";
}

/** A type and the checker that knows it (a file's project's). */
export interface NativeType {
  readonly type: Type;
  readonly checker: Checker;
}

/**
 * The read checks' questions, answered by TypeScript 7's native checker. Each answer is a request
 * over a pipe: answers are kept (per file, per type and field) so a question is asked once.
 */
export function nativeOps(
  checkerFor: (file: string) => Promise<Checker | undefined>,
  program: (file: string) => Promise<SourceFile | undefined>,
): TypeOps<NativeType> {
  const kindsOf = new Map<string, Promise<ReadonlySet<Kind>>>();
  const fields = new Map<string, Promise<{ type: NativeType; declared: boolean; optional: boolean } | undefined>>();
  const once = <V>(cache: Map<string, V>, key: string, make: () => V): V => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
  const starts = new Map<string, number[]>();
  /** The offset of a 1-based line and column in a file, its lines read once. */
  const offsetOf = ({ file, line, column }: SourceSpan) =>
    (once(starts, file, () => lineStarts(readFileSync(file, "utf8")))[line - 1] ?? 0) + column - 1;
  const parts = async (type: Type, of: TypeFlags): Promise<readonly Type[]> =>
    type.flags & of ? (type as UnionOrIntersectionType).getTypes() : [type];
  const inputOf = async (c: Checker, type: Type): Promise<Type | undefined> => {
    const marker = (await c.getPropertiesOfType(type)).find((p) => p.name.startsWith("__@inType@"));
    if (!marker) return undefined;
    const markerType = await c.getTypeOfSymbol(marker);
    const [signature] = markerType ? await c.getSignaturesOfType(markerType, SignatureKind.Call) : [];
    return signature ? c.getParameterType(signature, 0) : undefined;
  };
  const kindOf = async (c: Checker, type: Type): Promise<Kind> => {
    const f = type.flags;
    if (f & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) return "open";
    if (f & TypeFlags.StringLike) return "string";
    if (f & TypeFlags.NumberLike) return "number";
    if (f & TypeFlags.BooleanLike) return "boolean";
    if ((await c.isArrayType(type)) || (await c.isTupleType(type))) return "array";
    return f & (TypeFlags.Object | TypeFlags.Intersection | TypeFlags.NonPrimitive) ? "object" : "other";
  };
  const nonNullable = ({ type, checker }: NativeType): Promise<Type> => nonNullableOf(checker, type);
  /**
   * The input type a method hands its step argument. `.next` is typed `NextFn<In, Out, E>`: its
   * second alias argument is the output handed over (one request). Otherwise the method's step
   * parameter: its `[inType]` marker's parameter, the last marked member of the parameter
   * (`N & Chainable<Item, ...>` marks the argument's own input first, the one handed over last).
   */
  const handedOver = async (checker: Checker, method: Type, name: Node): Promise<Type | undefined> => {
    // The type's data names its alias arguments already (no request needed to see there are three).
    const aliasArguments =
      "aliasTypeArguments" in method && Array.isArray(method.aliasTypeArguments) ? method.aliasTypeArguments.length : 0;
    if (aliasArguments === 3 && (await method.getAliasSymbol())?.name === "NextFn") return (await method.getAliasTypeArguments())[1];
    // `.catch<P>(errors, handler, { resultPath })`: what the handler gets depends on P, known only at the call.
    const call = name.parent?.parent;
    const [signature] =
      catchCall(name) && call ? [await checker.getResolvedSignature(call)] : await checker.getSignaturesOfType(method, SignatureKind.Call);
    const count = signature ? (await signature.getParameters()).length : 0;
    for (let i = 0; i < count; i++) {
      const parameter = await checker.getParameterType(signature!, i);
      const inputs = (await Promise.all((parameter ? await flatMembers(parameter) : []).map((m) => inputOf(checker, m)))).filter(
        (t) => t !== undefined,
      );
      if (inputs.length > 0) return inputs.at(-1);
    }
    return undefined;
  };
  /** The parent of the name written at `site` (a factory's call, a method's property access), with its file's checker. */
  const parentAt = async (site: SourceSpan): Promise<{ checker?: Checker; parent?: Node }> => {
    const checker = await checkerFor(site.file);
    const source = checker && (await program(site.file));
    return source ? { checker, parent: namesAt(source, [offsetOf(site)])[0]?.parent } : {};
  };
  /** The call signature of the Task made at `site`'s integration (`[taskIo]`: `(request: Req) => Res`). */
  const taskCall = async (site: SourceSpan) => {
    const { checker, parent: call } = await parentAt(site);
    if (!checker) return undefined;
    const task = call && (await checker.getTypeAtLocation(call));
    const io = task && (await checker.getPropertiesOfType(task)).find((p) => p.name.startsWith("__@taskIoKey@"));
    const ioType = io && (await checker.getTypeOfSymbol(io));
    const [signature] = ioType ? await checker.getSignaturesOfType(ioType, SignatureKind.Call) : [];
    return signature && { checker, signature };
  };
  return {
    async flowingAt(sites) {
      const found: (NativeType | undefined)[] = sites.map(() => undefined);
      const byFile = new Map<string, number[]>();
      for (const [i, site] of sites.entries()) byFile.set(site.file, [...(byFile.get(site.file) ?? []), i]);
      await Promise.all(
        [...byFile].map(async ([file, indexes]) => {
          const checker = await checkerFor(file);
          const source = checker && (await program(file));
          if (!checker || !source) return;
          const offsets = indexes.map((i) => offsetOf(sites[i]!));
          const names = namesAt(source, offsets);
          const located = names.filter((n) => n !== undefined);
          // One request for every site of the file: a type looked up by node, not by position.
          const methods = located.length > 0 ? await checker.getTypeAtLocation(located) : [];
          const methodAt = new Map(located.map((n, k) => [n, methods[k]]));
          await Promise.all(
            indexes.map(async (siteIndex, k) => {
              const method = names[k] && methodAt.get(names[k]!);
              const type = method && (await handedOver(checker, method, names[k]!));
              found[siteIndex] = type && { type, checker };
            }),
          );
        }),
      );
      return found;
    },
    open(t) {
      return (t.type.flags & (TypeFlags.Any | TypeFlags.Unknown | TypeFlags.TypeParameter)) !== 0;
    },
    kinds(t) {
      return once(kindsOf, String(t.type.id), async () => {
        const present = (await parts(t.type, TypeFlags.Union)).filter(
          (m) => !(m.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)),
        );
        return new Set(await Promise.all(present.map((m) => kindOf(t.checker, m))));
      });
    },
    field(t, name) {
      return once(fields, `${t.type.id}\0${name}`, async () => {
        const value = await nonNullable(t);
        const property = await t.checker.getPropertyOfType(value, name);
        if (property) {
          const type = await t.checker.getTypeOfSymbol(property);
          return (
            type && {
              type: { type, checker: t.checker },
              declared: true,
              optional: (await parts(type, TypeFlags.Union)).some((m) => m.flags & (TypeFlags.Undefined | TypeFlags.Void)),
            }
          );
        }
        const index = (await t.checker.getIndexInfosOfType(value)).find((info) => info.keyType.flags & TypeFlags.String);
        return index && { type: { type: index.valueType, checker: t.checker }, declared: false, optional: true };
      });
    },
    async element(t, index) {
      const value = await nonNullable(t);
      const isTuple = await t.checker.isTupleType(value);
      if (!isTuple && !(await t.checker.isArrayType(value))) return undefined;
      const element = (await t.checker.getTypeArguments(value as never))[isTuple ? index : 0];
      return element && { type: element, checker: t.checker };
    },
    async members(t) {
      const present = (await parts(t.type, TypeFlags.Union)).filter(
        (m) => !(m.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void)),
      );
      return present.map((type) => ({ type, checker: t.checker }));
    },
    async literals(t) {
      const values: (string | number | boolean)[] = [];
      for (const m of await parts(t.type, TypeFlags.Union)) {
        // A string or number literal's data carries its value; a boolean literal's name is asked (`true`, `false`).
        const data = m as Type & { readonly value?: unknown };
        if (
          m.flags & (TypeFlags.StringLiteral | TypeFlags.NumberLiteral) &&
          (typeof data.value === "string" || typeof data.value === "number")
        )
          values.push(data.value);
        else if (m.flags & TypeFlags.BooleanLiteral) values.push((await t.checker.typeToString(m)) === "true");
        else if (!(m.flags & (TypeFlags.Undefined | TypeFlags.Null | TypeFlags.Void))) return undefined;
      }
      return values;
    },
    async fields(t) {
      const value = await nonNullable(t);
      if ((await kindOf(t.checker, value)) !== "object") return undefined;
      const properties = (await t.checker.getPropertiesOfType(value)).filter((p) => !p.name.startsWith("__@"));
      const fields = await Promise.all(
        properties.map(async (p) => {
          const type = await t.checker.getTypeOfSymbol(p);
          if (!type) return undefined;
          const optional =
            (p.flags & SymbolFlags.Optional) !== 0 ||
            (await parts(type, TypeFlags.Union)).some((m) => m.flags & (TypeFlags.Undefined | TypeFlags.Void));
          return { name: p.name, type: { type, checker: t.checker }, optional };
        }),
      );
      return fields.filter((f) => f !== undefined);
    },
    async inputOf(site) {
      const { checker, parent } = await parentAt(site);
      let step = parent;
      if (!checker || !step || !isCallExpression(step)) return undefined;
      // Through the methods chained on the factory (`.parameters(...)`, `.retry(...)`), up to a `.next`.
      const same = (a: Node, b: Node) => a.pos === b.pos && a.end === b.end;
      for (
        let access = step.parent;
        access &&
        isPropertyAccessExpression(access) &&
        same(access.expression, step) &&
        (access.name as Node & { text?: string }).text !== "next" &&
        access.parent &&
        isCallExpression(access.parent) &&
        same(access.parent.expression, access);
        access = step.parent
      )
        step = access.parent;
      const type = await checker.getTypeAtLocation(step);
      const input = type && (await inputOf(checker, type));
      return input && { type: input, checker };
    },
    async writtenAt(site) {
      const { checker, parent: access } = await parentAt(site);
      if (!checker || !access || !isPropertyAccessExpression(access)) return undefined;
      const named = async (type: Type | undefined, prefix: string) => {
        const found = type && (await checker.getPropertiesOfType(type)).find((p) => p.name.startsWith(prefix));
        return found && checker.getTypeOfSymbol(found);
      };
      const recipe = await named(await checker.getTypeAtLocation(access.expression), "__@outType@");
      const written = await named(recipe, "__@resultAtKey@");
      const result = written && (await checker.getPropertyOfType(written, "result"));
      const type = result && (await checker.getTypeOfSymbol(result));
      return type && { type, checker };
    },
    async requestOf(site) {
      const call = await taskCall(site);
      const request = call && (await call.checker.getParameterType(call.signature, 0));
      return request && { type: request, checker: call.checker };
    },
    async resultOf(site) {
      const call = await taskCall(site);
      const result = call && (await call.checker.getReturnTypeOfSignature(call.signature));
      return result && { type: result, checker: call.checker };
    },
    async outputOf(site) {
      const { checker, parent: call } = await parentAt(site);
      if (!checker || !call) return undefined;
      const workflow = await checker.getTypeAtLocation(call);
      const marker = workflow && (await checker.getPropertiesOfType(workflow)).find((p) => p.name.startsWith("__@outType@"));
      const output = marker && (await checker.getTypeOfSymbol(marker));
      return output && { type: output, checker };
    },
    async text(t) {
      return t.checker.typeToString(t.type);
    },
  };
}
