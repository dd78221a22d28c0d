/**
 * Big bundles travel to the background in parts: an extension message is capped (Chrome: 64 MiB,
 * "exceeded 64MiB" otherwise), so a file's text is sent as numbered parts of `PART_CHARS` and put
 * back together there before it is parsed. Files above `MAX_BUNDLE_BYTES` are refused up front
 * with their size in plain words.
 */

/** Characters per message (≤ 24 MB as UTF-8, well under the cap). */
export const PART_CHARS = 8 * 1024 * 1024;
/** A quarter of one agent's replies is a few MB; 150 MB leaves room without risking the worker's memory. */
export const MAX_BUNDLE_BYTES = 150 * 1024 * 1024;
export const MAX_PARTS = Math.ceil((MAX_BUNDLE_BYTES * 2) / PART_CHARS);

export function splitParts(text: string, size = PART_CHARS): string[] {
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += size) {
    // Never cut a surrogate pair: both halves go in the same part.
    let end = Math.min(text.length, i + size);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    parts.push(text.slice(i, end));
    i = end - size;
  }
  return parts;
}

/** The background's side: parts kept in memory until the import asks for the whole text. */
export class UploadParts {
  private readonly uploads = new Map<string, string[]>();

  constructor(private readonly maxUploads = 20) {}

  add(uploadId: string, index: number, text: string): void {
    let parts = this.uploads.get(uploadId);
    if (!parts) {
      // The oldest unfinished upload goes first when a page keeps starting new ones.
      if (this.uploads.size >= this.maxUploads) {
        const oldest = this.uploads.keys().next().value;
        if (oldest !== undefined) this.uploads.delete(oldest);
      }
      parts = [];
      this.uploads.set(uploadId, parts);
    }
    parts[index] = text;
  }

  /** The whole text, or undefined when a part is missing (a restarted worker lost them). Forgets the upload. */
  take(uploadId: string, count: number): string | undefined {
    const parts = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (!parts || parts.length !== count) return undefined;
    for (let i = 0; i < count; i++) if (parts[i] === undefined) return undefined;
    return parts.join('');
  }
}
