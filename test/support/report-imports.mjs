// Registered with `node --import`: names each module the process loads on stderr (`import: <url>`),
// so a test can say what a command did not load. The worker threads' loads are not the main thread's:
// they go through their own hooks, which this does not register.
import { register } from "node:module";

register(
  "data:text/javascript," +
    encodeURIComponent(`
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  process.stderr.write("import: " + resolved.url + "\\n");
  return resolved;
}`),
);
