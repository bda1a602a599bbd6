// A workflow interceptor bundled only into the audit replayer's bundle (audit/replay.ts), never into
// the worker's: while a recorded history replays, it hands every recordProgress input (the audit entries the workflow
// code produces for that history) to the `auditCapture` sink. It only observes: no command is added or changed.
import { proxySinks, type Sinks, type WorkflowInterceptorsFactory } from '@temporalio/workflow';
import type { RecordProgressInput } from '../contracts/activities';

/** The sink the replayer registers (called during replay). */
export interface AuditCaptureSinks extends Sinks {
  auditCapture: {
    /** One recordProgress call: its local-activity seq (as in the history's marker) and its input. */
    progress(call: { activitySeq: number; input: RecordProgressInput }): void;
  };
}

const { auditCapture } = proxySinks<AuditCaptureSinks>();

/** The interceptors of the replay bundle. */
export const interceptors: WorkflowInterceptorsFactory = () => ({
  outbound: [
    {
      scheduleLocalActivity(input, next) {
        if (input.activityType === 'recordProgress') auditCapture.progress({ activitySeq: input.seq, input: input.args[0] as RecordProgressInput });
        return next(input);
      },
    },
  ],
});
