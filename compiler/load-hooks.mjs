// Module resolve hook for rebuilds: a module imported by a versioned module (`?sw-v=N`) gets the same
// version, so each build evaluates the user's modules afresh while Stepwright's own sources and
// node_modules stay loaded once.
let unversioned = [];

export function initialize(data) {
  unversioned = data.unversioned;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  const version = /[?&]sw-v=(\d+)/.exec(context.parentURL ?? "")?.[1];
  if (!version || !result.url.startsWith("file:") || result.url.includes("/node_modules/") || unversioned.some((p) => result.url.startsWith(p))) return result;
  if (/[?&]sw-v=/.test(result.url)) return result;
  return { ...result, url: `${result.url}${result.url.includes("?") ? "&" : "?"}sw-v=${version}` };
}
