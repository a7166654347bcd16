import type { ts } from "ts-morph";

/** Where the package declares its factories: `src/steps/<kind>.ts` and `src/workflow.ts`, or their `.d.ts` in `dist/`. */
export const ownDeclaration = /\/src\/(steps\/[a-z-]+|workflow)\.(d\.)?[cm]?[jt]s$/;

export type MarkerName = "inType" | "outType" | "terminalType";

/**
 * Whether a property is one of the package's type-only markers (`[inType]`, `[terminalType]`, ...):
 * a unique-symbol key TypeScript names `__@inType@<id>`, declared by the package's own step classes.
 */
export function isOwnMarker(property: { readonly name: string; readonly declaredIn: readonly string[] }, marker: MarkerName): boolean {
  return property.name.startsWith(`__@${marker}@`) && property.declaredIn.some((file) => ownDeclaration.test(file));
}

/** isOwnMarker, asked of the JavaScript checker's symbol. */
export function isMarker(property: ts.Symbol, marker: MarkerName): boolean {
  return isOwnMarker(
    { name: property.getName(), declaredIn: (property.getDeclarations() ?? []).map((d) => d.getSourceFile().fileName) },
    marker,
  );
}
