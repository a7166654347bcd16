import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "csv-parse/sync";
import { StatesError } from "./errors.js";

/**
 * The S3 objects a local run may read, by URI: `s3://bucket/key` to a file's content, and
 * `s3://bucket/prefix/` to a folder, whose files are the objects under the prefix. An object
 * nobody gave is what AWS cannot read: the Map fails with States.ItemReaderFailed, naming it.
 */
export class ObjectStore {
  readonly #objects = new Map<string, () => Uint8Array>();
  readonly #folders: { readonly prefix: string; readonly dir: string }[] = [];

  /** `content`: the object's text or bytes; a folder for a prefix URI (ending in `/`). */
  add(uri: string, content: string | Uint8Array | { readonly folder: string }): this {
    const { bucket, key } = parseS3Uri(uri);
    if (typeof content === "object" && !(content instanceof Uint8Array)) {
      if (!uri.endsWith("/") && key !== "") throw new TypeError(`${uri}: a folder is given for a prefix, which ends in /`);
      this.#folders.push({ prefix: `${bucket}/${key}`, dir: content.folder });
    } else {
      const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : content;
      this.#objects.set(`${bucket}/${key}`, () => bytes);
    }
    return this;
  }

  /** A file's content for `s3://bucket/key`, or a folder's files for `s3://bucket/prefix/`: which it is, the URI and the path must agree. */
  addPath(uri: string, path: string): this {
    const folder = statSync(path).isDirectory();
    if (folder !== uri.endsWith("/"))
      throw new TypeError(folder ? "a folder goes with a prefix ending in /" : "a prefix ending in / takes a folder");
    return this.add(uri, folder ? { folder: path } : readFileSync(path));
  }

  /** The object's bytes, or undefined where nobody gave it. */
  get(bucket: string, key: string): Uint8Array | undefined {
    const given = this.#objects.get(`${bucket}/${key}`);
    if (given) return given();
    for (const { prefix, dir } of this.#folders) {
      const full = `${bucket}/${key}`;
      if (!full.startsWith(prefix)) continue;
      const file = join(dir, ...full.slice(prefix.length).split("/"));
      try {
        if (statSync(file).isFile()) return readFileSync(file);
      } catch {
        // Not in this folder.
      }
    }
    return undefined;
  }

  /** The objects under a prefix, as listObjectsV2 lists them (by key, in order). */
  list(bucket: string, prefix: string): { Key: string; Size: number }[] {
    const keys = new Map<string, number>();
    for (const [full, bytes] of this.#objects)
      if (full.startsWith(`${bucket}/${prefix}`)) keys.set(full.slice(bucket.length + 1), bytes().length);
    for (const folder of this.#folders) {
      if (!folder.prefix.startsWith(`${bucket}/`)) continue;
      for (const file of filesUnder(folder.dir)) {
        const key = `${folder.prefix.slice(bucket.length + 1)}${relative(folder.dir, file).split(sep).join("/")}`;
        if (key.startsWith(prefix)) keys.set(key, statSync(file).size);
      }
    }
    return [...keys].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([Key, Size]) => ({ Key, Size }));
  }
}

function filesUnder(dir: string, depth = 0): string[] {
  if (depth > 32) return [];
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name), depth + 1) : e.isFile() ? [join(dir, e.name)] : []));
}

export function parseS3Uri(uri: string): { bucket: string; key: string } {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match) throw new TypeError(`${uri} is not an s3://bucket/key URI`);
  return { bucket: match[1]!, key: match[2]! };
}

const delimiters: Readonly<Record<string, string>> = { COMMA: ",", PIPE: "|", SEMICOLON: ";", SPACE: " ", TAB: "\t" };

export interface ReaderConfig {
  readonly InputType?: string;
  readonly CSVHeaderLocation?: string;
  readonly CSVHeaders?: readonly string[];
  readonly CSVDelimiter?: string;
  readonly MaxItems?: number;
  readonly ManifestType?: string;
}

const failed = (why: string) => new StatesError("States.ItemReaderFailed", why);

/**
 * The items an ItemReader reads (https://docs.aws.amazon.com/step-functions/latest/dg/input-output-itemreader.html):
 * listObjectsV2 lists a prefix; getObject reads a JSON array, JSON Lines, a CSV file (its first row
 * or the given headers name each row's fields, all strings), a Parquet file (a row an item), or an
 * S3 inventory manifest (its CSV files, gzipped as S3 writes them, a row an item).
 */
