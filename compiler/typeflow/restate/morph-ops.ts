import { ts } from "ts-morph";
import { members } from "../base/marked-input.js";
import type { Form, Property, RestateOps, TextStyle } from "./ops.js";
import { kindsOf, Syntax, type SyntaxNode } from "./syntax.js";

const syntax = new Syntax(kindsOf(ts.SyntaxKind as unknown as Record<string, unknown>));
const maxTypeText = 100;

const styles: Readonly<Record<TextStyle, ts.TypeFormatFlags | undefined>> = {
  short: ts.TypeFormatFlags.UseAliasDefinedOutsideCurrentScope,
  full: ts.TypeFormatFlags.NoTruncation | ts.TypeFormatFlags.UseSingleQuotesForStringLiteralType,
  plain: undefined,
};

/** The restating's questions, answered by the JavaScript checker (synchronously, wrapped as promises). */
export function morphRestateOps(checker: ts.TypeChecker, file: ts.SourceFile): RestateOps<ts.Type> {
  const raw = (node: SyntaxNode) => node as unknown as ts.Node;
  const property = (symbol: ts.Symbol): Property<ts.Type> => ({
    name: symbol.getName(),
    optional: (symbol.flags & ts.SymbolFlags.Optional) !== 0,
    declaredIn: (symbol.getDeclarations() ?? []).map((d) => d.getSourceFile().fileName),
    type: async () => checker.getTypeOfSymbolAtLocation(symbol, file),
  });
  const primitive = (type: ts.Type): Form["primitive"] => {
    const flags = checker.getNonNullableType(type).getFlags();
    if (flags & ts.TypeFlags.NumberLike) return "number";
    if (flags & ts.TypeFlags.StringLike) return "string";
    return flags & ts.TypeFlags.BooleanLike ? "boolean" : undefined;
  };
  return {
    syntax,
    file: { path: file.fileName, text: file.text },
    async typeAt(node) {
      return checker.getTypeAtLocation(raw(node));
    },
    async contextualType(node) {
      return checker.getContextualType(raw(node) as ts.Expression);
    },
    async properties(type, apparent) {
      return (apparent ? type.getApparentProperties() : type.getProperties()).map(property);
    },
    async property(type, name) {
      const found = checker.getPropertyOfType(type, name);
      return found && property(found);
    },
    async firstParameter(type) {
      const [parameter] = type.getCallSignatures()[0]?.getParameters() ?? [];
      return parameter && checker.getTypeOfSymbolAtLocation(parameter, file);
    },
    async isAssignable(source, target) {
      return checker.isTypeAssignableTo(source, target);
    },
    async form(type) {
      return {
        union: type.isUnion(),
        objectLike: (type.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection)) !== 0,
        arrayLike: checker.isArrayLikeType(type),
        array: checker.isArrayType(type),
        primitive: primitive(type),
      };
    },
    async members(type) {
      return members(type);
    },
    async unionMembers(type) {
      return type.isUnion() ? type.types : [type];
    },
    async element(type) {
      return checker.getTypeArguments(type as ts.TypeReference)[0];
    },
    async nonNullable(type) {
      return checker.getNonNullableType(type);
    },
    async literalBase(type) {
      return checker.getBaseTypeOfLiteralType(type);
    },
    async unwrapNoInfer(type) {
      return type.flags & ts.TypeFlags.Substitution ? (type as ts.SubstitutionType).baseType : type;
    },
    async text(type, at, style) {
      if (style === "plain") return checker.typeToString(type, raw(at));
      const text = checker.typeToString(type, raw(at), styles[style]);
      return style === "short" && text.length > maxTypeText ? `${text.slice(0, maxTypeText - 1)}…` : text;
    },
    same(a, b) {
      return a === b;
    },
    async symbolAt(node) {
      const symbol = checker.getSymbolAtLocation(raw(node));
      const target = symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (!target) return undefined;
      const declarations = (target.getDeclarations() ?? []).map((d) => ({
        file: d.getSourceFile().fileName,
        node: async () => d as unknown as SyntaxNode,
      }));
      return { name: target.getName(), declarations };
    },
  };
}
