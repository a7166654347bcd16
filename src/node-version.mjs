// The Node versions Stepwright runs on. Plain JavaScript with no imports, so that an old Node can
// still parse it and say what it needs instead of failing somewhere inside a dependency.
export const supportedNode = ">=22.12.0";

/** True when `version` ("22.12.0", "v24.1.0") is within `supportedNode`. */
export function isSupportedNode(version) {
  const [major, minor] = version.replace(/^v/, "").split(".").map(Number);
  return major > 22 || (major === 22 && minor >= 12);
}

/** The line the CLI and every library entry refuse an older Node with. */
export function unsupportedNodeLine(version) {
  return `stepwright: Node ${supportedNode} is required; this is Node ${version.replace(/^v/, "")}.`;
}