export async function readItems(
  store: ObjectStore,
  resource: string,
  parameters: Record<string, unknown>,
  config: ReaderConfig,
): Promise<unknown[]> {
  const bucket = String(parameters.Bucket ?? "");
  if (/:s3:listObjectsV2$/.test(resource)) {
    const prefix = String(parameters.Prefix ?? "");
    return store.list(bucket, prefix).map(({ Key, Size }) => ({
      Etag: `"${Key.length.toString(16)}"`,
      Key,
      LastModified: "1970-01-01T00:00:00.000Z",
      Size,
      StorageClass: "STANDARD",
    }));
  }
  if (!/:s3:getObject$/.test(resource))
    throw failed(`the local engine reads items with s3:getObject and s3:listObjectsV2, not ${resource}`);
  const key = String(parameters.Key ?? "");
  const bytes = store.get(bucket, key);
  if (!bytes)
    throw failed(
      `s3://${bucket}/${key} was not given to the local run (stepwright run --object s3://${bucket}/${key}=@file, or testWorkflow(w).object("s3://${bucket}/${key}", ...))`,
    );
  const text = Buffer.from(bytes).toString("utf8");
  switch (config.InputType ?? "JSON") {
    case "JSON": {
      const value = parseJson(text, `s3://${bucket}/${key}`);
      if (!Array.isArray(value)) throw failed(`s3://${bucket}/${key} holds no JSON array`);
      return value;
    }
    case "JSONL":
      return text
        .split(/\r?\n/)
        .filter((line) => line.trim() !== "")
        .map((line) => parseJson(line, `s3://${bucket}/${key}`));
    case "CSV":
      return csvRows(text, config, `s3://${bucket}/${key}`);
    case "MANIFEST":
      return manifestItems(store, text, bucket, key);
    case "PARQUET":
      return parquetRows(bytes, `s3://${bucket}/${key}`);
    default:
      throw failed(`the local engine does not read InputType ${config.InputType}`);
  }
}

function parseJson(text: string, uri: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw failed(`${uri} is not JSON`);
  }
}

function csvRows(text: string, config: ReaderConfig, uri: string): Record<string, string>[] {
  const delimiter = delimiters[config.CSVDelimiter ?? "COMMA"];
  if (!delimiter) throw failed(`CSVDelimiter ${config.CSVDelimiter} is not one AWS reads`);
  let rows: string[][];
  try {
    rows = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: true, bom: true }) as string[][];
  } catch (error) {
    throw failed(`${uri} is not CSV: ${(error as Error).message}`);
  }
  const given = config.CSVHeaderLocation === "GIVEN";
  const headers = given ? [...(config.CSVHeaders ?? [])] : (rows.shift() ?? []);
  return rows.map((row) => Object.fromEntries(headers.map((h, i) => [h, row[i] ?? ""])));
}

/** An S3 inventory's manifest.json: its CSV files' rows (bucket, key, ...), as objects of Bucket and Key. */
function manifestItems(store: ObjectStore, text: string, bucket: string, key: string): unknown[] {
  const manifest = parseJson(text, `s3://${bucket}/${key}`) as {
    files?: { key: string }[];
    fileSchema?: string;
    destinationBucket?: string;
  };
  const columns = (manifest.fileSchema ?? "Bucket, Key").split(",").map((c) => c.trim());
  const source = manifest.destinationBucket?.replace(/^arn:[^:]*:s3:::/, "") ?? bucket;
  return (manifest.files ?? []).flatMap((file) => {
    const given = store.get(source, file.key);
    if (!given) throw failed(`s3://${source}/${file.key} (named by the manifest) was not given to the local run`);
    const bytes = file.key.endsWith(".gz") ? gunzipSync(given) : given;
    return (parse(Buffer.from(bytes).toString("utf8"), { relax_column_count: true, skip_empty_lines: true }) as string[][]).map((row) =>
      Object.fromEntries(columns.map((c, i) => [c, row[i] ?? ""])),
    );
  });
}

/** A Parquet file's rows as objects, by column name; 64-bit integers as numbers where exact (JSON has no other integers), else as text. */
async function parquetRows(bytes: Uint8Array, uri: string): Promise<unknown[]> {
  const { parquetReadObjects } = await import("hyparquet");
  let rows: Record<string, unknown>[];
  try {
    rows = await parquetReadObjects({ file: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer });
  } catch (error) {
    throw failed(`${uri} is not Parquet: ${(error as Error).message}`);
  }
  return JSON.parse(
    JSON.stringify(rows, (_, value: unknown) =>
      typeof value === "bigint" ? (Number.isSafeInteger(Number(value)) ? Number(value) : String(value)) : value,
    ),
  ) as unknown[];
}
