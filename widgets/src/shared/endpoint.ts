/** The gateway URL a widget uses when the page gives none: the origin the script came from. */
export function defaultEndpoint(scriptUrl: string): string {
  return new URL("/graphql", scriptUrl).toString();
}
