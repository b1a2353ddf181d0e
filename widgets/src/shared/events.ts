/** Dispatches a typed, bubbling, composed `sigap-*` event from a widget. */
export function emit<D>(host: HTMLElement, name: `sigap-${string}`, detail: D): boolean {
  return host.dispatchEvent(new CustomEvent<D>(name, { detail, bubbles: true, composed: true, cancelable: true }));
}
