// The chosen step: its element, kind, actor and times, where the tokens were, the variables after it, the waits withdrawn
// when its element ended, the events it threw or received, and its other data.
import { Card, Descriptions, Empty, Flex, Table, Tag, Typography } from 'antd';
import { useAuditTime } from '../useAuditTime';
import { auditKindKey } from '../../../i18n/auditKindKey';
import { elementKindKey } from '../../../i18n/elementKindKey';
import { useT } from '../../../i18n/useT';
import type { VariableLabels } from '../../../api/hooks/useFieldLabels.query';
import type { AuditStep, VariableAtStep } from '../stepModel';
import { StepData } from './StepData';
import { eventsOf, NAMED_WAITS, withdrawnOf } from './stepLists';


/** A value as JSON text on one line (strings without quotes). */
const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * The panel of step `step`; `elementLabel` turns an element id into its name, `labels` a variable into its form label,
 * `personName` an actor into the name people read (a display name, 系统; the username itself when not given).
 */
export function StepDetails({
  step,
  elementLabel,
  labels,
  personName = (actor) => actor,
}: {
  step: AuditStep;
  elementLabel: (id: string) => string;
  labels: VariableLabels;
  personName?: (actor: string) => string;
}) {
  const t = useT();
  const formatDateTime = useAuditTime();
  const s = step.step;
  const element = s.elementKind === 'case' ? t('audit.step.case') : (s.elementName ?? (s.elementId ? elementLabel(s.elementId) : '—'));
  const variables = Object.entries(step.variables).sort(([a], [b]) => a.localeCompare(b));
  const { variablesChanged: _changes, withdrawn: _withdrawn, events: _events, ...data } = s.data;
  const withdrawn = withdrawnOf(s.data);
  const events = eventsOf(s.data);
  const waitName = (what: string) => t((NAMED_WAITS as readonly string[]).includes(what) ? (`audit.withdrawn.${what as (typeof NAMED_WAITS)[number]}` as const) : 'audit.withdrawn.other');
  const kindName = (kind: string) => {
    const key = auditKindKey(kind);
    return key ? t(key) : kind;
  };
  const value = (name: string, v: VariableAtStep) => (v.known ? <Typography.Text code title={labels.value(name, v.value) === undefined ? undefined : shown(v.value)}>{labels.value(name, v.value) ?? shown(v.value)}</Typography.Text> : <Typography.Text type="secondary">{t('audit.step.valueUnknown', { hash: v.hash.slice(0, 12) })}</Typography.Text>);

  return (
    <Card size="small" title={t('audit.step.details')} data-testid="step-details">
      <Descriptions
        size="small"
        column={1}
        items={[
          { key: 'element', label: t('audit.step.element'), children: <span data-testid="step-element">{element}</span> },
          { key: 'kind', label: t('audit.step.kind'), children: s.elementKind === 'case' ? '—' : t(elementKindKey(s.elementKind)) },
          { key: 'actor', label: t('audit.step.actor'), children: <span data-testid="step-actor" title={s.actor ?? s.startedBy}>{personName(s.actor ?? s.startedBy)}</span> },
          { key: 'startedBy', label: t('audit.step.startedBy'), children: <span title={s.startedBy}>{personName(s.startedBy)}</span> },
          { key: 'time', label: t('audit.step.time'), children: <span data-testid="step-time">{`${formatDateTime(s.startedAt)} → ${s.endedAt ? formatDateTime(s.endedAt) : '…'}`}</span> },
          { key: 'status', label: t('audit.step.status'), children: t(`audit.step.status.${s.status}`) },
          {
            key: 'tokens',
            label: t('audit.step.tokens'),
            children: (
              <Flex gap={4} wrap data-testid="step-tokens">
                {step.tokens.length === 0 ? t('audit.step.noTokens') : step.tokens.map((token) => <Tag key={token.tokenId} color="blue">{elementLabel(token.elementId)}</Tag>)}
              </Flex>
            ),
          },
          ...(withdrawn.length > 0
            ? [
                {
                  key: 'withdrawn',
                  label: t('audit.step.withdrawn'),
                  children: (
                    <Flex gap={4} wrap data-testid="step-withdrawn">
                      {withdrawn.map((w) => (
                        <Tag key={w.seq} title={`seq ${w.seq}`}>
                          {t('audit.step.listItem', { what: waitName(w.what), at: formatDateTime(w.at) })}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          ...(events.length > 0
            ? [
                {
                  key: 'events',
                  label: t('audit.step.events'),
                  children: (
                    <Flex gap={4} wrap data-testid="step-events">
                      {events.map((e) => (
                        <Tag key={e.seq} color="purple" title={`seq ${e.seq}`}>
                          {t('audit.step.listItem', { what: kindName(e.kind), at: formatDateTime(e.at) })}
                        </Tag>
                      ))}
                    </Flex>
                  ),
                },
              ]
            : []),
          { key: 'seqs', label: t('audit.step.seqs'), children: s.auditSeqs.join(', ') },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 12 }}>
        {t('audit.step.variables')}
      </Typography.Title>
      {variables.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.step.noVariables')} />
      ) : (
        <Table
          size="small"
          pagination={false}
          rowKey="name"
          aria-label={t('audit.step.variables')}
          data-testid="step-variables"
          dataSource={variables.map(([name, v]) => ({ name, v }))}
          columns={[
            {
              title: t('variables.name'),
              dataIndex: 'name',
              render: (name: string) => (
                <span title={name}>
                  {labels.name(name)} {step.changed.includes(name) && <Tag color="gold">{t('audit.step.changed')}</Tag>}
                </span>
              ),
            },
            { title: t('variables.value'), dataIndex: 'v', render: (v: VariableAtStep, row) => value(row.name, v) },
          ]}
        />
      )}
      {Object.keys(data).length > 0 && (
        <>
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            {t('audit.step.data')}
          </Typography.Title>
          <StepData data={data} labels={labels} personName={personName} />
        </>
      )}
    </Card>
  );
}
