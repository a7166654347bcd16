// Module resolve hook for rebuilds: a module imported by a versioned module (`?sw-v=N`) gets the same
// version, so each build evaluates the user's modules afresh while Stepwright's own sources and
// node_modules stay loaded once.
let unversioned = [];

export function initialize(data) {
  unversioned = data.unversioned;
}

/**
 * What a module resolved to, its URL carrying the version of the module that imports it; the
 * result itself for what is not a file, is in node_modules or under one of `unversioned`, or has
 * a version already.
 * @template {{ url: string }} R
 * @param {R} result
 * @param {string | undefined} parentURL
 * @param {readonly string[]} unversioned
 * @returns {R}
 */
export function versioned(result, parentURL, unversioned) {
  const { url } = result;
  const version = /[?&]sw-v=(\d+)/.exec(parentURL ?? "")?.[1];
  if (!version || !url.startsWith("file:") || url.includes("/node_modules/") || unversioned.some((p) => url.startsWith(p))) return result;
  if (/[?&]sw-v=/.test(url)) return result;
  return { ...result, url: `${url}${url.includes("?") ? "&" : "?"}sw-v=${version}` };
}

export async function resolve(specifier, context, next) {
  return versioned(await next(specifier, context), context.parentURL, unversioned);
}
