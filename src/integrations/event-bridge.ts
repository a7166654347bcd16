import { integration, type Integration, withPattern } from "./integration.js";

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
   * @example task("Announce", eventBridge.putEvents<OrderPlaced>()).parameters<Order>($ => ({ Entries: [{ Detail: $, DetailType: "OrderPlaced", Source: "shop" }] }))
   */
  putEvents<Detail = unknown>(): PutEvents<Detail> {
    const base = integration<PutEventsRequest<Detail>, PutEventsResult>({
      resource: { kind: "integration", service: "events", action: "putEvents", pattern: "requestResponse", sdk: false },
      patterns: ["requestResponse", "waitForTaskToken"],
    });
    return Object.freeze({ ...base, waitForTaskToken: () => withPattern(base, "waitForTaskToken") }) as never;
  },
};
