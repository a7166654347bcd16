// Module resolve hook for rebuilds: a module imported by a versioned module (`?sw-v=N`) gets the same
// version, so each build evaluates the user's modules afresh while Stepwright's own sources and
// node_modules stay loaded once.
let unversioned = [];

export function initialize(data) {
  unversioned = data.unversioned;
}

/**
 * The URL a module resolved to, carrying the version of the module that imports it: unchanged for
 * what is not a file, is in node_modules or under one of `unversioned`, or has a version already.
 * @param {string} url
 * @param {string | undefined} parentURL
 * @param {readonly string[]} unversioned
 * @returns {string}
 */
export function versioned(url, parentURL, unversioned) {
  const version = /[?&]sw-v=(\d+)/.exec(parentURL ?? "")?.[1];
  if (!version || !url.startsWith("file:") || url.includes("/node_modules/") || unversioned.some((p) => url.startsWith(p))) return url;
  if (/[?&]sw-v=/.test(url)) return url;
  return `${url}${url.includes("?") ? "&" : "?"}sw-v=${version}`;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const url = versioned(result.url, context.parentURL, unversioned);
  return url === result.url ? result : { ...result, url };
}
