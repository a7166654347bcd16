// Imported first by every entry of the package (stepwright, stepwright/compiler, stepwright/testing):
// on a Node older than the package needs, importing it stops here, with the line the CLI gives,
// before a module that needs a newer Node fails somewhere inside. Where there is no Node (a
// bundler's browser build of the DSL), there is nothing to check.
import { isSupportedNode, unsupportedNodeLine } from "./node-version.mjs";

const version = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
if (version !== undefined && !isSupportedNode(version)) throw new Error(unsupportedNodeLine(version));
