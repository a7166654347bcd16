/**
 * What the editor shows on hover: a step reads as its kind, its input and its output — for a step
 * whose output depends on its input, the recipe (`ResultAt<"$.charge", Charge>`: the input with the
 * result at `$.charge`) — and a Task also names the call it makes, which is what a test mock stands
 * in for. A chain shows its output worked out. Asked of both engines an editor runs: TypeScript 6's
 * language service (what VS Code bundles) and TypeScript 7's native checker.
 */
import { join } from "node:path";
import { Project, SyntaxKind } from "ts-morph";
import { API } from "typescript/unstable/async";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { namesAt } from "../../compiler/typeflow/uses/native-ops.ts";

const dir = join(import.meta.dirname, "../fixtures/hovers");
const file = join(dir, "steps.ts");
const order = "{ id: string; total: number; charge: Charge; }";

// Each `const` of the fixture, and the type it hovers as (a union's members in either order: the engines order them differently).
const expected: Record<string, string | string[]> = {
  validate: "Task<Order, Order, (request: Order) => Order>",
  charge: 'Task<Order, ResultAt<"$.charge", Charge>, (request: Order) => Charge>',
  picked: 'Task<Order, OutputAt<"$.id", { id: string; }>, (request: Order) => Charge>',
  start: 'Pass<Order, InputAt<"$">>',
  shaped: "Pass<any, { id: any; }>",
  pause: 'Wait<any, InputAt<"$">>',
  route: [`Choice<Order, ${order} | Succeeded<Order>>`, `Choice<Order, Succeeded<Order> | ${order}>`],
  each: "MapStep<any, Order[]>",
  both: `Parallel<Order, [Order, ${order}]>`,
  chain: `Chain<Order, ${order}>`,
  ended: `TerminalChain<Order, Succeeded<${order}>>`,
  failed: "TerminalChain<Order, never>",
  flow: [`Workflow<Order, Order | ${order}>`, `Workflow<Order, ${order} | Order>`],
};

function fits(name: string, shown: string): void {
  const accepted = expected[name];
  expect(accepted, `the fixture's "${name}"`).toBeDefined();
  expect(typeof accepted === "string" ? [accepted] : accepted).toContain(shown);
}

const project = new Project({ tsConfigFilePath: join(dir, "tsconfig.json") });
const declarations = project.getSourceFileOrThrow(file).getDescendantsOfKind(SyntaxKind.VariableDeclaration);

describe("steps and chains hover as their kind, input and output", () => {
  test("the fixture declares each kind once, and has no type error", () => {
    expect(declarations.map((d) => d.getName()).sort()).toEqual(Object.keys(expected).sort());
    expect(project.getPreEmitDiagnostics().map((d) => d.getMessageText())).toEqual([]);
  });

  test("TypeScript 6's language service (an editor's hover)", () => {
    const service = project.getLanguageService().compilerObject;
    for (const declaration of declarations) {
      const info = service.getQuickInfoAtPosition(file, declaration.getNameNode().getStart());
      const text = (info?.displayParts ?? []).map((part) => part.text).join("");
      fits(declaration.getName(), text.replace(/^const \w+: /, "").replace(/\s+/g, " "));
    }
  });

  describe("TypeScript 7's native checker", () => {
    let api: API;
    beforeAll(() => {
      api = new API({ cwd: dir });
    });
    afterAll(async () => {
      await api.close();
    });

    test("prints the same types", async () => {
      const snapshot = await api.updateSnapshot({ openProjects: [join(dir, "tsconfig.json")] });
      const native = (await snapshot.getDefaultProjectForFile(file))!;
      const source = (await native.program.getSourceFile(file))!;
      const names = namesAt(
        source,
        declarations.map((d) => d.getNameNode().getStart()),
      );
      const types = await native.checker.getTypeAtLocation(names.map((n) => n!));
      for (const [i, declaration] of declarations.entries()) fits(declaration.getName(), await native.checker.typeToString(types[i]!));
      await snapshot.dispose();
    });
  });
});
