import { dirname, resolve } from "node:path";
import type { WorkflowNode } from "../src/ir/workflow.js";
import { checkWorkflow, checkWorkflowInTurns } from "./check.js";
import { type Diagnostic, diagnostic, loadCodes } from "./base/diagnostic.js";
import { type AslWithTargets, emitAslWithTargets, fillTargets, formatAsl, targetArn, UnresolvedTargetError } from "./emit/asl/index.js";
import type { DefinitionMode } from "./emit/terraform/index.js";
import type { LoadedWorkflow } from "./load/load.js";
import { ModuleLoader } from "./load/module-loader.js";
import { readableSources } from "./source-files.js";
import { codePointOrder } from "./base/order.js";
import { partitionOf } from "./base/aws-names.js";
import { TypeChecker } from "./typeflow/checker.js";
import { usesOf } from "./typeflow/uses/check.js";
import { dataEdgesOf } from "./typeflow/uses/edges.js";
import { readSites } from "./typeflow/uses/read-sites.js";
import { typeArgumentsWritten } from "./typeflow/uses/declared.js";
import { stepTexts } from "./typeflow/uses/step-text.js";

export interface CompileOptions {
  /** Files to compile (relative to `cwd`); default: the tsconfig's files that export a workflow. */
  readonly files?: readonly string[];
  /** The tsconfig.json to type-check with (default: the nearest one above `cwd`). */
  readonly tsconfig?: string;
  readonly cwd?: string;
  /** Resolve function and state machine names to ARNs in this region and account. */
  readonly region?: string;
  readonly account?: string;
  /** A type checker kept between compiles (watch mode): its project stays warm. */
  readonly checker?: TypeChecker;
  /** The thread that evaluates the user's modules, kept between compiles (watch mode). */
  readonly loader?: ModuleLoader;
  /** How long one module may take to load before it is stopped (default 30 s). */
  readonly loadTimeoutMs?: number;
  /** How the Terraform holds each definition: `jsonencode` (default) or `templatefile`. */
  readonly terraformDefinition?: DefinitionMode;
  /** Also draw each workflow: `<name>.mmd` (Mermaid) and `<name>.svg`. */
  readonly diagrams?: boolean;
  /**
   * Only check (and draw): nothing is deployed from this compile, so function and state machine
   * names need no region or account (a placeholder one stands in) and no Terraform is emitted.
   */
  readonly checkOnly?: boolean;
  /**
   * The caller uses `files` only from a compile without errors, as `build` does (a failed build
   * writes nothing): once an error is certain, the compile spends no more time on them, and formats
   * no more ASL text and emits no Terraform (each workflow's `terraform` is empty then).
   */
  readonly outputsOnlyWhenClean?: boolean;
  /**
   * Also write each workflow's types for the code around it (`build --types`): `<name>.ts` (Input,
   * Output, Handlers, Callbacks and, with the AWS SDK v3, typed calls), `<name>.input.schema.json`
   * and `<name>.output.schema.json`, in `typeFiles`.
   */
  readonly types?: boolean;
}

/** Where names resolve when only checking and no region or account is given: ARNs nobody deploys. */
const checkOnlyScope = { region: "us-east-1", account: "000000000000" } as const;

/** One workflow, compiled: its IR, its ASL (as an object and as the file's text). */
export interface CompiledWorkflow {
  readonly name: string;
  readonly file: string;
  readonly exportName: string;
  readonly ir: WorkflowNode;
  readonly asl: Record<string, unknown>;
  /** The JSON Schema of its input, where the workflow declares one (`workflow(name, { input: zodSchema })`). */
  readonly inputSchema?: Readonly<Record<string, unknown>>;
  /** Its own Terraform files (`<name>.tf`, and the template in templatefile mode), by name. */
  readonly terraform: Readonly<Record<string, string>>;
}

export interface CompileResult {
  readonly diagnostics: readonly Diagnostic[];
  /** Every workflow that compiled; a build writes them only when `diagnostics` has no error. */
  readonly workflows: readonly CompiledWorkflow[];
  /**
   * Every file of the build, by name relative to the output folder: each workflow's ASL and
   * Terraform, and the module's shared data.tf, variables.tf, outputs.tf and versions.tf. Empty
   * when there is an error: a failed build writes nothing.
   */
  readonly files: Readonly<Record<string, string>>;
  /** With `types`: each workflow's types module and JSON Schemas, by name relative to the types folder; empty when there is an error. */
  readonly typeFiles: Readonly<Record<string, string>>;
}

const byPosition = (a: Diagnostic, b: Diagnostic) =>
  codePointOrder(a.file ?? "", b.file ?? "") ||
  (a.line ?? 0) - (b.line ?? 0) ||
  (a.column ?? 0) - (b.column ?? 0) ||
  codePointOrder(a.code, b.code);

