// The Flowable 7 peer of Sparrow's peers bench (issue 15 row 4): an embedded engine on an H2 file database with the async
// executor, running the bench's two processes N instances at once and printing one JSON line per round.
// Usage: java -cp ... sparrow.bench.FlowablePeer --process chain|user --instances 100 --rounds 2 --steps 10 --db DIR
package sparrow.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.flowable.common.engine.api.delegate.event.FlowableEngineEventType;
import org.flowable.common.engine.api.delegate.event.FlowableEntityEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEvent;
import org.flowable.common.engine.api.delegate.event.FlowableEventListener;
import org.flowable.common.engine.impl.cfg.TransactionState;
import org.flowable.engine.ProcessEngine;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.engine.delegate.DelegateExecution;
import org.flowable.engine.delegate.JavaDelegate;
import org.flowable.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.flowable.engine.runtime.ProcessInstance;
import org.flowable.task.api.Task;

public final class FlowablePeer {
  /** The bench's job: counts the variables and stores the count under the element's id, like Sparrow's bench.step. */
  public static final class Step implements JavaDelegate {
    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariable(execution.getCurrentActivityId(), execution.getVariables().size());
    }
  }

  /** Per process instance: its created user tasks (ids, after commit) and when it completed (after commit). */
  private static final Map<String, BlockingQueue<String>> TASKS = new ConcurrentHashMap<>();
  private static final Map<String, Long> DONE = new ConcurrentHashMap<>();
  private static volatile CountDownLatch remaining = new CountDownLatch(0);

  /** Hears task creations and process completions once their transaction has committed. */
  private static final class CommittedEvents implements FlowableEventListener {
    @Override
    public void onEvent(FlowableEvent event) {
      if (event.getType() == FlowableEngineEventType.TASK_CREATED) {
        Task task = (Task) ((FlowableEntityEvent) event).getEntity();
        TASKS.computeIfAbsent(task.getProcessInstanceId(), k -> new LinkedBlockingQueue<>()).add(task.getId());
      } else if (event.getType() == FlowableEngineEventType.PROCESS_COMPLETED) {
        ProcessInstance instance = (ProcessInstance) ((FlowableEntityEvent) event).getEntity();
        if (DONE.putIfAbsent(instance.getProcessInstanceId(), System.nanoTime()) == null) remaining.countDown();
      }
    }

    @Override
    public boolean isFailOnException() {
      return false;
    }

    @Override
    public boolean isFireOnTransactionLifecycleEvent() {
      return true;
    }

    @Override
    public String getOnTransaction() {
      return TransactionState.COMMITTED.name();
    }
  }

  private static String chainXml(int steps) {
    StringBuilder xml = new StringBuilder(header("chain")).append("<startEvent id=\"Start\"/>");
    for (int i = 1; i <= steps; i++) {
      xml.append("<serviceTask id=\"Step_").append(i).append("\" flowable:async=\"true\" flowable:class=\"sparrow.bench.FlowablePeer$Step\"/>");
      xml.append(flow(i - 1, i == 1 ? "Start" : "Step_" + (i - 1), "Step_" + i));
    }
    return xml.append("<endEvent id=\"End\"/>").append(flow(steps, "Step_" + steps, "End")).append("</process></definitions>").toString();
  }

  private static String userXml() {
    return header("user")
        + "<startEvent id=\"Start\"/><userTask id=\"First\"/>"
        + "<serviceTask id=\"Work\" flowable:async=\"true\" flowable:class=\"sparrow.bench.FlowablePeer$Step\"/>"
        + "<userTask id=\"Second\"/><endEvent id=\"End\"/>"
        + flow(0, "Start", "First") + flow(1, "First", "Work") + flow(2, "Work", "Second") + flow(3, "Second", "End")
        + "</process></definitions>";
  }

  private static String header(String id) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" "
        + "xmlns:flowable=\"http://flowable.org/bpmn\" targetNamespace=\"http://sparrow.local/bench\"><process id=\"" + id + "\" isExecutable=\"true\">";
  }

  private static String flow(int n, String source, String target) {
    return "<sequenceFlow id=\"Flow_" + n + "\" sourceRef=\"" + source + "\" targetRef=\"" + target + "\"/>";
  }

  private static String nextTask(String processInstanceId) throws InterruptedException {
    String id = TASKS.computeIfAbsent(processInstanceId, k -> new LinkedBlockingQueue<>()).poll(120, TimeUnit.SECONDS);
    if (id == null) throw new IllegalStateException("no task of " + processInstanceId + " within 120 s");
    return id;
  }

  /** CPU seconds this JVM has used so far (all threads: drivers, async executor, H2). */
  private static double cpuSeconds() {
    return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
  }

  /** Runs `instances` instances of the process at once; returns {seconds, p50 ms, p99 ms, CPU seconds}. */
  private static double[] round(ProcessEngine engine, String process, int instances, ExecutorService drivers) throws Exception {
    TASKS.clear();
    DONE.clear();
    remaining = new CountDownLatch(instances);
    Map<String, Long> startedAt = new ConcurrentHashMap<>();
    double cpu0 = cpuSeconds();
    long t0 = System.nanoTime();
    List<Future<?>> driven = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      Map<String, Object> variables = new HashMap<>();
      variables.put("case", i);
      driven.add(drivers.submit(() -> {
        long s = System.nanoTime();
        String id = engine.getRuntimeService().startProcessInstanceByKey(process, variables).getId();
        startedAt.put(id, s);
        if (process.equals("user")) {
          engine.getTaskService().complete(nextTask(id), Map.of("first", true));
          engine.getTaskService().complete(nextTask(id), Map.of("second", true));
        }
        return null;
      }));
    }
    for (Future<?> f : driven) f.get();
    if (!remaining.await(600, TimeUnit.SECONDS)) throw new IllegalStateException(remaining.getCount() + " instances did not complete within 600 s");
    double seconds = (System.nanoTime() - t0) / 1e9;
    List<Double> latencies = new ArrayList<>();
    for (Map.Entry<String, Long> e : startedAt.entrySet()) latencies.add((DONE.get(e.getKey()) - e.getValue()) / 1e6);
    Collections.sort(latencies);
    return new double[] {seconds, latencies.get(latencies.size() / 2), latencies.get(Math.min(latencies.size() - 1, (int) (latencies.size() * 0.99))), cpuSeconds() - cpu0};
  }

  public static void main(String[] argv) throws Exception {
    Map<String, String> args = new HashMap<>(Map.of("process", "chain", "instances", "100", "rounds", "2", "steps", "10", "db", "/tmp/flowable-peer", "drivers", "50", "executor", "8"));
    for (int i = 0; i + 1 < argv.length; i += 2) args.put(argv[i].replaceFirst("^--", ""), argv[i + 1]);
    String process = args.get("process");
    int instances = Integer.parseInt(args.get("instances"));
    int executor = Integer.parseInt(args.get("executor"));
    StandaloneProcessEngineConfiguration cfg = new StandaloneProcessEngineConfiguration();
    cfg.setJdbcUrl("jdbc:h2:file:" + args.get("db") + "/flowable;DB_CLOSE_DELAY=-1");
    cfg.setJdbcDriver("org.h2.Driver");
    cfg.setJdbcUsername("sa");
    cfg.setJdbcPassword("");
    cfg.setJdbcMaxActiveConnections(executor + Integer.parseInt(args.get("drivers")) + 4);
    cfg.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
    cfg.setAsyncExecutorActivate(true);
    cfg.setAsyncExecutorCorePoolSize(executor);
    cfg.setAsyncExecutorMaxPoolSize(executor);
    cfg.setAsyncExecutorThreadPoolQueueSize(4096);
    cfg.setAsyncExecutorMaxAsyncJobsDuePerAcquisition(64);
    cfg.setAsyncExecutorDefaultAsyncJobAcquireWaitTime(100);
    cfg.setEventListeners(List.of(new CommittedEvents()));
    ProcessEngine engine = cfg.buildProcessEngine();
    ExecutorService drivers = Executors.newFixedThreadPool(Math.min(instances, Integer.parseInt(args.get("drivers"))));
    try {
      String xml = process.equals("user") ? userXml() : chainXml(Integer.parseInt(args.get("steps")));
      engine.getRepositoryService().createDeployment().addString(process + ".bpmn20.xml", xml).deploy();
      round(engine, process, Math.min(instances, 20), drivers); // warm-up: JIT, connection pool, caches
      for (int r = 1; r <= Integer.parseInt(args.get("rounds")); r++) {
        double[] result = round(engine, process, instances, drivers);
        System.out.printf("{\"process\":\"%s\",\"instances\":%d,\"seconds\":%.3f,\"perSecond\":%.2f,\"p50\":%.1f,\"p99\":%.1f,\"cpuSeconds\":%.3f}%n",
            process, instances, result[0], instances / result[0], result[1], result[2], result[3]);
      }
    } finally {
      drivers.shutdownNow();
      engine.close();
    }
  }
}
