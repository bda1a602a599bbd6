// Guards every MongoDB wire connection against replies that arrive out of step with requests.
//
// The mongodb driver (6.9+) reads "the next message on the socket" as the reply to a command and never compares its
// `responseTo` with the request's id. FerretDB v1 answers even an OP_MSG sent with the `moreToCome` flag (an
// unacknowledged, `w: 0` write), which the driver does not read: the stray answer is then taken as the reply to the
// next command on that connection, and every later command on it gets its predecessor's reply (a sign-in read another
// user's document). This connection class refuses to send unacknowledged writes and fails closed — the connection is
// destroyed and the command fails — on a reply whose `responseTo` is not the request it waits for.
import { MongoUnexpectedServerResponseError, type MongoClientOptions } from 'mongodb';

/** The parts of the driver's internal Connection class this guard builds on. */
interface DriverMessage {
  requestId: number;
  moreToCome?: boolean;
  responseTo?: number;
}
interface DriverConnection {
  address: string;
  writeCommand(command: DriverMessage, options: unknown): Promise<void>;
  readMany(options: unknown): AsyncGenerator<DriverMessage>;
  onError(error: Error): void;
}
type DriverConnectionClass = new (...args: never[]) => DriverConnection;

// The driver does not export its Connection class; `connectionType` is the client option that takes a subclass.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Connection } = require('mongodb/lib/cmap/connection') as { Connection: DriverConnectionClass };

/** Raised when a command would be sent as an unacknowledged write, which FerretDB would answer out of step. */
export class UnacknowledgedWriteRefused extends Error {
  constructor() {
    super('unacknowledged writes (writeConcern w: 0) are refused: FerretDB answers them, and the answer would be read as the reply to the next command');
    this.name = 'UnacknowledgedWriteRefused';
  }
}

/** A driver connection that checks each reply's `responseTo` and refuses `moreToCome` requests. */
export class CheckedConnection extends Connection {
  /** The request id the next reply must answer, or null when no reply is awaited. */
  private awaited: number | null = null;

  override async writeCommand(command: DriverMessage, options: unknown): Promise<void> {
    if (command.moreToCome) throw new UnacknowledgedWriteRefused();
    this.awaited = command.requestId;
    return super.writeCommand(command, options);
  }

  override async *readMany(options: unknown): AsyncGenerator<DriverMessage> {
    for await (const reply of super.readMany(options)) {
      if (this.awaited === null || reply.responseTo !== this.awaited) {
        const error = new MongoUnexpectedServerResponseError(
          `reply out of step on connection to ${this.address}: it answers request ${reply.responseTo}, awaited ${this.awaited ?? 'none'}; the connection is closed`,
        );
        this.awaited = null;
        this.onError(error);
        throw error;
      }
      // In a multi-reply (exhaust) stream each reply answers the one before it.
      this.awaited = reply.moreToCome ? (reply.requestId ?? null) : null;
      yield reply;
    }
  }
}

/** Client options that make every connection of a MongoClient (or mongoose) a CheckedConnection. */
export const checkedConnectionOptions = { connectionType: CheckedConnection } as unknown as MongoClientOptions;
