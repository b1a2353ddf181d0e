/**
 * Reads a PDF the gateway sent the way a person would: its text, page by page, joined. Tests
 * check what a downloaded document says (a ticket code, an approver's name) with it.
 */
import { extractText, getDocumentProxy } from "unpdf";

/** The text of every page of a PDF, pages separated by a blank line. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  return text.join("\n\n");
}
