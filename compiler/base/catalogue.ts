/**
 * Every finding Stepwright reports under a code of its own: its severity, what it says in a few
 * words, and what to do about it. The one home of these facts: the code constants the checks use
 * (`loadCodes`, `flowCodes`, a rule's `code`, ...) are typed by it, a diagnostic's severity is read
 * from it, and the reference page `docs/diagnostics.md` is generated from it (`npm run docs`).
 * TypeScript's own errors keep their `TSxxxx` codes.
 */
export interface CatalogueEntry {
  /** An error fails the build; a warning is a risk the build goes on with. */
  readonly severity: "error" | "warning";
  readonly title: string;
  /** What to do, in a sentence. */
  readonly help: string;
  /** A file that triggers it (relative to the repository), shown on the docs page and compiled by its test. */
  readonly example?: string;
}

export const catalogue = {
  // SW0xxx: the files given, before their workflows.
  SW0001: {
    severity: "error",
    title: "File not found",
    help: "Name a file that exists (a folder is not a file), or fix the `files` glob in stepwright.config.ts.",
  },
  SW0002: {
    severity: "error",
    title: "Module failed to load",
    help: "The workflow module threw, called `process.exit`, failed from a timer or ran past `loadTimeoutSeconds`: run it with Node to see why, and keep side effects out of workflow modules.",
  },
  SW0003: {
    severity: "warning",
    title: "No workflow exported",
    help: "Export the `workflow(...)` value from the module, or leave the file out of the build.",
  },
  SW0004: {
    severity: "error",
    title: "Duplicate workflow name",
    help: "Give each workflow of a build a name of its own: the name names its files and Terraform blocks.",
  },
  SW0005: {
    severity: "error",
    title: "A name needs --region and --account",
    help: "A function or topic given by name becomes an ARN only with a region and an account: pass `--region` and `--account` (or set them in stepwright.config.ts), or give the full ARN.",
  },
  SW0006: {
    severity: "error",
    title: "Bad stepwright.config.ts",
    help: "Fix the option the message names; `defineConfig` types every option.",
  },
  SW0007: { severity: "error", title: "Source is not UTF-8", help: "Save the file as UTF-8." },

  // SW1xxx: the data between steps.
  SW1001: {
    severity: "error",
    title: "Missing field",
    help: "A step reads (or its declared input needs) a field the step before it does not give: give it there, read another field, or fix the name.",
    example: "test/fixtures/flow/missing-field.ts",
  },
  SW1002: {
    severity: "error",
    title: "Wrong field type",
    help: "A field arrives with a type the step does not accept (a number where a string is needed, the wrong member of a union): convert it before, or change the step's type.",
    example: "test/fixtures/flow/wrong-field-type.ts",
  },
  SW1003: {
    severity: "error",
    title: "Field may be missing",
    help: "The field is optional where it comes from, or only some members of a union have it: test for it with a Choice first (`$.email.isPresent()`, `$.method.kind.eq(...)`).",
    example: "test/fixtures/edges/optional-read.ts",
  },
  SW1004: {
    severity: "error",
    title: "Nothing follows Succeed or Fail",
    help: "Remove the `.next(...)`, or put its step before the Succeed or Fail.",
    example: "test/fixtures/flow/next-after-terminal.ts",
  },
  SW1005: {
    severity: "error",
    title: "Input of the wrong shape",
    help: "The whole input does not fit (an array where an object is needed, ...): reshape it with `.parameters(...)` or `.outputPath(...)` before.",
    example: "test/fixtures/flow/input-mismatch.ts",
  },
  SW1006: {
    severity: "warning",
    title: "Undeclared input",
    help: "Only `any` reaches a step that reads fields, so nothing checks them: declare the input where the data enters (the first step, a Lambda's `lambda<In, Out>`), or on the step.",
    example: "test/fixtures/flow/declared-alone-undeclared.ts",
  },

  // SW2xxx: rules of ASL and AWS that TypeScript cannot see.
  SW2001: {
    severity: "error",
    title: "State names are not unique",
    help: "Rename one of the steps: a state name is unique across the whole state machine, branches included.",
    example: "test/fixtures/rules/unique-state-names.ts",
  },
  SW2002: {
    severity: "error",
    title: "State name too long or with control characters",
    help: "Keep state names to 80 characters, with no control characters.",
    example: "test/fixtures/rules/state-name-length.ts",
  },
  SW2003: {
    severity: "error",
    title: "Unreachable state",
    help: "Chain the state from its graph's start, or remove it: AWS rejects a definition with orphans.",
    example: "test/fixtures/rules/unreachable.asl.json",
  },
  SW2004: {
    severity: "error",
    title: "A path never ends",
    help: "Give every path a way to a Succeed, a Fail or the end of its graph (a loop needs a Choice that leaves it).",
    example: "test/fixtures/rules/paths-end.ts",
  },
  SW2005: {
    severity: "error",
    title: "Choice without a rule",
    help: "Add a `.when(...)` to the Choice.",
    example: "test/fixtures/rules/choice-has-rules.ts",
  },
  SW2006: {
    severity: "error",
    title: "States.ALL not alone and last",
    help: "Put `States.ALL` alone in its error list, in the last retrier or catcher.",
    example: "test/fixtures/rules/catch-all-last.ts",
  },
  SW2007: {
    severity: "error",
    title: "Not allowed in an Express workflow",
    help: "Use a pattern Express runs (request-response), or make the workflow STANDARD.",
    example: "test/fixtures/rules/express-patterns.ts",
  },
  SW2008: {
    severity: "error",
    title: "Longer than an Express execution",
    help: "An Express execution runs for at most five minutes: shorten the waits and timeouts, or make the workflow STANDARD.",
    example: "test/fixtures/rules/express-duration.ts",
  },
  SW2009: {
    severity: "error",
    title: "Past a service limit",
    help: "Keep within the limit the message names (a Standard execution's year, a Map's concurrency, ...).",
    example: "test/fixtures/rules/service-limits.ts",
  },
  SW2010: {
    severity: "error",
    title: "Definition larger than 1 MiB",
    help: "Split the workflow (a child workflow through `stepFunctions.startExecution`), or move large payloads out of the definition.",
    example: "test/fixtures/rules/definition-size.ts",
  },
  SW2011: {
    severity: "error",
    title: "Bad JSONPath",
    help: "Fix the path the message points at: ASL's JSONPath, and intrinsics with the arguments they take.",
    example: "test/fixtures/rules/jsonpath-syntax.ts",
  },
  SW2012: {
    severity: "error",
    title: "Bad JSONata",
    help: "Fix the expression where the JSONata parser stops.",
    example: "test/fixtures/rules/jsonata-syntax.ts",
  },
  SW2013: {
    severity: "error",
    title: "Field of the other Map mode",
    help: 'Use the field on a Distributed Map (`mode: "DISTRIBUTED"`), or leave it out.',
    example: "test/fixtures/rules/map-mode.ts",
  },
  SW2014: {
    severity: "error",
    title: "Required request field missing",
    help: "Set the field the integration's request needs.",
    example: "test/fixtures/rules/integration-parameters.ts",
  },
  SW2015: {
    severity: "error",
    title: "Text Terraform would change",
    help: "Write the text in Unicode NFC: Terraform normalizes strings, so the deployed definition would differ.",
    example: "test/fixtures/rules/unicode-normalized.ts",
  },
  SW2016: {
    severity: "error",
    title: "Workflow name AWS or Terraform refuses",
    help: "Name the workflow with 1 to 80 of `A-Z a-z 0-9 - _`, and not as one of the module's shared files.",
    example: "test/fixtures/rules/workflow-name.ts",
  },
  SW2017: {
    severity: "error",
    title: "Transition to no state of the graph",
    help: "Point Next, Default and each catcher's Next at a state of the same graph.",
    example: "test/fixtures/rules/transition-targets.asl.json",
  },
  SW2018: {
    severity: "error",
    title: "Both a field and its path form",
    help: "Set one of the pair the message names (a value or its `...Path`; Next or End).",
    example: "test/fixtures/rules/exclusive-fields.asl.json",
  },
  SW2019: {
    severity: "error",
    title: "Task Resource is not an ARN",
    help: "Give the Task's Resource as an ARN (a `${...}` placeholder stands for one).",
    example: "test/fixtures/rules/task-resource.asl.json",
  },
  SW2020: {
    severity: "warning",
    title: "A result AWS may leave out, assumed there",
    help: "A step reads a result field AWS may not give (a DynamoDB `Item` when no item has the key): test for it with a Choice, or keep the assumption knowingly.",
    example: "test/fixtures/rules/assumed-result.ts",
  },
  SW2021: {
    severity: "error",
    title: "Text that is not well-formed Unicode",
    help: "Remove the lone surrogate: neither JSON nor Terraform can write it.",
  },
  SW2022: {
    severity: "error",
    title: "Alias AWS refuses",
    help: 'Name the alias with letters, digits, "-", "_" or "." (not only digits); route it to one or two versions whose weights add up to 100; set `publish: true` to route to the version a deploy publishes.',
    example: "test/fixtures/rules/aliases.ts",
  },
  SW2101: {
    severity: "error",
    title: "Field of the other query language",
    help: "Use the JSONata form (`.arguments`, `.output`) in a JSONata state, the JSONPath form (`.parameters`, `.resultPath`) in a JSONPath one.",
  },
  SW2102: {
    severity: "error",
    title: "Payload that cannot be written",
    help: "Return JSON from the builder: no BigInt, `undefined` or cycles.",
  },
  SW2103: {
    severity: "error",
    title: "A step continues to two steps",
    help: "Chain each step to one next step; branch with a Choice or a Parallel.",
  },

  // SW4xxx: `stepwright import`.
  SW4001: { severity: "error", title: "Definition does not parse", help: "Fix the JSON or HCL at the place the message gives." },
  SW4002: { severity: "error", title: "Not ASL", help: "Fix or remove the field: ASL, as AWS documents it, has no such field or shape." },
  SW4003: {
    severity: "error",
    title: "Cannot be written as builder calls",
    help: "The definition holds something the builder cannot write back to the same bytes; import the rest, and write that part with `.asl({...})`.",
  },
  SW4004: {
    severity: "error",
    title: "No definition Terraform gives",
    help: "Point import at an `aws_sfn_state_machine` whose definition is literal, `jsonencode(...)`, a heredoc or `file()`/`templatefile()` of a file beside it.",
  },
} as const satisfies Record<`SW${number}`, CatalogueEntry>;

/** A code of the catalogue. */
export type Code = keyof typeof catalogue;

export function isCode(code: string): code is Code {
  return Object.hasOwn(catalogue, code);
}

/** The docs page's anchor for a code. */
export const anchorOf = (code: Code): string => `docs/diagnostics.md#${code.toLowerCase()}`;
