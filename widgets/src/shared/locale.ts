import type { ReactiveController, ReactiveControllerHost } from "lit";

/** The languages the widgets speak. */
export type Lang = "en" | "id";

/**
 * A widget's message catalogue. English is always there; the Indonesian table (same keys) is set
 * by the widget's `*.id.ts` module, which only Indonesian readers load (see {@link lazyWords}).
 */
export interface Messages<K extends string> {
  en: Record<K, string>;
  id?: Record<K, string>;
}

/** A widget's Indonesian words, fetched the first time a reader needs them. */
export interface LazyWords {
  /** Whether they are in place. */
  readonly ready: boolean;
  /** Fetches them (once per page) and puts them in their catalogues. */
  load(): Promise<void>;
}

/** Wraps the dynamic import of a words module (`*.id.ts`, or `*.en.ts`) whose default export fills its catalogues. */
export function lazyWords(load: () => Promise<{ default: () => void }>): LazyWords {
  let loading: Promise<void> | undefined;
  const words = {
    ready: false,
    load: () =>
      (loading ??= load().then((m) => {
        m.default();
        words.ready = true;
      })),
  };
  return words;
}

/** Picks a supported language from a BCP 47 tag: `id`, `id-ID`, `in` → id; anything else → en. */
export function toLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "id" || primary === "in" ? "id" : "en";
}

/**
 * Tracks the language a widget should speak: its own `lang` attribute, else the nearest
 * ancestor's, else the page's `<html lang>`; re-renders the host when the page's changes.
 * Indonesian words are loaded on first need; until they arrive the widget speaks English
 * (text, dates and durations alike), then re-renders.
 */
export class LocaleController implements ReactiveController {
  private observer?: MutationObserver;
  private waiting = false;

  private waitingEnglish = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    /** The widget's Indonesian words. */
    private readonly indonesian: LazyWords,
    /** The widget's English words, when they too are loaded on demand (the report form, to stay small). */
    private readonly english?: LazyWords,
  ) {
    host.addController(this);
  }

  /** The language asked for: the widget's, an ancestor's or the page's `lang` (even while its words load). */
  get wanted(): Lang {
    return toLang(this.host.closest("[lang]")?.getAttribute("lang") ?? document.documentElement.lang);
  }

  /** Whether the words to render with are here (always, unless English is loaded on demand too). */
  get ready(): boolean {
    void this.lang; // starts whatever load is needed
    return this.wanted === "id" && this.indonesian.ready ? true : !this.english || this.english.ready;
  }

  /** The language now: the one asked for, once its words are here. */
  get lang(): Lang {
    const lang = this.wanted;
    if (lang === "id" && this.indonesian.ready) return lang;
    if (lang === "id" && !this.waiting) {
      this.waiting = true;
      // A failed load (offline) falls back to English rather than leaving the widget broken.
      this.indonesian.load().then(
        () => this.host.requestUpdate(),
        () => this.loadEnglish(),
      );
    }
    if (lang === "en") this.loadEnglish();
    return "en";
  }

  private loadEnglish(): void {
    if (!this.english || this.english.ready || this.waitingEnglish) return;
    this.waitingEnglish = true;
    this.english.load().then(() => this.host.requestUpdate(), () => undefined);
  }

  /** The BCP 47 tag for Intl formatting. */
  get locale(): string {
    return this.lang === "id" ? "id-ID" : "en-GB";
  }

  /** One message, with `{name}` placeholders filled in. */
  t<K extends string>(messages: Messages<K>, key: K, values: Record<string, string | number> = {}): string {
    return (messages[this.lang] ?? messages.en)[key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
  }

  /** A date and time in the reader's locale and time zone. */
  dateTime(iso: string | null | undefined): string {
    if (!iso) return "";
    return new Intl.DateTimeFormat(this.locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));
  }

  /** A duration such as "1 h 5 min" / "1 jam 5 mnt", for SLA countdowns. */
  duration(ms: number): string {
    const total = Math.round(Math.abs(ms) / 60_000);
    const h = Math.floor(total / 60);
    const m = total % 60;
    const [hu, mu] = this.lang === "id" ? ["jam", "mnt"] : ["h", "min"];
    return h ? `${h} ${hu} ${m} ${mu}` : `${m} ${mu}`;
  }

  hostConnected(): void {
    this.observer = new MutationObserver(() => this.host.requestUpdate());
    this.observer.observe(document.documentElement, { attributes: true, attributeFilter: ["lang"] });
    this.observer.observe(this.host, { attributes: true, attributeFilter: ["lang"] });
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
  }
}
