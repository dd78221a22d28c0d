/**
 * What the post answers, when it does not say so itself: on X a reply's text leaves out the
 * handles it replies to, Facebook comments sit under someone's post, and most X quotes carry no
 * link. The agent reads the reply in that context. Everything here is page text: rendered as text.
 */
import { i18n } from '#i18n';
import type { Post } from '@/lib/schemas/posts';

type Context = Pick<Post, 'site' | 'replyToHandles' | 'threadOwner' | 'quotedAuthorHandle' | 'quotedText'>;

export function PostContext({ post }: { post: Context }) {
  // X writes handles as "@name"; Facebook pages and profiles go by their plain name.
  const at = (handle: string) => (post.site === 'x' && !handle.startsWith('@') ? `@${handle}` : handle);
  const replyTo = post.replyToHandles.map(at);
  const owner = post.threadOwner && !post.replyToHandles.some((h) => h.toLowerCase() === post.threadOwner?.toLowerCase()) ? at(post.threadOwner) : undefined;
  const quoted = post.quotedAuthorHandle ? at(post.quotedAuthorHandle) : undefined;
  if (replyTo.length === 0 && !owner && !quoted && !post.quotedText) return null;
  return (
    <div className="post-context">
      {replyTo.length > 0 && <p className="muted">{i18n.t('queue.replyTo', [replyTo.join(' ')])}</p>}
      {owner && <p className="muted">{i18n.t('queue.inThread', [owner])}</p>}
      {(quoted || post.quotedText) && (
        <blockquote className="quoted">
          {quoted && <p className="muted">{i18n.t('queue.quotes', [quoted])}</p>}
          {post.quotedText && <p className="post-text">{post.quotedText}</p>}
        </blockquote>
      )}
    </div>
  );
}
