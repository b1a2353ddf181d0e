import { createSourceEventStream, execute, GraphQLError, type DocumentNode, type ExecutionArgs, type ExecutionResult } from "graphql";
import type { Logger } from "pino";
import { flatString } from "../flat-string.js";
import { feedKey, type SigapPubSub } from "./pubsub.js";
import type { PayloadOf, Topic } from "./topics.js";

/**
 * What a subscription resolver returns: the feed it listens to, and the payload that makes its
 * subscribers refetch when events may have been missed. It is also a plain async iterable, so the
 * schema still runs under graphql's own `subscribe` (one execution per subscriber there).
 */
export class Feed<T extends Topic = Topic> implements AsyncIterable<PayloadOf<T>> {
  /** The topic and id, as one key. */
  readonly key: string;

  constructor(
    readonly topic: T,
    readonly id: string,
    /** Executed instead of an event to push every subscriber what is true now. */
    readonly resync: PayloadOf<T>,
    private readonly bus: SigapPubSub,
    /**
     * What the subscriber's `subscribe` checked that the shared execution needs, e.g. the desk
     * role a queue feed's tickets answer `allowedActions` for. Subscribers of different scopes
     * never share an execution. @default null
     */
    readonly scope: string | null = null,
  ) {
    this.key = scope === null ? feedKey(topic, id) : `${feedKey(topic, id)}\u0000${scope}`;
  }

  [Symbol.asyncIterator](): AsyncIterator<PayloadOf<T>> {
    const member = new Member<PayloadOf<T>>(() => stop());
    const stop = this.bus.listen(this.topic, this.id, (p) => member.push(p));
    return member;
  }
}

/** Counters of the live subscriptions, for readiness, tests and the benchmarks. */
export interface LiveStats {
  /** Subscriptions attached now. */
  active: number;
  /** Distinct (feed, document, variables) shapes among them: each event is executed once per shape. */
  shapes: number;
  /** Feeds listened to. */
  feeds: number;
  /** Executions since start: events and resyncs times the shapes they reached. */
  executions: number;
  /** Resyncs since start. */
  resyncs: number;
}

/** A subscriber's socket: the start of its `next` messages, and how to write one. */
interface Delivery {
  head: string;
  send: (text: string) => void;
}

/** Subscribers that share one feed, one document, one operation and the same variables. */
interface Shape {
  key: string;
  args: Pick<ExecutionArgs, "schema" | "document" | "operationName" | "variableValues">;
  members: Set<Member<ExecutionResult>>;
  /** Executions of a shape run one after another, so every subscriber sees events in order. */
  tail: Promise<void>;
}

interface FeedShapes {
  feed: Feed;
  shapes: Map<string, Shape>;
  stop: () => void;
}

/**
 * The live subscriptions of this process. A subscription is authorized once, when it starts
 * (its resolver's `subscribe` runs with the subscriber's credentials), and then joins the
 * subscribers of the same shape: one feed, one document, one operation, the same variables. An
 * event is executed once per shape and the one result goes to every member, so 10,000 trackers
 * of one ticket cost one execution and one view fetch, not 10,000.
 *
 * Because one execution serves many subscribers, it runs with a context that carries no
 * credentials: whatever a subscription shows must follow from what its `subscribe` checked (the
 * feed), never from who is asking. A resolver that asked would fail with UNAUTHENTICATED, not leak.
 */
export class LiveSubscriptions {
  private readonly feeds = new Map<string, FeedShapes>();
  /** Where a subscription's results can be written as text directly, by its context. */
  private readonly sockets = new WeakMap<object, Delivery>();
  private count = 0;
  private executions = 0;
  private resyncs = 0;

  constructor(
    private readonly bus: SigapPubSub,
    /** The credential-free context shared executions of a feed run with (it may carry the feed's scope). */
    private readonly sharedContext: (feed: Feed) => unknown,
    private readonly log: Logger,
  ) {
    bus.onResync((keys) => this.resync(keys));
  }

  /** How many subscriptions are attached now. */
  get active(): number {
    return this.count;
  }

  /** The counters. */
  stats(): LiveStats {
    let shapes = 0;
    for (const f of this.feeds.values()) shapes += f.shapes.size;
    return { active: this.count, shapes, feeds: this.feeds.size, executions: this.executions, resyncs: this.resyncs };
  }

  /**
   * Lets the results of the subscription started with this context be written straight to its
   * socket: the shared result is serialized once per execution and each subscriber's message is
   * that text with its own id around it, instead of graphql-ws serializing the same result once
   * per subscriber. graphql-ws still owns the protocol: init, subscribe, complete, errors.
   */
  bindSocket(contextValue: object, id: string, send: (text: string) => void): void {
    // Kept while the subscriber stays: flat, not the pieces the template joined.
    this.sockets.set(contextValue, { head: flatString(`{"id":${JSON.stringify(id)},"type":"next","payload":`), send });
  }

  /** The feed a subscription resolver returns; `scope` separates subscribers whose shared executions must differ. */
  feed<T extends Topic>(topic: T, id: string, resync: PayloadOf<T>, scope: string | null = null): Feed<T> {
    return new Feed(topic, id, resync, this.bus, scope);
  }