/**
 * Finds the workflows, type-checks the data flow between their steps, evaluates them to IR, runs
 * the rules and emits their artifacts. Never throws for a mistake in the user's code: that is a
 * diagnostic.
 * @example const { diagnostics, workflows } = await compile({ files: ["workflows/orders.ts"], region: "us-east-1", account: "123456789012" });
 * for (const d of diagnostics) console.error(`${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`);
 */
export async function compile(options: CompileOptions = {}): Promise<CompileResult> {
  const cwd = options.cwd ?? process.cwd();
  const checker = options.checker ?? new TypeChecker(cwd, options.tsconfig);
  try {
    return await compileWith(checker, cwd, options);
  } finally {
    if (!options.checker) await checker.close();
  }
}

async function compileWith(checker: TypeChecker, cwd: string, options: CompileOptions): Promise<CompileResult> {
  const given = options.files !== undefined && options.files.length > 0;
  // Folders, unreadable and non-UTF-8 files are diagnostics here; neither checker nor loader sees them.
  const sources = readableSources(given ? options.files! : await checker.workflowFiles(), cwd);
  const paths = sources.files.map((f) => resolve(cwd, f));
  const diagnostics: Diagnostic[] = [...sources.diagnostics];

  // Type-check (the native checker's process, the JavaScript checker's thread) while the modules are evaluated and emitted.
  let typeErrors = false;
  const typing = checker.check(paths, { onErrors: () => (typeErrors = true) });
  // The Terraform emitter loads while the modules do (it is needed only after them).
  const terraformEmitter = options.checkOnly ? undefined : import("./emit/terraform/index.js");
  terraformEmitter?.catch(() => {}); // awaited below
  typing.catch(() => {}); // handled below, once the emitting is done
  const loader = options.loader ?? new ModuleLoader(options.loadTimeoutMs !== undefined ? { timeoutMs: options.loadTimeoutMs } : {});
  const load = await loader.load(sources.files, cwd, given, checker.tsconfig).finally(() => (options.loader ? undefined : loader.close()));
  // What each step reads is asked of the checker once the types are known, while the workflows emit.
  const typeErrorFiles = typing.then((typed) => errorFiles(typed.diagnostics));
  const reading = typeErrorFiles.then((erred) => checkReads(checker, erred, load.loaded, sources.texts));
  reading.catch(() => {}); // awaited below
  const failing = () => typeErrors || [...diagnostics, ...load.diagnostics].some((d) => d.severity === "error");
  const outputsWanted = () => !(options.outputsOnlyWhenClean && failing());
  const emitted = await emitAll(load.loaded, options, diagnostics, outputsWanted);
  // Header comments and the types modules name files relative to the project (the tsconfig's folder), not to where the CLI ran.
  const root = checker.tsconfig ? dirname(checker.tsconfig) : cwd;
  const terraform =
    options.checkOnly || !outputsWanted()
      ? { files: {} as Readonly<Record<string, string>>, byWorkflow: {} as Readonly<Record<string, readonly string[]>> }
      : await (
          await terraformEmitter!
        ).emitTerraform(emitted.compiled, {
          ...pickScope(options),
          ...(options.terraformDefinition ? { definition: options.terraformDefinition } : {}),
          root,
        });
  const workflows = emitted.compiled.map(({ emitted: _, ...w }) => ({
    ...w,
    terraform: Object.fromEntries((terraform.byWorkflow[w.name] ?? []).map((f) => [f, terraform.files[f]!])),
  }));

  const typed = await typing;
  diagnostics.push(...typed.diagnostics, ...(await reading));
  // A module that fails to load where TypeScript already found an error fails because of it: say it once.
  const erred = await typeErrorFiles;
  diagnostics.push(...load.diagnostics.filter((d) => !(d.code === loadCodes.moduleFailed && erred.has(d.file))));
  // What TypeScript cannot parse is not built, even where the runtime managed to load it.
  const unparsable = new Set(typed.unparsable);
  const built = workflows.filter((w) => !unparsable.has(w.file));
  const failed = diagnostics.some((d) => d.severity === "error");
  const typeFiles = failed || !options.types ? {} : await (await import("./emit/types/index.js")).typeFiles(checker, built, root);
  return {
    diagnostics: diagnostics.sort(byPosition),
    workflows: built,
    files: failed ? {} : { ...emitted.files, ...terraform.files },
    typeFiles,
  };
}

/** The files a checker's diagnostics find errors in. */
function errorFiles(found: readonly Diagnostic[]): Set<string | undefined> {
  return new Set(found.filter((d) => d.severity === "error").map((d) => d.file));
}

/**
 * What the steps read, checked against the types where they receive their data. Steps declared on
 * their own are checked where they receive data; a file TypeScript finds errors in is not (what a
 * step reads there may be what TypeScript already said).
 */
