/**
 * The definitions of ../shared/corpus/valid that `stepwright import` does not take whole, and why:
 * checked by test/compiler/import/corpus.test.ts (exactly these) and listed in the README.
 */
/** Definitions the importer refuses, and the finding it gives. */
export const notImported: Readonly<Record<string, string>> = {
  // CloudFormation intrinsics (Fn::GetAtt) as a Task's Resource: CloudFormation, not ASL.
  "asl-validator/src____tests____definitions__valid-task-intrisic-function.json": "Resource must be a string",
  // "QueryLanguage" written inside States is not a state (AWS rejects the definition).
  "step-functions-workflows-collection/shared-fallback-state-jsonata__statemachine__statemachine.asl.json": "expected an object",
  // A Wait with no Seconds, Timestamp, SecondsPath or TimestampPath (AWS requires one): wait(...) takes one.
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentWaitWithAssign.json":
    "the builder calls write Seconds",
};

/** Imported and built back the same, then reported (by a check, or by TypeScript): the definition's own mistakes. */
export const reported: Readonly<Record<string, string>> = {
  "asl-validator/src____tests____definitions__valid-wait-jsonata.asl.json": "SW1001", // reads $states.input.timeout, which no state gives
  "aws-local-stepfunctions/__tests____cli__CLI.test.ts__L395.json": "SW2009", // TimeoutSeconds 0
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentSucceedFailTerminalState.json": "SW2001", // two states named "Second"
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentTaskJSONata.json": "SW1001", // a catcher without Output hands only the error to a step that reads its input
  "amazon-states-language-service/src__tests__json-strings__validationStrings.ts__documentValidAslImprovements.json": "TS2339", // reads $.path of a Map's and a Parallel's array result
  "asl-validator/src____tests____definitions__valid-map-noconfig.asl.json": "SW2013", // ItemReader on a Map that is not DISTRIBUTED
  "asl-validator/src____tests____definitions__valid-map-tolerated.json": "SW2013", // tolerated failures on a Map that is not DISTRIBUTED
  // DynamoDB's typed requests and results make these visible (DynamoDB takes attribute values only, and getItem leaves Item out when no item has the key):
  "step-functions-workflows-collection/curbside-pickup__statemachine__statemachine.asl.yaml.json": "TS2345", // ExpressionAttributeValues of plain strings ({ ":stat": "pick-complete" }), an Item holding null
  "step-functions-workflows-collection/human-task-reminder__statemachine__statemachine.asl.yaml.json": "TS2345", // an Item and ExpressionAttributeValues of plain strings ("false", "true")
  "step-functions-workflows-collection/quorum-with-parallel-pattern__statemachine__statemachine.asl.json": "TS2322", // { "BOOL": "false" }, a list of plain strings ({ "L": ["Process1"] })
};

/**
 * Imported, built back the same, and passed with a warning: the definition reads what AWS may not
 * give (a DynamoDB item that may not be found), and the module says it assumes it (SW2020).
 */
export const warned: Readonly<Record<string, { readonly code: string; readonly why: string }>> = {
  "step-functions-workflows-collection/idempotent-workflow__statemachine__statemachine.asl.json": {
    code: "SW2020",
    why: "compares the idempotency record's status in a Choice, which fails if no record has the key",
  },
  "step-functions-workflows-collection/quorum-with-parallel-pattern__statemachine__statemachine.asl.json": {
    code: "SW2020",
    why: "counts the process lists of an Item it wrote before",
  },
  "step-functions-workflows-collection/transfer-data-records__statemachine__statemachine.asl.json": {
    code: "SW2020",
    why: "sends the Item's Message to SQS",
  },
};
