// The floor for a compiler built on TypeScript's JS API: the same check `tsc --noEmit` does, with
// the TypeScript that ts-morph bundles (the native `tsc` 7 has no JS API to build on).
import { ts } from "@ts-morph/common";

const configPath = process.argv[2];
const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
const program = ts.createProgram(parsed.fileNames, parsed.options);
const diagnostics = ts.getPreEmitDiagnostics(program);
process.exitCode = diagnostics.length > 0 ? 1 : 0;
