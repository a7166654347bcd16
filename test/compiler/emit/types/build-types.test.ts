/**
 * `build --types`: each workflow's types for the code around it, checked as the user's own code
 * checks them. The modules compile under the strictest options a project uses; a Lambda handler
 * typed `Handler<"...">` compiles, and one returning a misspelt field fails at its line; an Express
 * workflow's `startSync` gives its Output; the JSON Schemas (draft 2020-12, checked with ajv) accept
 * the inputs the examples run on and reject one missing a required field.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { beforeAll, describe, expect, test } from "vitest";
import { compile, type CompileResult } from "stepwright/compiler";
import { TypeChecker } from "../../../../compiler/typeflow/checker.ts";
import { root } from "../../../support/compile.ts";
import { tempProject } from "../../../support/temp-project.ts";
import { exampleInputs } from "../../../support/example-inputs.ts";

const examples = readdirSync(join(root, "examples"))
  .filter((f) => f.endsWith(".ts"))
  .map((f) => `examples/${f}`);
let built: CompileResult;

beforeAll(async () => {
  built = await compile({
    files: [...examples, "test/fixtures/types/quote.ts", "test/fixtures/types/notify.ts"],
    cwd: root,
    region: "us-east-1",
    account: "123456789012",
    types: true,
  });
}, 240_000);

/** A user's project holding the generated modules and the given files, type-checked by tsc under the strictest options; its output. */
function typeCheck(files: Record<string, string>): string {
  const generated = Object.fromEntries(Object.entries(built.typeFiles).map(([name, text]) => [`src/generated/${name}`, text]));
  const strictest = {
    exactOptionalPropertyTypes: true,
    noUncheckedIndexedAccess: true,
    verbatimModuleSyntax: true,
    isolatedDeclarations: true,
    declaration: true,
    noEmit: false,
    emitDeclarationOnly: true,
    outDir: "dist",
    rootDir: "src",
  };
  // The generated modules need no Stepwright; the AWS SDK's client comes with node_modules.
  const dir = tempProject({ ...generated, ...files }, { compilerOptions: strictest, modules: "all" });
  try {
    execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
    return "";
  } catch (error) {
    return (error as { stdout: string }).stdout.replace(/^.*?src\//gm, "src/");
  }
}

describe("build --types", () => {
  test("writes a module and two schemas for every workflow, and no file when the build fails", async () => {
    expect(built.diagnostics).toEqual([]);
    const names = built.workflows.map((w) => w.name).sort();
    expect(Object.keys(built.typeFiles).sort()).toEqual(
      names.flatMap((n) => [`${n}.input.schema.json`, `${n}.output.schema.json`, `${n}.ts`]).sort(),
    );
    const failed = await compile({
      files: ["test/fixtures/flow/missing-field.ts"],
      cwd: root,
      region: "us-east-1",
      account: "123456789012",
      types: true,
    });
    expect(failed.typeFiles).toEqual({});
  });

  test("each module imports nothing of Stepwright's, and names the user's own types", () => {
    for (const text of Object.values(built.typeFiles)) expect(text).not.toMatch(/from ["']stepwright/);
    const approval = built.typeFiles["expense-approval.ts"]!;
    expect(approval).toContain("export interface ExpenseClaim {");
    expect(approval).toContain("export type Input = ExpenseClaim;");
    expect(approval).toContain("  RequestApproval: Decision;");
  });

  test("the modules compile under strict, exactOptionalPropertyTypes, noUncheckedIndexedAccess, verbatimModuleSyntax and isolatedDeclarations", () => {
    expect(typeCheck({})).toBe("");
  });

  test("a handler typed by Handler<...> compiles; one returning a misspelt field fails at its line", () => {
    const handler = (field: string) =>
      [
        'import type { Handler } from "./generated/order-processing.js";',
        "",
        'export const charge: Handler<"ChargeCard"> = async (event) => ({ ' + field + ": `ch-${event.orderId}-${event.total}` });",
        "",
      ].join("\n");
    expect(typeCheck({ "src/charge.ts": handler("chargeId") })).toBe("");
    const wrong = typeCheck({ "src/charge.ts": handler("chargeID") });
    expect(wrong).toMatch(
      /^src\/charge\.ts\(3,\d+\): error TS2322: Type 'Promise<\{ chargeID: string; \}>' is not assignable to type 'Payment \| Promise<Payment>'/m,
    );
  });

  test("the handler of docs/types.md compiles against the workflow's types", () => {
    const [handler] = [...readFileSync(join(root, "docs/types.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(handler).toContain('Handler<"ChargeCard">');
    expect(typeCheck({ "src/charge.ts": handler! })).toBe("");
  });

  test("stepwright build --types DIR writes them beside the build (and the config's types does the same)", () => {
    const dir = mkdtempSync(join(tmpdir(), "sw-types-cli-"));
    const run = (...args: string[]) =>
      execFileSync(
        process.execPath,
        [join(root, "compiler/bin.mjs"), "build", "examples/approval.ts", "--region", "us-east-1", "--account", "123456789012", ...args],
        {
          cwd: root,
          encoding: "utf8",
          stdio: ["ignore", "pipe", "pipe"],
        },
      );
    run("--out", join(dir, "out"), "--types", join(dir, "types"));
    expect(
      readdirSync(join(dir, "types"))
        .filter((f) => !f.startsWith("."))
        .sort(),
    ).toEqual(["expense-approval.input.schema.json", "expense-approval.output.schema.json", "expense-approval.ts"]);
    expect(readFileSync(join(dir, "types/expense-approval.ts"), "utf8")).toBe(built.typeFiles["expense-approval.ts"]);
    writeFileSync(join(dir, "stepwright.config.ts"), `export default { types: ${JSON.stringify(join(dir, "from-config"))} };\n`);
    run("--out", join(dir, "out"), "--config", join(dir, "stepwright.config.ts"));
    expect(readFileSync(join(dir, "from-config/expense-approval.ts"), "utf8")).toBe(built.typeFiles["expense-approval.ts"]);
  }, 240_000);

  test("an Express workflow's startSync gives its Output, and a callback's output is typed", () => {
    const caller = [
      'import type { SFNClient } from "@aws-sdk/client-sfn";',
      'import { type Output, startSync } from "./generated/quote.js";',
      'import { sendTaskSuccess } from "./generated/expense-approval.js";',
      "",
      "export async function price(client: SFNClient): Promise<number> {",
      '  const quoted: Output = await startSync(client, "arn:aws:states:us-east-1:123456789012:stateMachine:quote", { sku: "a", quantity: 2 });',
      '  await sendTaskSuccess(client, "RequestApproval", "token", { approved: true });',
      "  return quoted.price;",
      "}",
      "",
    ].join("\n");
    expect(typeCheck({ "src/caller.ts": caller })).toBe("");
    const wrongCallback = caller.replace("{ approved: true }", '{ approved: "yes" }');
    expect(typeCheck({ "src/caller.ts": wrongCallback })).toMatch(/^src\/caller\.ts\(7,\d+\): error TS2322/m);
  });

  test("lambda.invoke's function gets the step's payload; given Invoke's own request, its Payload, which the request leaves untyped", () => {
    const module = built.typeFiles["notify.ts"]!;
    expect(module).toContain("export type ChargeEvent = Order;\n");
    expect(module).toContain("export type NotifyEvent = unknown;\n");
    const handlers = [
      'import type { Handler } from "./generated/notify.js";',
      "",
      'export const charge: Handler<"Charge"> = async (event) => ({ receiptId: event.orderId });',
      'export const notify: Handler<"Notify"> = async (event) => console.log(event);',
      "",
    ].join("\n");
    expect(typeCheck({ "src/handlers.ts": handlers })).toBe("");
    // The request's own fields are not the event: a handler reading one fails.
    const reading = handlers.replace("console.log(event)", "console.log(event.InvocationType)");
    expect(typeCheck({ "src/handlers.ts": reading })).toMatch(/^src\/handlers\.ts\(4,\d+\): error TS(2339|18046)/m);
  });

  test("the JavaScript checker (where the native one cannot run) writes the very same files", async () => {
    const checker = new TypeChecker(root, undefined, { native: false });
    try {
      const files = [...examples, "test/fixtures/types/quote.ts", "test/fixtures/types/notify.ts"];
      const javascript = await compile({ files, cwd: root, region: "us-east-1", account: "123456789012", types: true, checker });
      expect(javascript.typeFiles).toEqual(built.typeFiles);
    } finally {
      await checker.close();
    }
  }, 480_000);

  test("the JSON Schemas accept the inputs the examples run on, and reject one missing a required field", () => {
    // Every example has one (the two fixtures are not examples).
    expect(Object.keys(exampleInputs).sort()).toEqual(
      built.workflows
        .map((w) => w.name)
        .filter((n) => n !== "quote" && n !== "notify")
        .sort(),
    );
    const ajv = new Ajv2020({ strict: false });
    for (const [name, input] of Object.entries(exampleInputs)) {
      const validate = ajv.compile(JSON.parse(built.typeFiles[`${name}.input.schema.json`]!));
      expect(validate(input), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
      const [first] = Object.keys(input);
      const { [first!]: _, ...missing } = input as Record<string, unknown>;
      expect(validate(missing), name).toBe(false);
    }
  });
});
