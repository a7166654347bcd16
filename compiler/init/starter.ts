/**
 * The files `stepwright init` writes: a project that checks, builds and tests as it is, with the
 * strict compiler settings a workflow deserves. Versions are this package's own, so the starter
 * matches the Stepwright that wrote it.
 */
export interface StarterVersions {
  readonly stepwright: string;
  readonly typescript: string;
  readonly vitest: string;
  readonly zod: string;
}

/**
 * Where a starter goes into an existing project: the project's own tsconfig.json stays as it is (the
 * starter's settings go into `tsconfig.stepwright.json`, which extends it), and its own `test`
 * script too (the starter's goes under `test:workflows`).
 */
export interface StarterPlace {
  readonly tsconfig: "tsconfig.json" | "tsconfig.stepwright.json";
  readonly testScript: "test" | "test:workflows";
}

export function starterFiles(
  name: string,
  versions: StarterVersions,
  place: StarterPlace = { tsconfig: "tsconfig.json", testScript: "test" },
): Record<string, string> {
  const own = place.tsconfig !== "tsconfig.json";
  const packageJson = {
    name,
    version: "0.1.0",
    private: true,
    type: "module",
    scripts: {
      check: "stepwright check",
      build: "stepwright build",
      graph: "stepwright graph",
      // The build writes the workflows' types (src/generated) that the Lambda handlers are checked against.
      [place.testScript]: `stepwright build && tsc --noEmit${own ? ` -p ${place.tsconfig}` : ""} && vitest run`,
    },
    dependencies: { zod: versions.zod },
    devDependencies: { stepwright: versions.stepwright, typescript: versions.typescript, vitest: versions.vitest },
  };
  const tsconfig = {
    ...(own ? { extends: "./tsconfig.json" } : {}),
    compilerOptions: {
      target: "ES2023",
      module: "NodeNext",
      moduleResolution: "NodeNext",
      strict: true,
      noUncheckedIndexedAccess: true,
      exactOptionalPropertyTypes: true,
      allowImportingTsExtensions: true,
      // With these two, Node's own type stripping may load the workflows: faster than tsx.
      verbatimModuleSyntax: true,
      erasableSyntaxOnly: true,
      noEmit: true,
      types: [],
    },
    include: ["workflows", "src", "stepwright.config.ts"],
  };
  return {
    "package.json": `${JSON.stringify(packageJson, null, 2)}\n`,
    [place.tsconfig]: `${JSON.stringify(tsconfig, null, 2)}\n`,
    ".gitignore": "node_modules/\nbuild/\ndiagrams/\nsrc/generated/\n",
    "stepwright.config.ts": configFile(own ? place.tsconfig : undefined),
    "workflows/hello.ts": workflowFile,
    "workflows/hello.test.ts": testFile,
    "src/lookup-person.ts": handlerFile,
  };
}

const configFile = (tsconfig: string | undefined) => `import { defineConfig } from "stepwright";

// Defaults for the stepwright CLI; flags on the command line win.
export default defineConfig({
  // Every workflow under workflows/ (a new file is picked up), but their tests.
  files: ["workflows/**/*.ts", "!workflows/**/*.test.ts"],${tsconfig ? `\n  tsconfig: ${JSON.stringify(tsconfig)},` : ""}
  out: "build",
  // Each workflow's types for the code around it: its Lambdas' handlers, its input and output.
  types: "src/generated",
  // Function names become ARNs in this region and account (replace them with yours).
  region: "us-east-1",
  account: "123456789012",
});
`;

const workflowFile = `import { z } from "zod";
import { choice, fail, lambda, succeed, task, workflow } from "stepwright";

/** What an execution starts with. */
export const Greeting = z.object({ name: z.string(), language: z.enum(["en", "fr"]) });
export type Greeting = z.infer<typeof Greeting>;

/** What the Lambda function "lookup-person" answers. */
export interface Person {
  known: boolean;
  title: string;
}

/** The first step takes the workflow's input: its type is declared once, here. */
export const lookUp = task("LookUpPerson", lambda<{ name: string }, Person>("lookup-person"))
  .parameters<Greeting>(($) => ({ name: $.name }))
  .resultPath("$.person")
  .retry({ errors: ["Lambda.TooManyRequestsException"], maxAttempts: 3, backoffRate: 2 });

export const hello = workflow("hello", {
  comment: "Greets a person the service knows",
  input: Greeting,
  // Written inline, a step takes its input from the step before: no type to repeat.
  definition: lookUp.next(
    choice("IsKnown", (c) =>
      c.when(($) => $.person.known.eq(true), succeed("Greeted")).otherwise(fail("Unknown", { error: "UnknownPerson", cause: "Nobody by that name" })),
    ),
  ),
});
`;

const testFile = `import { expect, test } from "vitest";
import { testWorkflow } from "stepwright/testing";
import { handler } from "../src/lookup-person.ts";
import { hello, lookUp } from "./hello.ts";

test("a known person is greeted (the Lambda's own handler answering)", async () => {
  const run = await testWorkflow(hello).mock(lookUp, handler).run({ name: "Ada", language: "en" });
  expect(run.path).toEqual(["LookUpPerson", "IsKnown", "Greeted"]);
  expect(run.output).toMatchObject({ person: { title: "Dr Ada" } });
});

test("an unknown person ends in the Unknown failure", async () => {
  const run = await testWorkflow(hello)
    .mock(lookUp, () => ({ known: false, title: "" }))
    .run({ name: "Nobody", language: "fr" });
  expect(run.error).toMatchObject({ error: "UnknownPerson" });
});
`;

const handlerFile = `import type { Handler } from "./generated/hello.ts";

/**
 * The Lambda function "lookup-person", typed by the workflow that calls it (\`Handler<"LookUpPerson">\`,
 * written by \`stepwright build\` into src/generated): a field the workflow does not send, or one it
 * needs and this does not return, is a type error here.
 */
export const handler: Handler<"LookUpPerson"> = async ({ name }) => ({ known: name !== "Nobody", title: \`Dr \${name}\` });
`;
