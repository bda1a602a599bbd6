// The wire-level guard against out-of-step database replies (issue 10, defect 0), on the run's real FerretDB or MongoDB.
import { randomUUID } from 'node:crypto';
import { type Db, MongoClient, type MongoClientOptions, MongoUnexpectedServerResponseError } from 'mongodb';
import { CheckedConnection, checkedConnectionOptions, UnacknowledgedWriteRefused } from '../../store/mongoReplyGuard';

type Doc = { _id: string; name: string };

/** A CheckedConnection that lets `moreToCome` writes through, to put a connection out of step on purpose. */
class PermissiveConnection extends CheckedConnection {
  override async writeCommand(command: { requestId: number; moreToCome?: boolean }, options: unknown): Promise<void> {
    const driverWrite = Object.getPrototypeOf(CheckedConnection.prototype).writeCommand as CheckedConnection['writeCommand'];
    return command.moreToCome ? driverWrite.call(this, command, options) : super.writeCommand(command, options);
  }
}

describe('out-of-step database replies', () => {
  const base = process.env.SPARROW_TEST_MONGODB_URI!;
  const clients: MongoClient[] = [];
  let isFerretDb = false;

  /** A client with one pooled connection, so every command uses the same socket. */
  async function connect(options: MongoClientOptions): Promise<Db> {
    const client = new MongoClient(base, { maxPoolSize: 1, ...options });
    clients.push(client);
    await client.connect();
    const db = client.db(`sparrow_guard_${randomUUID().slice(0, 8)}`);
    await db.collection<Doc>('users').insertMany([
      { _id: 'admin', name: '管理员' },
      { _id: 'bajiao-staff', name: '八角执法队员' },
    ]);
    return db;
  }

  beforeAll(async () => {
    const client = new MongoClient(base);
    const info = await client.db('admin').command({ buildInfo: 1 });
    isFerretDb = info.ferretdbVersion !== undefined || info.ferretdb !== undefined;
    await client.close();
  });
  afterAll(async () => {
    for (const client of clients) await client.db().dropDatabase().catch(() => undefined);
    await Promise.all(clients.map((c) => c.close()));
  });

  it('shows the defect: after a w:0 write an unguarded connection answers a lookup with the reply to another request', async () => {
    // given the driver's own connection class and one pooled connection
    const users = (await connect({})).collection<Doc>('users');

    // when an unacknowledged delete (the write connect-mongo's session sweep used to send) precedes a lookup
    await users.deleteMany({ _id: 'nobody' }, { writeConcern: { w: 0 } });
    const first = await users.findOne({ _id: 'admin' }).then((doc) => doc, (error: Error) => error);

    if (isFerretDb) {
      // then FerretDB's answer to the w:0 write is read as the lookup's reply (the driver does not check responseTo);
      // the lookup after it may get the first lookup's reply — another user's document, as in the review
      expect(first).toBeInstanceOf(MongoUnexpectedServerResponseError);
      expect((first as Error).message).toMatch(/cursor/);
    } else {
      // (MongoDB sends no answer to a w:0 write: the lookups stay in step)
      expect(first).toMatchObject({ _id: 'admin' });
    }
  });

  it('should refuse an unacknowledged write before sending it, and keep the connection in step', async () => {
    // given Sparrow's connection class
    const users = (await connect(checkedConnectionOptions)).collection<Doc>('users');

    // when a w:0 write is attempted
    const refused = await users.deleteMany({ _id: 'admin' }, { writeConcern: { w: 0 } }).then(() => null, (error: Error) => error);

    // then it is refused with a reason, nothing was deleted, and lookups answer what they asked for
    expect(refused).toBeInstanceOf(UnacknowledgedWriteRefused);
    expect(await users.findOne({ _id: 'admin' })).toMatchObject({ _id: 'admin' });
    expect(await users.findOne({ _id: 'bajiao-staff' })).toMatchObject({ _id: 'bajiao-staff' });
  });

  it('should fail a command closed when its reply answers another request, and close that connection', async () => {
    // given a connection that can be put out of step (the reply check alone)
    const users = (await connect({ connectionType: PermissiveConnection } as MongoClientOptions)).collection<Doc>('users');

    // when a stray answer is waiting on the socket
    await users.deleteMany({ _id: 'nobody' }, { writeConcern: { w: 0 } });
    const first = await users.findOne({ _id: 'admin' }).then((doc) => doc, (error: Error) => error);

    if (isFerretDb) {
      // then the lookup fails naming the mismatch instead of returning a foreign reply
      expect(first).toBeInstanceOf(MongoUnexpectedServerResponseError);
      expect((first as Error).message).toMatch(/reply out of step .* the connection is closed/);
    } else {
      expect(first).toMatchObject({ _id: 'admin' });
    }
    // and the next lookups run on a fresh connection, in step
    expect(await users.findOne({ _id: 'bajiao-staff' })).toMatchObject({ _id: 'bajiao-staff' });
    expect(await users.findOne({ _id: 'admin' })).toMatchObject({ _id: 'admin' });
  });
});
