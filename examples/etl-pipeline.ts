/**
 * ETL pipeline: for each source table, extract it with Glue; then, in parallel, load the warehouse
 * and refresh the search index; finally record the run.
 */
import { dynamodb, glue, lambda, map, parallel, type Ref, task, workflow } from "stepwright";

export interface EtlRun {
  runId: string;
  date: string;
  sources: { table: string; partition: string }[];
}

export const extract = task("ExtractTable", glue.startJobRun("extract-table").sync())
  .parameters(($) => ({
    Arguments: { "--table": $.table, "--partition": $.partition, "--date": $.date },
  }))
  .resultSelector((run) => ({ jobRunId: run.Id, state: run.JobRunState }))
  .retry({ errors: ["Glue.ConcurrentRunsExceededException"], intervalSeconds: 60, maxAttempts: 5, backoffRate: 1.5 });

const extractAll = map("ExtractSources", {
  // The first step: the workflow's input enters here, so this is where its type is declared.
  items: ($: Ref<EtlRun>) => $.sources,
  itemSelector: ($, source) => ({ table: source.value.table, partition: source.value.partition, date: $.date }),
  maxConcurrency: 4,
})
  .process(extract)
  .resultPath("$.extracted");

const load = parallel("LoadTargets", [
  task("LoadWarehouse", glue.startJobRun("load-warehouse").sync()).parameters(($) => ({ Arguments: { "--run-id": $.runId } })),
  task("RefreshSearchIndex", lambda<{ runId: string }, { documents: number }>("refresh-search-index")),
])
  .resultSelector((results) => ({ warehouseState: results[0].JobRunState, documents: results[1].documents }))
  .resultPath("$.loaded");

export const recordRun = task("RecordRun", dynamodb.putItem("etl-runs")).parameters(($) => ({
  Item: { runId: { S: $.runId }, date: { S: $.date }, status: { S: "SUCCEEDED" } },
}));

export const etlPipeline = workflow("etl-pipeline", {
  comment: "Nightly extract, load and index",
  definition: extractAll.next(load).next(recordRun.resultPath(null)),
});
