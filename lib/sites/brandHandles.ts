/**
 * The brand's own handles (and page names) as the readers compare them: without a leading "@",
 * lowercased, since sites show handles in any case. Built once per handle list, not per post.
 */
export function brandHandleSet(handles: readonly string[]): ReadonlySet<string> {
  return new Set(handles.map((handle) => handle.replace(/^@/, '').toLowerCase()));
}
