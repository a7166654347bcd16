/**
 * Generates a workflow of `size` chained steps of mixed kinds (Task with retry, Pass, Task merging
 * its result, Wait, Choice joined by `.next`), written the way a user writes one fluent chain.
 */
export function generateWorkflow(size: number, { typeError = false }: { typeError?: boolean } = {}): string {
  const lines = [
    `import { choice, lambda, pass, task, wait, workflow } from "stepwright";`,
    ``,
    `interface S { n: number; tag: string }`,
    ``,
    `export const generated = workflow("generated-${size}", {`,
    `  definition: task("S0", lambda<S, S>("fn-0"))`,
  ];
  for (let i = 1; i < size; i++) {
    switch (i % 5) {
      case 0:
        lines.push(`    .next(task("S${i}", lambda<S, S>("fn-${i}")).retry({ errors: ["States.ALL"], maxAttempts: 2 }))`);
        break;
      case 1:
        lines.push(`    .next(pass("S${i}"))`);
        break;
      case 2:
        lines.push(`    .next(task("S${i}", lambda<{ n: number }, { v: number }>("fn-${i}")).resultPath("$.r${i % 3}"))`);
        break;
      case 3:
        lines.push(`    .next(wait("S${i}", { seconds: 1 }))`);
        break;
      case 4:
        lines.push(`    .next(choice<S>("S${i}").when(($) => $.n.gt(${i}), pass("S${i}a")).otherwise(pass("S${i}b")))`);
        break;
    }
  }
  lines.push(`    .next(pass("End")),`, `});`, ``);
  const source = lines.join("\n");
  // The error path: one step in the middle needs a field nothing gives it (SW1001).
  return typeError
    ? source.replace(`lambda<{ n: number }, { v: number }>("fn-2")`, `lambda<{ missing: number }, { v: number }>("fn-2")`)
    : source;
}

/** The same workflow's ASL as a plain object literal: the type-check floor. */
export function generateFloor(asl: unknown): string {
  return `export const definition = ${JSON.stringify(asl, null, 2)};\n`;
}

/** The tsconfig.json a benchmark type-checks its generated files with (the same options for tsc and for Stepwright). */
export function benchTsconfig(files: readonly string[], more: Record<string, unknown> = {}): string {
  return JSON.stringify({
    compilerOptions: {
      target: "ES2023",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      allowImportingTsExtensions: true,
      types: [],
      ...more,
    },
    files,
  });
}
