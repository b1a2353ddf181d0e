import type { ReactiveController, ReactiveControllerHost } from "lit";

/** The title's count as shown: up to 99, then "99+" (the gateway counts at most 100). */
export function countLabel(n: number): string {
  return n > 99 ? "99+" : String(n);
}

/** A title with the count in front, `(3) Desk`; the title alone for 0. */
export function titleWithCount(title: string, n: number): string {
  return n > 0 ? `(${countLabel(n)}) ${title}` : title;
}

/** Where the controller reads and writes the title (the document; a plain object in tests). */
export interface TitleTarget {
  title: string;
}

/**
 * Puts a count in front of the page's title while on, and gives the page its own title back when
 * turned off or when the host leaves the page. A title the page sets meanwhile becomes the new base.
 */
export class TitleCountController implements ReactiveController {
  private base: string | null = null;
  private shown: string | null = null;

  constructor(
    host: ReactiveControllerHost,
    private readonly target: TitleTarget = document,
  ) {
    host.addController(this);
  }

  /** Shows `n` in the title. */
  show(n: number): void {
    // The page changed its title since we last wrote it: that is the title to count on.
    if (this.shown === null || this.target.title !== this.shown) this.base = this.target.title;
    this.shown = titleWithCount(this.base ?? "", n);
    this.target.title = this.shown;
  }

  /** Gives the page its title back. */
  restore(): void {
    if (this.base !== null && this.target.title === this.shown) this.target.title = this.base;
    this.base = this.shown = null;
  }

  hostDisconnected(): void {
    this.restore();
  }
}
