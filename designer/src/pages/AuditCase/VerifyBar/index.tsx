// One click verifies the chain (with its seal and the cross-check against the history) and replays the history;
// two badges say the outcome, naming the first broken seq or the first diverging event, with details in a popover.
import { Button, Descriptions, Popover, Space, Tag, Typography } from 'antd';
import { useVerifyCase } from '../../../api/hooks/useVerifyCase.mutation';
import type { CaseChecks } from '../../../api/hooks/useVerifyCase.mutation';
import { problemLine } from '../../../i18n/describeProblem';
import { useT } from '../../../i18n/useT';

function ChainBadge({ chain }: { chain: CaseChecks['chain'] }) {
  const t = useT();
  if (chain.error) return <Tag color="red" data-testid="chain-badge" data-ok="false">{`${t('audit.verify.requestFailed')}: ${problemLine(t, chain.error)}`}</Tag>;
  const v = chain.result;
  return v.ok ? (
    <Tag color="green" data-testid="chain-badge" data-ok="true">{t('audit.verify.chainOk')}</Tag>
  ) : (
    <Tag color="red" data-testid="chain-badge" data-ok="false">
      {t('audit.verify.chainFailed', { seq: v.firstBrokenSeq ?? '—', reason: v.reason ?? '—' })}
    </Tag>
  );
}

function ReplayBadge({ replay }: { replay: CaseChecks['replay'] }) {
  const t = useT();
  if (replay.error) return <Tag color="red" data-testid="replay-badge" data-ok="false">{`${t('audit.verify.requestFailed')}: ${problemLine(t, replay.error)}`}</Tag>;
  const r = replay.result;
  const event = r.divergence ? `#${r.divergence.eventId ?? '?'} ${r.divergence.eventType ?? ''}`.trim() : '—';
  return r.ok ? (
    <Tag color="green" data-testid="replay-badge" data-ok="true">{t('audit.verify.replayOk')}</Tag>
  ) : (
    <Tag color="red" data-testid="replay-badge" data-ok="false">{t('audit.verify.replayFailed', { event })}</Tag>
  );
}

function Details({ checks }: { checks: CaseChecks }) {
  const t = useT();
  const chain = checks.chain.result;
  const replay = checks.replay.result;
  const cross = chain?.crossCheck as (Record<string, unknown> & { status: string; ok: boolean }) | undefined;
  const messages = [chain?.chain.broken?.message, chain?.seal.message, (cross?.difference as { message?: string } | undefined)?.message, replay?.divergence?.message].filter(Boolean);
  return (
    <Descriptions
      size="small"
      column={1}
      style={{ maxWidth: 520 }}
      items={[
        { key: 'rows', label: t('audit.verify.chainRows'), children: chain ? `${chain.chain.rows} (1…${chain.chain.lastSeq})` : '—' },
        { key: 'head', label: t('audit.verify.headHash'), children: <Typography.Text code>{chain?.chain.headHash ?? '—'}</Typography.Text> },
        { key: 'seal', label: t('audit.verify.seal'), children: chain ? `${t(`audit.verify.seal.${chain.seal.status}`)}${chain.seal.entry ? ` #${chain.seal.entry.seq}` : ''}` : '—' },
        { key: 'cross', label: t('audit.verify.crossCheck'), children: cross ? t('audit.verify.crossCheckDetail', { status: t(cross.ok ? 'audit.verify.consistent' : 'audit.verify.inconsistent'), compared: String(cross.compared ?? '—') }) : '—' },
        { key: 'events', label: t('audit.verify.replayEvents'), children: replay?.events ?? '—' },
        ...(messages.length > 0 ? [{ key: 'message', label: t('audit.verify.message'), children: messages.join('；') }] : []),
      ]}
    />
  );
}

/** The verify button and its two badges for case `instanceId`. */
export function VerifyBar({ instanceId }: { instanceId: string }) {
  const t = useT();
  const verify = useVerifyCase(instanceId);
  return (
    <Space wrap>
      <Button type="primary" loading={verify.isPending} onClick={() => verify.mutate()}>
        {t('audit.verify.run')}
      </Button>
      {verify.data ? (
        <>
          <ChainBadge chain={verify.data.chain} />
          <ReplayBadge replay={verify.data.replay} />
          <Popover title={t('audit.verify.details')} content={<Details checks={verify.data} />} trigger="click">
            <Button size="small" type="link">
              {t('audit.verify.details')}
            </Button>
          </Popover>
        </>
      ) : (
        <Typography.Text type="secondary">{t('audit.verify.notRun')}</Typography.Text>
      )}
    </Space>
  );
}
