import { Project, type SourceFile, ts } from "ts-morph";
import { tsconfigFor } from "./find-tsconfig.js";
import { looksLikeWorkflow } from "./native.js";

/** Used when no tsconfig.json is found: what a user of Stepwright needs to type-check workflows. */
const defaultCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2023,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  allowImportingTsExtensions: true,
  noEmit: true,
};

/**
 * The user's TypeScript project, held by ts-morph. Kept between builds in watch mode: a rebuild
 * refreshes only the files that changed, and the checker reuses what did not.
 */
export class WorkflowProject {
  readonly project: Project;
  readonly tsconfig: string | undefined;

  constructor(cwd: string, tsconfig?: string) {
    this.tsconfig = tsconfigFor(cwd, tsconfig);
    this.project = this.tsconfig
      ? new Project({ tsConfigFilePath: this.tsconfig, skipAddingFilesFromTsConfig: true })
      : new Project({ compilerOptions: defaultCompilerOptions });
  }

  /** Adds (or refreshes from disk) the given files; returns their source files. */
  files(paths: readonly string[]): SourceFile[] {
    return paths.map((path) => {
      const existing = this.project.getSourceFile(path);
      if (!existing) return this.project.addSourceFileAtPath(path);
      void existing.refreshFromFileSystemSync();
      return existing;
    });
  }

  /**
   * The files of the tsconfig that look like they define workflows (they call `workflow(` and
   * import "stepwright"); loading them decides which really export one.
   */
  workflowFiles(): string[] {
    if (!this.tsconfig) return [];
    const parsed = ts.getParsedCommandLineOfConfigFile(this.tsconfig, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    return (parsed?.fileNames ?? [])
      .filter((file) => !file.endsWith(".d.ts") && !file.includes("/node_modules/"))
      .filter((file) => {
        return looksLikeWorkflow(ts.sys.readFile(file) ?? "");
      })
      .sort();
  }
}
