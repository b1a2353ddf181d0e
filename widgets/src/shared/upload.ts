import { NETWORK_MESSAGE, SigapRequestError, toRequestError } from "../client/graphql-error.js";

/** What the gateway's `POST /uploads` answers with 201. */
export interface UploadedFile {
  id: string;
  filename: string;
  contentType: string;
  size: number;
}

/**
 * Uploads one evidence file to the gateway that serves `graphqlUrl` (multipart field `file`, with
 * `credentials`: the site key header, or an agent's authorization) and returns its receipt, or
 * throws SigapRequestError like `request()`.
 */
export async function uploadFile(graphqlUrl: string, credentials: Record<string, string>, file: File, signal?: AbortSignal): Promise<UploadedFile> {
  const body = new FormData();
  body.append("file", file, file.name);
  let response: Response;
  try {
    // The upload route sits at the gateway's root, whatever path the GraphQL endpoint has.
    response = await fetch(new URL("/uploads", new URL(graphqlUrl, document.baseURI)), { method: "POST", headers: credentials, body, signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SigapRequestError(NETWORK_MESSAGE, "NETWORK_ERROR");
  }
  const json = (await response.json().catch(() => null)) as (Partial<UploadedFile> & { errors?: Parameters<typeof toRequestError>[0] }) | null;
  if (response.status === 201 && typeof json?.id === "string") return json as UploadedFile;
  if (json?.errors?.length) throw toRequestError(json.errors);
  throw new SigapRequestError(`The upload failed (HTTP ${response.status}).`, response.status >= 500 ? "INTERNAL_SERVER_ERROR" : "BAD_REQUEST");
}
