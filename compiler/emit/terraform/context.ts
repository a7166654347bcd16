import type { TargetRef } from "../../../src/ir/resource.js";
import type { TargetKey, WorkflowNode } from "../../../src/ir/workflow.js";
import { codePointOrder } from "../../base/order.js";
import type { Block, HclValue } from "./hcl.js";
import { References } from "./hcl.js";
import { Identifiers } from "./identifiers.js";
import type { ArnScope } from "./permissions/index.js";

/** The module's options that decide what its blocks say. */
export interface ModuleScope {
  readonly region?: string;
  readonly account?: string;
  readonly partition?: string;
}

/** What every block of a module reads: references, the labels given out, the data sources looked up, and where ARNs live. */
export class ModuleContext {
  readonly refs = new References();
  /** Each workflow's label, the same in every block type. */
  readonly ids = new Identifiers();
  /** Output names come from workflow names too ("orders" + "_role_arn" and "orders-role" + "_arn" meet): one namespace for all. */
  readonly outputIds = new Identifiers();
  /** Each alias's label (`<workflow>_<alias>`), given out for every workflow at once so a label never depends on the order of emission. */
  readonly #aliasIds = new Identifiers();
  readonly #dataIds = new Map<string, Identifiers>();
  readonly #data = new Map<string, Block>();
  readonly #built: ReadonlySet<string>;
  readonly region: string;
  readonly account: string;
  readonly partition: string;

  constructor(workflows: readonly WorkflowNode[], scope: ModuleScope) {
    for (const ir of workflows) this.ids.of(ir.name);
    for (const ir of workflows)
      for (const alias of ir.aliases ?? []) this.#aliasIds.of(`${ir.name}\0${alias.name}`, `${this.ids.of(ir.name)}_${alias.name}`);
    this.#built = new Set(workflows.map((ir) => ir.name));
    this.region = scope.region ?? this.refs.token(`${this.dataSource("aws_region", "current", [])}.id`);
    this.account = scope.account ?? this.refs.token(`${this.dataSource("aws_caller_identity", "current", [])}.account_id`);
    this.partition = scope.partition ?? "aws";
  }

  /** The label of a workflow's alias. */
  aliasId(workflow: string, alias: string): string {
    return this.#aliasIds.of(`${workflow}\0${alias}`);
  }

  /** A data source, declared once for the module: its address. */
  dataSource(type: string, name: string, attributes: [string, HclValue][]): string {
    const key = `${type}.${name}`;
    if (!this.#data.has(key)) {
      if (!this.#dataIds.has(type)) this.#dataIds.set(type, new Identifiers());
      this.#data.set(key, { type: "data", labels: [type, this.#dataIds.get(type)!.of(name)], attributes });
    }
    return `data.${type}.${this.#data.get(key)!.labels[1]}`;
  }

  /** The data sources looked up, in a stable order. */
  dataSources(): Block[] {
    return [...this.#data.values()].sort((a, b) => codePointOrder(a.labels.join("."), b.labels.join(".")));
  }

  /** The reference a target stands for: a state machine of this module, one looked up by name, a function, or a Terraform expression. */
  targetExpression(target: TargetRef): string | undefined {
    if (target.kind === "terraform") return target.expression;
    if (target.kind !== "name") return undefined;
    if (target.service === "states") {
      return this.#built.has(target.name)
        ? `aws_sfn_state_machine.${this.ids.of(target.name)}.arn`
        : `${this.dataSource("aws_sfn_state_machine", target.name, [["name", target.name]])}.arn`;
    }
    return `${this.dataSource("aws_lambda_function", target.name, [["function_name", target.name]])}.arn`;
  }

  /** A target as a reference token in a string (with its qualifier), or undefined for a literal ARN. */
  readonly targetToken = (target: TargetRef): string | undefined => {
    const expression = this.targetExpression(target);
    if (expression === undefined) return undefined;
    const qualifier = target.kind !== "arn" && target.qualifier ? `:${target.qualifier}` : "";
    return `${this.refs.token(expression)}${qualifier}`;
  };

  /** A KMS key's ARN. */
  keyArn(key: TargetKey): string {
    if (key.kind === "arn") return key.arn;
    if (key.kind === "terraform") return this.refs.token(key.expression);
    return `arn:${this.partition}:kms:${this.region}:${this.account}:key/${key.id}`;
  }

  /** Where a workflow's permissions find their ARNs. */
  arnScope(ir: WorkflowNode): ArnScope {
    return {
      partition: this.partition,
      region: this.region,
      account: this.account,
      ownName: `${this.refs.token("var.name_prefix")}${ir.name}`,
      targetArn: (t) => this.targetToken(t) ?? (t.kind === "arn" ? t.arn : ""),
      keyArn: (key) => this.keyArn(key),
    };
  }
}

/**
 * The workflow's name where IAM and CloudWatch Logs accept it (letters, digits and `_+=,.@-`), else
 * its Terraform label, which is unique in the module and made of such characters.
 */
export function plainName(name: string, id: string): string {
  return /^[A-Za-z0-9_+=,.@-]+$/.test(name) ? name : id;
}

/** The comment line every generated file starts with. */
export const generatedBy = "Generated by Stepwright. Edit the TypeScript workflow, not this file.";
