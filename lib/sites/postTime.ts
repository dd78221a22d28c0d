/**
 * Dates a site shows only as words ("3 hrs", "Yesterday at 11:02", "30 мая в 11:02"): the page
 * sends the words and when it read them (`Post.timeLabels` at `seenAt`), and the background turns
 * them into a timestamp here, before anything is written. Each site's parser lives in its folder.
 */
import type { BrandReply, Post } from '../schemas/posts';
import type { Site } from '../schemas/primitives';
import { parseFacebookTime } from './facebook/time';

type TimeParser = (label: string, now: number) => number | undefined;

/** Sites whose pages show dates as words; X writes a machine-readable `datetime`. */
const TIME_PARSERS: Readonly<Record<Site, TimeParser | undefined>> = { x: undefined, facebook: parseFacebookTime };

/** The first label that reads as a time, as epoch ms; undefined when none does. */
export function timeFromLabels(site: Site, labels: readonly string[] | undefined, readAt: number): number | undefined {
  const parse = TIME_PARSERS[site];
  if (!parse || !labels) return undefined;
  for (const label of labels) {
    const at = parse(label, readAt);
    // What the page would have refused as a `createdAt`: move on, never guess.
    if (at !== undefined && Number.isFinite(at) && at >= 0) return Math.trunc(at);
  }
  return undefined;
}

/** The post with its labels turned into `createdAt` (a timestamp the page read wins) and dropped. */
export function settlePostTime(post: Post): Post {
  const { timeLabels, ...rest } = post;
  if (timeLabels === undefined || rest.createdAt !== undefined) return rest;
  const createdAt = timeFromLabels(post.site, timeLabels, post.seenAt);
  return createdAt === undefined ? rest : { ...rest, createdAt };
}

/** The same for a brand reply seen on `site`; a reply without a read time keeps what it has. */
export function settleReplyTime(site: Site, reply: BrandReply): BrandReply {
  const { timeLabels, readAt, ...rest } = reply;
  if (timeLabels === undefined || readAt === undefined || rest.createdAt !== undefined) return rest;
  const createdAt = timeFromLabels(site, timeLabels, readAt);
  return createdAt === undefined ? rest : { ...rest, createdAt };
}
