/**
 * Facebook's side of sent detection: no confirmation toast worth reading, so the reply is the new
 * comment carrying its text. Any navigation leaves the post.
 */
import type { SentDetection } from '../types';

export const facebookSent: SentDetection = {
  confirmation: () => undefined,
  isOurReply: (post, { sameText }) => post.kind === 'comment' && sameText,
  staysOnPost: () => false,
};
