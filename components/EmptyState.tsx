import type { ReactNode } from 'react';

/** Empty states teach the next step rather than just saying "nothing here". */
export function EmptyState({ title, body, children }: { title: string; body: string; children?: ReactNode }) {
  return (
    <section className="empty" aria-live="polite">
      <h2>{title}</h2>
      <p>{body}</p>
      {children}
    </section>
  );
}
