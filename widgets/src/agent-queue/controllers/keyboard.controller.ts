import type { ReactiveController, ReactiveControllerHost } from "lit";

/** What a key does in a list of rows: move to another row's index, open the row, or nothing. */
export type RowMove = number | "open" | undefined;

/** The row a key moves to from row `i` of `length` (arrows and j/k, Home, End; Enter and Space open it). */
export function rowMove(key: string, i: number, length: number): RowMove {
  const clamp = (j: number): number => Math.max(0, Math.min(length - 1, j));
  switch (key) {
    case "ArrowDown":
    case "j":
      return clamp(i + 1);
    case "ArrowUp":
    case "k":
      return clamp(i - 1);
    case "Home":
      return 0;
    case "End":
      return length - 1;
    case "Enter":
    case " ":
      return "open";
    default:
      return undefined;
  }
}

/** What a {@link RowKeysController} reads of and does to its host's rows. */
export interface RowKeysOptions {
  /** The ids of the rows, in order. */
  ids(): readonly string[];
  /** The row element of an id. */
  element(id: string): HTMLElement | null;
  /** The row currently focused in the list, if any. */
  focused(): HTMLElement | null;
  /** Makes a row the list's one tab stop. */
  activate(id: string): void;
  /** Opens a row's ticket. */
  open(id: string): void;
}

/**
 * Roving focus over a list of rows (one tab stop; arrows, j/k, Home and End move, Enter and Space open),
 * and focus kept on the same ticket when a live reorder reuses a focused row for another one.
 */
export class RowKeysController implements ReactiveController {
  /** The row that holds the tab stop. */
  active = "";

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: RowKeysOptions,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const focused = this.options.focused();
    if (focused && focused.dataset["id"] !== this.active) this.options.element(this.active)?.focus();
  }

  /** The keydown handler of the rows' container. */
  readonly handleKey = async (e: KeyboardEvent): Promise<void> => {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    const ids = this.options.ids();
    const i = ids.indexOf(id ?? "");
    if (i < 0) return;
    const move = rowMove(e.key, i, ids.length);
    if (move === undefined) return;
    e.preventDefault();
    if (move === "open") return this.options.open(ids[i]!);
    this.active = ids[move]!;
    this.options.activate(this.active);
    this.host.requestUpdate();
    await this.host.updateComplete;
    this.options.element(this.active)?.focus();
  };

  /** The focusin handler of the rows' container: the focused row becomes the tab stop. */
  readonly handleFocus = (e: FocusEvent): void => {
    const id = (e.target as HTMLElement).closest("tr")?.dataset["id"];
    if (id && id !== this.active) {
      this.active = id;
      this.options.activate(id);
    }
  };
}
