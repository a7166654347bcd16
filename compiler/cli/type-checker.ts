import { TypeChecker, type TypeCheckerOptions } from "../typeflow/checker.js";
import type { Io } from "./io.js";

/**
 * The type checker a command compiles with. STEPWRIGHT_NATIVE_TSC=off makes it use only the
 * JavaScript checker; a path there names another native binary. Under --verbose, a native checker
 * that cannot start is said in one line, and each check says which checker checked the files and why.
 */
export function typeCheckerFor(io: Io, tsconfig: string | undefined, verbose: boolean | undefined): TypeChecker {
  const setting = process.env.STEPWRIGHT_NATIVE_TSC;
  const options: TypeCheckerOptions = {
    ...(setting === "off" ? { native: false } : setting ? { nativeBinary: setting } : {}),
    ...(verbose
      ? { onNotice: (line: string) => io.err(`stepwright: ${line}\n`), onChecked: (line: string) => io.err(`stepwright: ${line}\n`) }
      : {}),
  };
  return new TypeChecker(io.cwd, tsconfig, options);
}
