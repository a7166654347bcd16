export type QueryLanguage = "JSONPath" | "JSONata";
