import nodeModule from "node:module";

/**
 * Whether this Node runs module hooks in the thread that imports (module.registerHooks, 22.15 on);
 * before that, module.register runs them in a hooks thread of their own.
 */
export const moduleHooksInThread = typeof nodeModule.registerHooks === "function";
