// The message-buffer activities the bpmnProcess workflow calls when a message subscription opens (Camunda 8's message
// buffering): take a buffered message for the case's process, or give one back that the case could not take.

/** What a subscription looks for: the message, and the case's process and street (the publisher's streets must include it). */
export interface TakeBufferedMessageInput {
  name: string;
  correlationKey: string;
  definitionKey: string;
  street: string | null;
}

/** A buffered message taken for a process: its buffer row, payload, publisher and message id. */
export interface BufferedMessage {
  id: string;
  variables: Record<string, unknown>;
  publishedBy: string;
  messageId: string | null;
}

/** A message taken for a process that its case could not correlate after all (the subscription was gone). */
export interface ReleaseBufferedMessageInput {
  id: string;
  definitionKey: string;
}

/** The message-buffer activities (registered by every worker under these names). */
export interface MessageBufferActivities {
  /** Takes the oldest unexpired buffered message of this name and key that the process has not had yet; null when none. */
  takeBufferedMessage(input: TakeBufferedMessageInput): Promise<BufferedMessage | null>;
  /** Gives a taken message back to the process, so another of its cases may take it. */
  releaseBufferedMessage(input: ReleaseBufferedMessageInput): Promise<void>;
}
