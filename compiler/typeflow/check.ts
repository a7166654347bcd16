import { type SourceFile, ts } from "ts-morph";
import type { Diagnostic } from "../base/diagnostic.js";
import { formatNodeDecides } from "./base/module-format.js";
import { restateErrors } from "./restate/file.js";
import { morphRestateOps } from "./restate/morph-ops.js";
import type { TypeScriptError } from "./restate/restater.js";
import type { SyntaxNode } from "./restate/syntax.js";

/** A message chain of the JavaScript checker as one text, as TypeScript prints it. */
function message(d: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(d.messageText, "\n  ");
}

/**
 * Type-checks a workflow file with the JavaScript checker. TypeScript errors on the edges between
 * steps are restated in the words of steps and fields (SW1xxx); any other TypeScript error is
 * passed through with its code.
 */
export function checkTypeFlow(file: SourceFile): Promise<Diagnostic[]> {
  const program = file.getProject().getProgram().compilerObject;
  const checker = program.getTypeChecker();
  const source = file.compilerNode;
  const errors: TypeScriptError[] = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]
    .filter((d) => d.category === ts.DiagnosticCategory.Error || d.category === ts.DiagnosticCategory.Warning)
    .filter((d) => !formatNodeDecides(d.code, file.getFilePath()))
    .map((d) => ({
      code: d.code,
      start: d.start,
      severity: d.category === ts.DiagnosticCategory.Warning ? "warning" : "error",
      message: message(d),
    }));
  return restateErrors(morphRestateOps(checker, source), source as unknown as SyntaxNode, errors);
}