  /**
   * Starts a subscription (graphql-ws's `subscribe` hook): runs the resolver's `subscribe` with
   * the subscriber's context, then joins its shape. Errors come back as a result, as from graphql.
   */
  async subscribe(args: ExecutionArgs): Promise<AsyncIterableIterator<ExecutionResult> | ExecutionResult> {
    const source = await createSourceEventStream(args);
    if (!(source instanceof Feed)) {
      if (Symbol.asyncIterator in source) {
        await (source as Partial<AsyncIterator<unknown>>).return?.();
        return { errors: [new GraphQLError("This subscription's resolver must return services.live.feed(…).")] };
      }
      return source as ExecutionResult;
    }
    // Kept while the shape has members: flat, not the pieces the template joined.
    const shapeKey = flatString(`${documentId(args.document)}\u0000${args.operationName ?? ""}\u0000${JSON.stringify(args.variableValues ?? null)}`);
    let entry = this.feeds.get(source.key);
    if (!entry) {
      const fresh: FeedShapes = { feed: source, shapes: new Map(), stop: () => undefined };
      fresh.stop = this.bus.listen(source.topic, source.id, (payload) => this.dispatch(fresh, payload));
      this.feeds.set(source.key, (entry = fresh));
    }
    let shape = entry.shapes.get(shapeKey);
    if (!shape) {
      const { schema, document, operationName, variableValues } = args;
      shape = { key: shapeKey, args: { schema, document, operationName, variableValues }, members: new Set(), tail: Promise.resolve() };
      entry.shapes.set(shapeKey, shape);
    }
    const [feed, joined] = [entry, shape];
    const member: Member<ExecutionResult> = new Member<ExecutionResult>(() => this.leave(feed, joined, member));
    member.direct = this.sockets.get(args.contextValue as object) ?? null;
    shape.members.add(member);
    this.count++;
    return member;
  }

  /** Pushes every subscriber of the given feeds (null: of every feed) what is true now. */
  resync(keys: ReadonlySet<string> | null): void {
    this.resyncs++;
    for (const entry of this.feeds.values()) {
      // A fresh object per resync: per-event caches (the reporter's view) key on its identity.
      // The bus names feeds by topic and id; a scoped feed resyncs with its unscoped name.
      if (!keys || keys.has(feedKey(entry.feed.topic, entry.feed.id))) this.dispatch(entry, { ...entry.feed.resync });
    }
  }

  private dispatch(entry: FeedShapes, payload: unknown): void {
    for (const shape of entry.shapes.values()) {
      shape.tail = shape.tail.then(() => this.run(shape, payload, entry.feed));
    }
  }

  private async run(shape: Shape, payload: unknown, feed: Feed): Promise<void> {
    if (!shape.members.size) return;
    this.executions++;
    let result: ExecutionResult;
    try {
      result = await execute({ ...shape.args, rootValue: payload, contextValue: this.sharedContext(feed) });
    } catch (err) {
      this.log.error({ err }, "a live subscription failed to execute");
      result = { errors: [new GraphQLError("Something went wrong on our side; it has been logged.")] };
    }
    // Errors go through graphql-ws, which formats (masks) them; data goes out as shared text.
    let text: string | null = null;
    for (const m of shape.members) {
      if (m.direct && !result.errors) m.direct.send(`${m.direct.head}${(text ??= JSON.stringify(result))}}`);
      else m.push(result);
    }
  }

  private leave(entry: FeedShapes, shape: Shape, member: Member<ExecutionResult>): void {
    if (!shape.members.delete(member)) return;
    this.count--;
    if (shape.members.size) return;
    entry.shapes.delete(shape.key);
    if (entry.shapes.size) return;
    entry.stop();
    if (this.feeds.get(entry.feed.key) === entry) this.feeds.delete(entry.feed.key);
  }
}

/**
 * One subscriber's end of a feed: an async iterator with a small queue. A class, not closures,
 * so ten thousand idle subscribers share their methods.
 */
class Member<T> implements AsyncIterableIterator<T> {
  /** Set when results can be written to the subscriber's socket as text. */
  direct: Delivery | null = null;
  private queue: T[] | null = null;
  private waiting: ((r: IteratorResult<T>) => void) | null = null;
  private done = false;

  constructor(private readonly onEnd: () => void) {}

  push(value: T): void {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = null;
      w({ value, done: false });
    } else (this.queue ??= []).push(value);
  }

  next(): Promise<IteratorResult<T>> {
    if (this.queue?.length) return Promise.resolve({ value: this.queue.shift()!, done: false });
    if (this.done) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<T>> {
    this.finish();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private finish(): void {
    if (this.done) return;
    this.done = true;
    this.queue = null;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onEnd();
  }
}

const documentIds = new WeakMap<DocumentNode, number>();
let nextDocumentId = 0;

/** A number per parsed document: with the document cache, one query text is one document. */
function documentId(doc: DocumentNode): number {
  let id = documentIds.get(doc);
  if (id === undefined) documentIds.set(doc, (id = ++nextDocumentId));
  return id;
}
