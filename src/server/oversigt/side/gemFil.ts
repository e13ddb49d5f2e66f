/** Saves a fetched file under `navn` (a Blob fetched with the token: a plain link cannot send it). */
export function gemBlob(blob: Blob, navn: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = navn;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
