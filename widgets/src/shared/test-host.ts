import type { ReactiveController, ReactiveControllerHost } from "lit";

/** A controller host for unit tests in Node: counts the updates its controllers ask for. */
export class TestHost implements ReactiveControllerHost {
  /** The controllers added. */
  readonly controllers: ReactiveController[] = [];
  /** How many updates were requested. */
  updates = 0;

  addController(c: ReactiveController): void {
    this.controllers.push(c);
  }
  removeController(c: ReactiveController): void {
    this.controllers.splice(this.controllers.indexOf(c), 1);
  }
  requestUpdate(): void {
    this.updates++;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
}
