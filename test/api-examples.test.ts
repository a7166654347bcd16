/**
 * The public API's TSDoc: every factory and method a user can call from `stepwright`,
 * `stepwright/compiler` and `stepwright/testing` has an `@example`, and every example compiles
 * under a user's strict tsconfig (against test/support/api-examples-prelude.ts, which declares the
 * types and steps the examples name).
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type ClassDeclaration, Node, Project, type Type } from "ts-morph";
import { beforeAll, expect, test } from "vitest";
import { root } from "./support/compile.ts";
import { tempProject } from "./support/temp-project.ts";

const entries = {
  stepwright: "src/index.ts",
  "stepwright/compiler": "compiler/index.ts",
  "stepwright/testing": "compiler/testing/index.ts",
};

/** Every value and type an entry exports, to import for the examples (`type` marks a type). */
const exported: Record<string, string[]> = {};

interface Documented {
  readonly name: string;
  readonly examples: readonly string[];
}

/**
 * The `@example` tags in the doc comments before a declaration (or before what holds it: the
 * property or variable an arrow function is assigned to), read from the comment text itself.
 */
function examplesOf(nodes: readonly Node[]): string[] {
  const holders = [...new Set(nodes.flatMap((node) => [node, node.getParent()].filter((n): n is Node => n !== undefined)))];
  const docs = holders.flatMap((node) =>
    node
      .getLeadingCommentRanges()
      .map((range) => range.getText())
      .filter((text) => text.startsWith("/**")),
  );
  return [...new Set(docs)].flatMap((doc) =>
    [...doc.matchAll(/@example([\s\S]*?)(?=\n\s*\*\s*@\w|\*\/)/g)].map((m) =>
      m[1]!
        .split("\n")
        .map((line) => line.replace(/^\s*\* ?/, ""))
        .join("\n")
        .trim(),
    ),
  );
}

/** Public methods of a class and of the classes it extends (the builders' common methods live on their bases). */
function methodsOf(cls: ClassDeclaration): Map<string, Node[]> {
  const methods = new Map<string, Node[]>();
  for (let c: ClassDeclaration | undefined = cls; c; c = c.getBaseClass()) {
    for (const method of c.getMethods()) {
      if (method.getScope() !== "public" || method.getName().startsWith("#") || methods.has(method.getName())) continue;
      methods.set(method.getName(), [...method.getOverloads(), method]);
    }
  }
  return methods;
}

function documented(): Documented[] {
  const project = new Project({ tsConfigFilePath: join(root, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
  const found = new Map<string, Node[]>();
  const add = (name: string, nodes: Node[]) => found.set(name, [...(found.get(name) ?? []), ...nodes]);
  for (const [entry, path] of Object.entries(entries)) {
    const file = project.addSourceFileAtPath(join(root, path));
    project.resolveSourceFileDependencies();
    for (const [name, declarations] of file.getExportedDeclarations()) {
      const value = declarations.some((d) => Node.isFunctionDeclaration(d) || Node.isClassDeclaration(d) || Node.isVariableDeclaration(d));
      const type = declarations.some((d) => Node.isInterfaceDeclaration(d) || Node.isTypeAliasDeclaration(d));
      if (value || type) (exported[entry] ??= []).push(value ? name : `type ${name}`);
      // `$$` is the context object, a reference: its operators are any field's (see Ref).
      if (name === "$$") continue;
      for (const declaration of declarations) {
        if (Node.isFunctionDeclaration(declaration)) add(`${entry}: ${name}()`, [...declaration.getOverloads(), declaration]);
        else if (Node.isClassDeclaration(declaration))
          for (const [method, nodes] of methodsOf(declaration)) add(`${entry}: ${name}.${method}()`, nodes);
        else if (Node.isVariableDeclaration(declaration)) {
          const type = declaration.getType();
          const signatures = (t: Type) => t.getCallSignatures().flatMap((sig) => sig.getDeclaration() ?? []);
          if (type.getCallSignatures().length > 0)
            add(`${entry}: ${name}()`, [declaration.getVariableStatementOrThrow(), ...signatures(type)]);
          // A namespace of factories (`sqs.sendMessage`, `lambda.invoke`, `States.Format`): each of its functions.
          for (const property of type.getProperties()) {
            const member = property.getTypeAtLocation(declaration);
            if (member.getCallSignatures().length > 0)
              add(`${entry}: ${name}.${property.getName()}()`, [...property.getDeclarations(), ...signatures(member)]);
          }
        }
      }
    }
  }
  return [...found].map(([name, nodes]) => ({ name, examples: examplesOf(nodes) })).sort((a, b) => (a.name < b.name ? -1 : 1));
}

let api: Documented[];
beforeAll(() => {
  api = documented();
}, 240_000);

test("every exported factory and method has an @example", () => {
  expect(api.length).toBeGreaterThan(100);
  expect(api.filter((item) => item.examples.length === 0).map((item) => item.name)).toEqual([]);
});

test("every @example compiles in a user's strict project", () => {
  // Each example as the body of a function of its own, or, where it exports (as a module shows it), as a module of its own.
  const preludeText = readFileSync(join(root, "test/support/api-examples-prelude.ts"), "utf8");
  const names = [...preludeText.matchAll(/^export (interface|type|const|function) (\w+)/gm)].map((m) =>
    /interface|type/.test(m[1]!) ? `type ${m[2]}` : m[2],
  );
  const imports = [
    ...Object.entries(exported).map(([entry, names]) => `import { ${names.join(", ")} } from "${entry}";`),
    `import { ${names.join(", ")} } from "./prelude.js";`,
    'import { z } from "zod";',
  ].join("\n");
  const examples = api.flatMap((item) => item.examples.map((example) => ({ name: item.name, example })));
  const inFunctions = examples.filter(({ example }) => !/^export /m.test(example));
  const modules = examples.filter(({ example }) => /^export /m.test(example));
  const bodies = inFunctions.map(({ name, example }, i) => `// ${name}\nexport async function example${i}() {\n${example}\n}\n`);
  // The compiler's sources (mapped in by tempProject) import its .mjs runtime files.
  const dir = tempProject(
    {
      "src/prelude.ts": preludeText,
      "src/examples.ts": `${imports}\n\n${bodies.join("\n")}`,
      ...Object.fromEntries(modules.map(({ name, example }, i) => [`src/module-${i}.ts`, `${imports}\n\n// ${name}\n${example}\n`])),
    },
    { compilerOptions: { allowJs: true } },
  );
  const tsc = join(root, "node_modules/typescript/bin/tsc");
  let output = "";
  try {
    execFileSync(process.execPath, [tsc, "-p", join(dir, "tsconfig.json")], { encoding: "utf8" });
  } catch (error) {
    output = (error as { stdout: string }).stdout;
  }
  expect(output).toBe("");
}, 240_000);
