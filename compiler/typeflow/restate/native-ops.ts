import type { Checker, Diagnostic, Symbol as NativeSymbol, Type, UnionOrIntersectionType } from "typescript/unstable/async";
import type { SourceFile } from "typescript/unstable/ast";
import { DiagnosticCategory, SignatureKind, SymbolFlags, TypeFlags } from "typescript/unstable/async";
import { SyntaxKind } from "typescript/unstable/ast";
import type { Form, Property, RestateOps, TextStyle } from "./ops.js";
import { flattenMessage, type MessageLink, type TypeScriptError } from "./restater.js";
import { flatMembers, nonNullableOf } from "../base/native-types.js";
import { kindsOf, Syntax, type SyntaxNode } from "./syntax.js";

const syntax = new Syntax(kindsOf(SyntaxKind as unknown as Record<string, unknown>));
const maxTypeText = 100;

// TypeFormatFlags, as the JavaScript checker numbers them (the native API takes the same numbers).
const noTruncation = 1;
const useAliasDefinedOutsideCurrentScope = 16384;
const useSingleQuotesForStringLiteralType = 268435456;
const styles: Readonly<Record<TextStyle, number | undefined>> = {
  short: useAliasDefinedOutsideCurrentScope,
  full: noTruncation | useSingleQuotesForStringLiteralType,
  plain: undefined,
};

/**
 * The restating's questions, answered by TypeScript 7's native checker: each answer is a request
 * over a pipe, so what is asked twice (a type's properties, the type of a property) is kept.
 */
export function nativeRestateOps(checker: Checker, file: SourceFile): RestateOps<Type> {
  const raw = (node: SyntaxNode) => node as never;
  const kept = new Map<string, Promise<unknown>>();
  const once = <V>(key: string, make: () => Promise<V>): Promise<V> => {
    if (!kept.has(key)) kept.set(key, make());
    return kept.get(key) as Promise<V>;
  };
  const property = (symbol: NativeSymbol): Property<Type> => ({
    name: symbol.name,
    optional: (symbol.flags & SymbolFlags.Optional) !== 0,
    declaredIn: symbol.declarations.map((d) => d.path),
    type: () => once(`symbol ${symbol.id}`, () => checker.getTypeOfSymbol(symbol)),
  });
  const nonNullable = (type: Type): Promise<Type> => nonNullableOf(checker, type);
  const primitive = async (type: Type): Promise<Form["primitive"]> => {
    const flags = (await nonNullable(type)).flags;
    if (flags & TypeFlags.NumberLike) return "number";
    if (flags & TypeFlags.StringLike) return "string";
    return flags & TypeFlags.BooleanLike ? "boolean" : undefined;
  };
  return {
    syntax,
    file: { path: file.fileName, text: file.text },
    typeAt: (node) => checker.getTypeAtLocation(raw(node)),
    contextualType: (node) => checker.getContextualType(raw(node)),
    properties: (type, apparent) =>
      once(`properties ${type.id} ${apparent === true}`, async () => {
        const of = apparent ? ((await checker.getApparentType(type)) ?? type) : type;
        return (await checker.getPropertiesOfType(of)).map(property);
      }),
    async property(type, name) {
      const found = await checker.getPropertyOfType(type, name);
      return found && property(found);
    },
    async firstParameter(type) {
      const [signature] = await checker.getSignaturesOfType(type, SignatureKind.Call);
      return signature && checker.getParameterType(signature, 0);
    },
    isAssignable: (source, target) => once(`assignable ${source.id} ${target.id}`, () => checker.isTypeAssignableTo(source, target)),
    async form(type) {
      const [arrayLike, array, primitiveKind] = await Promise.all([
        checker.isArrayLikeType(type),
        checker.isArrayType(type),
        primitive(type),
      ]);
      return {
        union: (type.flags & TypeFlags.Union) !== 0,
        objectLike: (type.flags & (TypeFlags.Object | TypeFlags.Intersection)) !== 0,
        arrayLike,
        array,
        primitive: primitiveKind,
      };
    },
    members: flatMembers,
    async unionMembers(type) {
      return type.flags & TypeFlags.Union ? ((await (type as UnionOrIntersectionType).getTypes()) ?? []) : [type];
    },
    async element(type) {
      return (await checker.getTypeArguments(type as never))[0];
    },
    nonNullable,
    literalBase: (type) => checker.getBaseTypeOfLiteralType(type).then((t) => t ?? type),
    async unwrapNoInfer(type) {
      return type.flags & TypeFlags.Substitution ? (type as Type & { getBaseType(): Promise<Type> }).getBaseType() : type;
    },
    async text(type, at, style) {
      const text = await checker.typeToString(type, raw(at), styles[style]);
      return style === "short" && text.length > maxTypeText ? `${text.slice(0, maxTypeText - 1)}…` : text;
    },
    same: (a, b) => a.id === b.id,
    async symbolAt(node) {
      const symbol = await checker.getSymbolAtLocation(raw(node));
      const target = symbol && symbol.flags & SymbolFlags.Alias ? await checker.getAliasedSymbol(symbol) : symbol;
      if (!target) return undefined;
      const declarations = target.declarations.map((d) => ({
        file: d.path,
        node: async () => (await d.resolve()) as unknown as SyntaxNode | undefined,
      }));
      return { name: target.name, declarations };
    },
  };
}

/** The native checker's errors and warnings as the restating takes them, each message chain flattened. */
export function typeScriptErrors(found: readonly Diagnostic[]): TypeScriptError[] {
  const link = (d: Diagnostic): MessageLink => ({ text: d.text, next: (d.messageChain ?? []).map(link) });
  return found.map((d) => ({
    code: d.code,
    start: d.pos,
    severity: d.category === DiagnosticCategory.Warning ? "warning" : "error",
    message: flattenMessage(link(d)),
  }));
}
