// The server process: connects to Temporal and MongoDB, seeds demo data outside production, serves the API and the designer.
import { Client, Connection } from '@temporalio/client';
import mongoose from 'mongoose';
import { createApp } from './app';
import { startSessionSweep } from './auth/sessionSweep';
import { loadConfig, sessionSecret } from '../platform/config';
import { connectMongo } from '../store/db';
import { purgeIdempotencyRecords } from './http/idempotency';
import { purgeExpiredMessages } from '../store/messageBuffer';
import { createLogger } from '../platform/logger';
import { demoLoginsText, seedDemoData } from './seed';
import { seedTemplates } from './seed/templates';
import { startCalendarService } from './services/calendarRollout';
import { stopJobBridges } from './services/jobBridge';
import { syncAllTimerSchedules } from './services/timerSchedules';

async function main(): Promise<void> {
  const config = loadConfig();
  const secret = sessionSecret(config);
  const log = createLogger('server', config.LOG_LEVEL);
  await connectMongo(config.MONGODB_URI);
  if (config.NODE_ENV !== 'production') {
    const seeded = await seedDemoData();
    log.info(seeded, 'demo data seeded (missing rows only)');
    // A plain block, not a log line: `npm start` shows it to the person starting Sparrow.
    console.log(`\n${demoLoginsText()}\n`);
  }
  const connection = await Connection.connect({ address: config.TEMPORAL_ADDRESS });
  const client = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
  if (config.NODE_ENV !== 'production') {
    // the shipped templates not deployed yet, with their forms: residents find a service to order on a fresh start
    await seedTemplates(client, config.TEMPORAL_TASK_QUEUE)
      .then((deployed) => log.info({ deployed }, 'demo templates deployed (not deployed ones only)'))
      .catch((err) => log.warn({ err }, 'deploying the demo templates failed'));
  }
  const app = createApp({
    client,
    connection,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    log,
    sessionSecret: secret,
    secureCookie: config.COOKIE_SECURE ? config.COOKIE_SECURE === 'true' : config.NODE_ENV === 'production',
    sessionTtlSeconds: Math.round(config.SESSION_TTL_HOURS * 3600),
    trustProxy: config.TRUST_PROXY === undefined ? undefined : /^\d+$/.test(config.TRUST_PROXY) ? Number(config.TRUST_PROXY) : config.TRUST_PROXY,
  });
  const purge = setInterval(() => {
    purgeIdempotencyRecords().catch((err) => log.warn({ err }, 'purging old idempotency records failed'));
    // expired buffered messages are never taken (the take filters by expiresAt); the purge only frees their rows
    purgeExpiredMessages().catch((err) => log.warn({ err }, 'purging expired buffered messages failed'));
  }, 3600_000);
  purge.unref();
  const stopSessionSweep = startSessionSweep(10 * 60_000, (err) => log.warn({ err }, 'removing expired sessions failed'));
  const server = app.listen(config.PORT, config.HOST, () => log.info({ url: `http://${config.HOST}:${config.PORT}` }, 'server listening'));
  // timer start schedules deleted or never made (Temporal reset, a deploy whose sync failed) are made again, in the background
  void syncAllTimerSchedules(client, config.TEMPORAL_TASK_QUEUE, log).catch((err) => log.warn({ err }, 'syncing the timer start schedules failed'));
  // the working-day calendar: version 1 or a new version from the chinese-days package, and an unfinished rollout resumed
  const stopCalendar = startCalendarService(client, log);
  const stop = (signal: string) => {
    log.info({ signal }, 'shutting down server');
    clearInterval(purge);
    stopSessionSweep();
    server.close(async () => {
      await stopCalendar();
      await stopJobBridges();
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