async function checkReads(
  checker: TypeChecker,
  typeErrorFiles: ReadonlySet<string | undefined>,
  loaded: readonly LoadedWorkflow[],
  texts: ReadonlyMap<string, string>,
): Promise<Diagnostic[]> {
  // Each step's own code, read once for both: whether it declares its input, and where it reads each field.
  const stepText = stepTexts(texts);
  const declared = typeArgumentsWritten(stepText);
  const locate = readSites(stepText);
  const uses = loaded.filter((w) => !typeErrorFiles.has(w.file)).flatMap((w) => usesOf(w.ir, dataEdgesOf(w.ir), declared, locate));
  return checker.checkUses(uses);
}

/**
 * A turn of the event loop: the checker's answers that came in meanwhile are taken up (a restating,
 * the questions about what steps read), so they wait for no more than one stretch of emitting. Two
 * hops: TypeScript's API client takes up each answer in an immediate of its own, queued after this
 * one's first.
 */
const turn = () => new Promise<void>((resolve) => setImmediate(() => setImmediate(resolve)));

/** A workflow compiled but for its Terraform, with the ASL the Terraform emitter fills in. */
type EmittedWorkflow = Omit<CompiledWorkflow, "terraform"> & { readonly emitted?: AslWithTargets };

/** Each loaded workflow emitted in turn (a name used twice is a diagnostic), and their ASL files while `outputsWanted()`. */
async function emitAll(
  loaded: readonly LoadedWorkflow[],
  options: CompileOptions,
  diagnostics: Diagnostic[],
  outputsWanted: () => boolean,
): Promise<{ compiled: EmittedWorkflow[]; files: Record<string, string> }> {
  const compiled: EmittedWorkflow[] = [];
  const files: Record<string, string> = {};
  const byName = new Map<string, string>();
  for (const workflow of loaded) {
    const { ir, file } = workflow;
    const earlier = byName.get(ir.name);
    if (earlier) {
      diagnostics.push(
        diagnostic(
          loadCodes.duplicateWorkflowName,
          `Workflow "${ir.name}" is also defined in ${earlier}; workflow names must be unique in a build.`,
          ir.source ?? { file, line: 1, column: 1 },
        ),
      );
      continue;
    }
    byName.set(ir.name, file);
    const one = await emitWorkflow(workflow, options, outputsWanted);
    diagnostics.push(...one.diagnostics);
    if (one.compiled) compiled.push({ ...one.compiled, ...(one.emitted ? { emitted: one.emitted } : {}) });
    Object.assign(files, one.files);
  }
  return { compiled, files };
}

/** One workflow: its assembly problems, its ASL and the rules' findings, its ASL file and drawings. */
async function emitWorkflow(
  { ir, problems, file, exportName, inputSchema }: LoadedWorkflow,
  options: CompileOptions,
  outputsWanted: () => boolean,
): Promise<{
  diagnostics: Diagnostic[];
  compiled?: Omit<CompiledWorkflow, "terraform">;
  emitted?: AslWithTargets;
  files: Record<string, string>;
}> {
  const at = ir.source ?? { file, line: 1, column: 1 };
  const diagnostics = problems.map((p) => diagnostic(p.code, p.message, p.source ?? at, p.step ? [p.step] : undefined));
  if (problems.length > 0) return { diagnostics, files: {} };
  const scope = options.checkOnly ? { ...checkOnlyScope, ...pickScope(options) } : pickScope(options);
  await turn();
  // Emitted once: filled here with ARNs, and by the Terraform emitter with references.
  const emitted = emitAslWithTargets(ir, scope.partition);
  let asl: Record<string, unknown>;
  try {
    asl = fillTargets(emitted, (target) => targetArn(target, scope));
  } catch (error) {
    if (!(error instanceof UnresolvedTargetError)) throw error;
    diagnostics.push(
      diagnostic(
        loadCodes.unresolvedTarget,
        `Workflow "${ir.name}": ${error.message}; pass --region and --account (or give a full ARN).`,
        at,
      ),
    );
    return { diagnostics: [...diagnostics, ...checkWorkflow(ir)], files: {} };
  }
  // The definition as Terraform's jsonencode deploys it: what AWS's size quota counts.
  diagnostics.push(...(await checkWorkflowInTurns(ir, JSON.stringify(asl), turn)));
  await turn();
  const files: Record<string, string> = {};
  if (!options.checkOnly && outputsWanted()) files[`${ir.name}.asl.json`] = await formatAsl(asl);
  if (options.diagrams && outputsWanted()) Object.assign(files, await (await import("./emit/diagram/index.js")).diagramFiles(ir));
  const compiled = { name: ir.name, file, exportName, ir, asl, ...(inputSchema ? { inputSchema } : {}) };
  return { diagnostics, compiled, emitted, files };
}

/** Region, account and the partition of the region, as the emitters take them. */
function pickScope(options: CompileOptions): { region?: string; account?: string; partition: string } {
  return {
    ...(options.region ? { region: options.region } : {}),
    ...(options.account ? { account: options.account } : {}),
    partition: partitionOf(options.region),
  };
}
