/**
 * Answers about an element kept for the current task only: a site reader asks the same questions
 * of a post for its key, its thread and (for a mention) its full read, and of a comment's post for
 * each comment. Cleared once the task's synchronous work is done (a microtask), so a later change
 * to the page is always read afresh.
 */
export function thisTask<V>(): { get(el: Element, read: () => V): V } {
  const answers = new Map<Element, V>();
  return {
    get(el, read) {
      if (answers.has(el)) return answers.get(el) ?? read();
      if (answers.size === 0) queueMicrotask(() => answers.clear());
      const answer = read();
      answers.set(el, answer);
      return answer;
    },
  };
}
