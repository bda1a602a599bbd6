// The other data of a step in words: its task, who claimed, gave back or was assigned it, what was submitted (by form
// label), the hashes, the jobs it ran with their outcome and result, the message it received, when its timer fired; a
// key this build does not name keeps its key and JSON.
import { Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { VariableLabels } from '../../../api/hooks/useFieldLabels.query';
import { auditKindKey } from '../../../i18n/auditKindKey';
import { jobResultKey } from '../../../i18n/jobResultKey';
import type { MessageKey } from '../../../i18n/messages/zh-CN';
import { useT } from '../../../i18n/useT';
import { useAuditTime } from '../useAuditTime';

/** The data keys with their own words. */
const NAMED_KEYS = ['taskId', 'holderChanges', 'submitted', 'submittedHash', 'variables', 'variablesHash', 'jobs', 'message', 'timerFiredAt'] as const;

interface Job {
  jobType?: string;
  closedAt?: string | null;
  outcome?: string | null;
  result?: Record<string, unknown> | null;
  failure?: unknown;
}

interface HolderChange {
  change?: string;
  by?: string;
  at?: string;
  assignee?: string | null;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
/** Text that is an identifier or a hash, not language. */
const Code = ({ children }: { children: ReactNode }) => (
  <Typography.Text code translate="no">
    {children}
  </Typography.Text>
);

/** Lists `data` (a step's data without its variable changes, withdrawn waits and events); `labels` names variables, `personName` people. */
export function StepData({ data, labels, personName = (actor) => actor }: { data: Record<string, unknown>; labels: VariableLabels; personName?: (actor: string) => string }) {
  const t = useT();
  const formatDateTime = useAuditTime();
  const values = (variables: unknown) =>
    isRecord(variables) && Object.keys(variables).length > 0
      ? Object.entries(variables).map(([name, value]) => (
          <div key={name}>
            <span title={name}>{labels.name(name)}</span>：{labels.value(name, value) ?? json(value)}
          </div>
        ))
      : t('audit.data.nothing');
  const job = (j: Job, index: number) => (
    <div key={index}>
      {j.jobType && <Code>{j.jobType}</Code>} {j.outcome === 'completed' || j.outcome === 'cancelled' ? t(`audit.data.job.${j.outcome}`) : j.failure ? t('audit.data.job.failed') : ''}
      {j.closedAt ? ` ${formatDateTime(j.closedAt)}` : ''}
      {isRecord(j.result) &&
        Object.entries(j.result).map(([name, value]) => {
          const key = jobResultKey(name);
          return <div key={name}>{key ? `${t(key)}：${typeof value === 'string' && name.endsWith('At') ? formatDateTime(value) : json(value)}` : `${name}：${json(value)}`}</div>;
        })}
    </div>
  );
  const holderChange = (h: HolderChange, index: number) => {
    const kind = auditKindKey(`task.${h.change ?? ''}`);
    return (
      <div key={index}>
        {kind ? t(kind) : h.change} {h.by ? personName(h.by) : ''} {h.at ? formatDateTime(h.at) : ''}
        {h.change === 'assigned' && h.assignee ? ` → ${personName(h.assignee)}` : ''}
      </div>
    );
  };
  const shown = (key: string, value: unknown): ReactNode => {
    if (key === 'holderChanges' && Array.isArray(value)) return (value as HolderChange[]).map(holderChange);
    if (key === 'message' && isRecord(value))
      return (
        <>
          <Code>{json(value.name)}</Code> {value.correlationKey !== undefined && value.correlationKey !== null && <Code>{json(value.correlationKey)}</Code>}
          {isRecord(value.variables) && Object.keys(value.variables).length > 0 && values(value.variables)}
        </>
      );
    if (key === 'submitted' || key === 'variables') return values(value);
    if (key === 'jobs' && Array.isArray(value)) return (value as Job[]).map(job);
    if (key === 'timerFiredAt' && typeof value === 'string') return formatDateTime(value);
    return <Code>{json(value)}</Code>;
  };
  const named = (key: string): key is (typeof NAMED_KEYS)[number] => (NAMED_KEYS as readonly string[]).includes(key);
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="step-data"
      items={Object.entries(data).map(([key, value]) => ({
        key,
        label: named(key) ? t(`audit.data.${key}` satisfies MessageKey) : key,
        children: named(key) ? shown(key, value) : <pre style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}>{JSON.stringify(value, null, 2)}</pre>,
      }))}
    />
  );
}
