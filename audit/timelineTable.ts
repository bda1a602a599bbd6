// A case's timeline as a text table for the terminal (`npm run replay -- case.json`): one line per step, its data in short.
import type { TimelineStep } from './timeline';

/** Columns a character takes in a terminal: CJK and full-width forms take two. */
const columns = (ch: string) => (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1);

/** `value` cut or padded to `width` terminal columns. */
function cell(value: unknown, width: number): string {
  const text = value === null || value === undefined ? '' : String(value);
  let out = '';
  let used = 0;
  const chars = [...text];
  const total = chars.reduce((n, ch) => n + columns(ch), 0);
  for (const ch of chars) {
    if (total > width && used + columns(ch) > width - 1) {
      out += '…';
      used += 1;
      break;
    }
    out += ch;
    used += columns(ch);
  }
  return out + ' '.repeat(Math.max(0, width - used));
}

/** A short text for a step's data: claims and assignments, submitted form fields, job results, messages, incidents. */
function dataSummary(step: TimelineStep): string {
  const d = step.data;
  const parts: string[] = [];
  if (d.cancelReason) parts.push(`reason ${JSON.stringify(d.cancelReason)}`);
  if (step.elementKind === 'case' && d.variables) parts.push(`variables ${JSON.stringify(d.variables)}`);
  for (const change of (d.holderChanges as Array<{ change: string; by: string; assignee: string | null }> | undefined) ?? []) {
    parts.push(change.change === 'assigned' ? `assigned to ${change.assignee} by ${change.by}` : `${change.change} by ${change.by}`);
  }
  if (d.submitted) parts.push(`submitted ${JSON.stringify(d.submitted)}`);
  if (d.message) parts.push(`message ${JSON.stringify(d.message)}`);
  for (const inc of (d.incidents as Array<{ message?: string; resolvedBy?: string }> | undefined) ?? []) {
    parts.push(`incident "${inc.message}"${inc.resolvedBy ? ` resolved by ${inc.resolvedBy}` : ''}`);
  }
  for (const job of (d.jobs as Array<{ outcome: string; result?: unknown; failure?: string }> | undefined) ?? []) {
    parts.push(job.outcome === 'completed' ? `job ${JSON.stringify(job.result)}` : `job ${job.outcome}: ${job.failure ?? ''}`);
  }
  if (d.timerFiredAt) parts.push('timer fired');
  return parts.join('; ');
}

/** The timeline as a text table: step, element, kind, actor, start, end, status, data (in full). */
export function timelineTable(steps: TimelineStep[]): string {
  const header = ['#', 'element', 'kind', 'actor', 'started', 'ended', 'status', 'data'];
  // the last column (data) is not cut
  const widths = [3, 28, 17, 12, 24, 24, 9, 40];
  const line = (values: unknown[]) => values.map((v, i) => (i === widths.length - 1 ? String(v) : cell(v, widths[i]))).join(' | ').trimEnd();
  const rows = steps.map((s) =>
    line([
      s.index,
      s.elementId ? `${s.elementId}${s.elementName ? ` (${s.elementName})` : ''}` : `case${s.elementName ? ` (${s.elementName})` : ''}`,
      s.elementKind,
      s.actor ?? s.startedBy,
      s.startedAt,
      s.endedAt ?? '',
      s.status,
      dataSummary(s),
    ]),
  );
  return [line(header), widths.map((w) => '-'.repeat(w)).join('-+-'), ...rows].join('\n');
}
