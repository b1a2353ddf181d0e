/** The gateway's CSV exports (README "Recaps and exports"), fetched with the bearer token and saved through a blob: URL. */

/** The exports the report downloads. */
export type ExportFile = "tickets.csv" | "recap.csv" | "work-orders.csv";

/** The URL of an export, beside the gateway's GraphQL endpoint. */
export function exportUrl(graphqlUrl: string, file: ExportFile, params: Record<string, string | null | undefined>, base = document.baseURI): string {
  const url = new URL(`exports/${file}`, new URL(".", new URL(graphqlUrl, base)));
  for (const [name, value] of Object.entries(params)) if (value) url.searchParams.set(name, value);
  return url.toString();
}

/** Fetches a file with the token and hands it to the browser to save as `name`; throws with the gateway's message on refusal. */
export async function download(url: string, token: string, name: string): Promise<void> {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { errors?: Array<{ message: string }> } | null;
    throw new Error(body?.errors?.[0]?.message ?? String(response.status));
  }
  const href = URL.createObjectURL(await response.blob());
  const link = Object.assign(document.createElement("a"), { href, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}
