import type { JsonValue } from "../ir/json.js";
import { anyResource, arnOf, defineIntegration, jsonObject, resourceOf } from "./descriptor.js";
import { integration, type Integration, withPattern } from "./integration.js";

export const eventBridgePutEvents = defineIntegration({
  helper: "eventBridge.putEvents",
  service: "events",
  action: "putEvents",
  patterns: ["requestResponse", "waitForTaskToken"],
  required: ["Entries"],
  iamDocs: "https://docs.aws.amazon.com/step-functions/latest/dg/connect-eventbridge.html",
  iam: ({ request, partition, region, account }) => {
    // PutEvents on the buses the entries name; an entry without a bus goes to "default".
    const entries = jsonObject(request)?.Entries;
    const buses = Array.isArray(entries)
      ? (entries as readonly JsonValue[]).map((entry) => {
          const e = jsonObject(entry);
          if (!e) return undefined;
          if (typeof e.EventBusName === "string") return e.EventBusName;
          return e.EventBusName === undefined && !("EventBusName.$" in e) ? "default" : undefined;
        })
      : undefined;
    if (!buses || buses.includes(undefined)) return [anyResource("the event bus is chosen at run time", "events:PutEvents")];
    return [
      {
        actions: ["events:PutEvents"],
        resources: buses.map((b) => arnOf(b!, (name) => `arn:${partition}:events:${region}:${account}:event-bus/${name}`)),
      },
    ];
  },
  localRun: "mock",
});

export interface EventEntry<Detail> {
  Detail: Detail;
  DetailType: string;
  Source: string;
  EventBusName?: string;
  Resources?: string[];
}
export interface PutEventsRequest<Detail> {
  Entries: EventEntry<Detail>[];
}
export interface PutEventsResult {
  Entries: { EventId?: string; ErrorCode?: string; ErrorMessage?: string }[];
  FailedEntryCount: number;
}

export interface PutEvents<Detail> extends Integration<PutEventsRequest<Detail>, PutEventsResult> {
  waitForTaskToken<CallbackOut = unknown>(): Integration<PutEventsRequest<Detail>, CallbackOut>;
}

/** Amazon EventBridge. */
export const eventBridge = {
  /**
   * Sends events: the request (`{ Entries: [...] }`) is the state input, or what `.parameters` builds.
   * @example task("Announce", eventBridge.putEvents<Order>()).parameters<Order>($ => ({ Entries: [{ Detail: $, DetailType: "OrderPlaced", Source: "shop" }] }))
   */
  putEvents<Detail = unknown>(): PutEvents<Detail> {
    const base = integration<PutEventsRequest<Detail>, PutEventsResult>({
      resource: resourceOf(eventBridgePutEvents),
      patterns: eventBridgePutEvents.patterns,
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
