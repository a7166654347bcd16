import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { styleText } from "node:util";
import type { Diagnostic } from "./base/diagnostic.js";

type Style = Parameters<typeof styleText>[0];

/** `path:line:col - error SW1001: message`, with a code frame, like tsc; colors only on a terminal. */
export function formatDiagnostic(d: Diagnostic, cwd: string, color: boolean): string {
  const paint = (style: Style, text: string) => (color ? styleText(style, text, { validateStream: false }) : text);
  const where = d.file
    ? `${paint("cyan", relative(cwd, d.file))}:${paint("yellow", String(d.line ?? 1))}:${paint("yellow", String(d.column ?? 1))} - `
    : "";
  const severity = d.severity === "error" ? paint("red", "error") : paint("yellow", "warning");
  const head = `${where}${severity} ${paint("gray", d.code)}: ${d.message}`;
  const related = (d.related ?? []).map(
    (r) =>
      `  ${paint("cyan", relative(cwd, r.file))}:${paint("yellow", String(r.line))}:${paint("yellow", String(r.column))} - ${r.message}\n${codeFrame(r.file, r.line, r.column, paint, "  ")}`,
  );
  return d.file && d.line ? [`${head}\n${codeFrame(d.file, d.line, d.column ?? 1, paint)}`, ...related].join("\n") : head;
}

function codeFrame(file: string, line: number, column: number, paint: (style: Style, text: string) => string, indent = ""): string {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return "";
  }
  const source = text.split("\n")[line - 1];
  if (source === undefined) return "";
  const gutter = String(line);
  return `\n${indent}${paint("inverse", gutter)} ${source}\n${indent}${paint("inverse", " ".repeat(gutter.length))} ${" ".repeat(Math.max(0, column - 1))}${paint("red", "~")}\n`;
}

/** One JSON object per line, for editors and CI. */
export function diagnosticJson(d: Diagnostic): string {
  return JSON.stringify(d);
}
