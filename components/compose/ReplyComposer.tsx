/** The reply composer for the open queue item. */
export { ReplyComposerMinimal as ReplyComposer } from '../ReplyComposerMinimal';
