// The message-buffer activities: a case's new message subscription takes a buffered message for its process, or gives
// back one its case could not correlate (store/messageBuffer.ts does the atomic take).
import type { MessageBufferActivities } from '../contracts/messageBuffer';
import { releaseForProcess, takeBufferedMessage as take } from '../store/messageBuffer';

/** Takes the oldest unexpired buffered message of the name and key for the case's process and street; null when none. */
export const takeBufferedMessage: MessageBufferActivities['takeBufferedMessage'] = (input) => take(input);

/** Gives a taken message back to the process. */
export const releaseBufferedMessage: MessageBufferActivities['releaseBufferedMessage'] = ({ id, definitionKey }) => releaseForProcess(id, definitionKey);
