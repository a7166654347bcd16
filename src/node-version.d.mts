// The types of node-version.mjs (plain JavaScript, so an old Node can parse it): for a project that
// type-checks Stepwright's sources without allowJs.
export declare const supportedNode: string;
export declare function isSupportedNode(version: string): boolean;
export declare function unsupportedNodeLine(version: string): string;
