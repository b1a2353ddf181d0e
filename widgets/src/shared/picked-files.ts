/**
 * The files of a drop or a paste, read while the event is dispatched (its data is gone after).
 * A drop is always taken (else the browser opens the file in place of the page); a paste only
 * when it carries files, so text still pastes as text.
 */
export function pickedFiles(e: Event): File[] {
  const files = [...((e as DragEvent).dataTransfer?.files ?? (e as ClipboardEvent).clipboardData?.files ?? [])];
  if (e.type === "drop" || (e.type === "paste" && files.length)) e.preventDefault();
  return files;
}
