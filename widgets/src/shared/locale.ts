import type { ReactiveController, ReactiveControllerHost } from "lit";

/** The languages the widgets speak. */
export type Lang = "en" | "id";

/** A widget's message catalogue: the same keys in every language. */
export type Messages<K extends string> = Record<Lang, Record<K, string>>;

/** Picks a supported language from a BCP 47 tag: `id`, `id-ID`, `in` → id; anything else → en. */
export function toLang(tag: string | null | undefined): Lang {
  const primary = (tag ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return primary === "id" || primary === "in" ? "id" : "en";
}

/**
 * Tracks the language a widget should speak: its own `lang` attribute, else the nearest
 * ancestor's, else the page's `<html lang>`; re-renders the host when the page's changes.
 */
export class LocaleController implements ReactiveController {
  private observer?: MutationObserver;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement) {
    host.addController(this);
  }

  /** The language now. */
  get lang(): Lang {
    const holder = this.host.closest("[lang]");
    return toLang(holder?.getAttribute("lang") ?? document.documentElement.lang);
  }

  /** The BCP 47 tag for Intl formatting. */
  get locale(): string {
    return this.lang === "id" ? "id-ID" : "en-GB";
  }

  /** One message, with `{name}` placeholders filled in. */
  t<K extends string>(messages: Messages<K>, key: K, values: Record<string, string | number> = {}): string {
    return messages[this.lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
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
