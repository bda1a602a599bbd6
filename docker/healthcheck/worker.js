// Healthcheck for the sparrow-worker container (docker-compose.yml):
//   node docker/healthcheck/worker.js
// Exits 0 when a worker in *this* container is polling its task queue on Temporal, that is, the
// task queue's workflow pollers include one whose identity names this container's hostname (the
// SDK's default worker identity is `<pid>@<hostname>`). Exits 1 otherwise, or when Temporal cannot
// be reached within the timeout. Plain CommonJS so it runs with `node` alone, no tsx.
'use strict';

const os = require('node:os');
const { Connection } = require('@temporalio/client');

const address = process.env.TEMPORAL_ADDRESS || '127.0.0.1:7233';
const namespace = process.env.TEMPORAL_NAMESPACE || 'default';
const taskQueue = process.env.TEMPORAL_TASK_QUEUE || 'sparrow';
const hostname = os.hostname();
const TASK_QUEUE_TYPE_WORKFLOW = 1; // temporal.api.enums.v1.TaskQueueType
const TIMEOUT_MS = Number(process.env.HEALTHCHECK_TIMEOUT_MS || 8000);

function fail(message) {
  console.error(`unhealthy: ${message}`);
  process.exit(1);
}

async function main() {
  const connection = await Connection.connect({ address, connectTimeout: TIMEOUT_MS });
  try {
    const { pollers } = await connection.workflowService.describeTaskQueue({
      namespace,
      taskQueue: { name: taskQueue },
      taskQueueType: TASK_QUEUE_TYPE_WORKFLOW,
    });
    const mine = (pollers || []).filter((p) => (p.identity || '').includes(hostname));
    if (mine.length === 0) {
      fail(`no poller from ${hostname} on task queue ${taskQueue} (namespace ${namespace}, ${address})`);
    }
    console.log(`healthy: ${mine.map((p) => p.identity).join(', ')} polling ${taskQueue}`);
  } finally {
    await connection.close();
  }
}

setTimeout(() => fail(`timed out after ${TIMEOUT_MS} ms`), TIMEOUT_MS).unref();
main().then(
  () => process.exit(0),
  (err) => fail(err && err.message ? err.message : String(err)),
);
