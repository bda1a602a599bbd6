// The server process: connects to Temporal and MongoDB, serves the API and the designer, stops gracefully.
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { createApp } from './app';
import { loadConfig } from './config';
import { connectMongo } from './db';
import { createLogger } from './logger';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger('server', config.LOG_LEVEL);
  await connectMongo(config.MONGODB_URI);
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  const app = createApp({ client, connection, taskQueue: config.TEMPORAL_TASK_QUEUE, log });
  const server = app.listen(config.PORT, config.HOST, () => log.info({ url: `http://${config.HOST}:${config.PORT}` }, 'server listening'));
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down server');
    server.close(async () => {
      await connection.close();
      await mongoose.disconnect();
      log.info('server stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error) => {
  createLogger('server').fatal({ err: error }, 'server failed to start');
  process.exit(1);
});
