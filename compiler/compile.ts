import type { WorkflowNode } from "../src/ir/workflow.ts";
import { type Diagnostic, diagnostic, loadCodes } from "./diagnostic.ts";
import { emitAsl, formatAsl, UnresolvedTargetError } from "./emit/asl/index.ts";
import { loadWorkflows } from "./load.ts";

export interface CompileOptions {
  /** Files to compile (relative to `cwd`). */
  readonly files: readonly string[];
  readonly cwd?: string;
  /** Resolve function and state machine names to ARNs in this region and account. */
  readonly region?: string;
  readonly account?: string;
}

/** One workflow, compiled: its IR, its ASL (as an object and as the file's text). */
export interface CompiledWorkflow {
  readonly name: string;
  readonly file: string;
  readonly exportName: string;
  readonly ir: WorkflowNode;
  readonly asl: Record<string, unknown>;
  /** The files to write, by name relative to the output directory. */
  readonly files: Readonly<Record<string, string>>;
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  readonly workflows: readonly CompiledWorkflow[];
}

/** Finds the workflows in `files`, assembles and checks them, and emits their artifacts. */
export async function compile(options: CompileOptions): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const { loaded, diagnostics } = await loadWorkflows(options.files, cwd);
  const workflows: CompiledWorkflow[] = [];
  const byName = new Map<string, string>();
  for (const { workflow, file, exportName } of loaded) {
    const { ir, problems } = workflow.assemble();
    const at = ir.source ?? { file, line: 1, column: 1 };
    const earlier = byName.get(ir.name);
    if (earlier) {
      diagnostics.push(diagnostic(loadCodes.duplicateWorkflowName, `Workflow "${ir.name}" is also defined in ${earlier}; workflow names must be unique in a build.`, at));
      continue;
    }
    byName.set(ir.name, file);
    for (const p of problems) diagnostics.push(diagnostic(p.code, p.message, p.source ?? at, p.step ? [p.step] : undefined));
    if (problems.length > 0) continue;
    let asl: Record<string, unknown>;
    try {
      asl = emitAsl(ir, { ...(options.region ? { region: options.region } : {}), ...(options.account ? { account: options.account } : {}) });
    } catch (error) {
      if (!(error instanceof UnresolvedTargetError)) throw error;
      diagnostics.push(
        diagnostic(loadCodes.unresolvedTarget, `Workflow "${ir.name}": ${error.message}; pass --region and --account (or give a full ARN).`, at),
      );
      continue;
    }
    workflows.push({ name: ir.name, file, exportName, ir, asl, files: { [`${ir.name}.asl.json`]: await formatAsl(asl) } });
  }
  return { diagnostics, workflows };
}
