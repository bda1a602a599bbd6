// The report's verification: the chain (with its seal and the cross-check against the history) and the replay, run
// once when the report opens, summed up as 校验通过 or 校验未通过 with what each check found.
import { Descriptions, Typography } from 'antd';
import { useEffect } from 'react';
import type { CaseChecks } from '../../api/hooks/useVerifyCase.mutation';
import { useVerifyCase } from '../../api/hooks/useVerifyCase.mutation';
import { problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';

/** Whether every check ran and passed. */
const passed = (checks: CaseChecks) => Boolean(checks.chain.result?.ok && checks.replay.result?.ok);

/** Verifies case `instanceId` when shown and reports the outcome. */
export function ReportVerification({ instanceId }: { instanceId: string }) {
  const t = useT();
  const verify = useVerifyCase(instanceId);
  const { mutate } = verify;
  useEffect(() => mutate(), [mutate]);

  const checks = verify.data;
  if (!checks) return <Typography.Text type="secondary">{verify.error ? problemLine(t, verify.error) : t('audit.report.verifying')}</Typography.Text>;
  const chain = checks.chain.result;
  const replay = checks.replay.result;
  const cross = chain?.crossCheck as (Record<string, unknown> & { ok: boolean; compared?: number }) | undefined;
  const messages = [chain?.chain.broken?.message, chain?.seal.message, (cross?.difference as { message?: string } | undefined)?.message, replay?.divergence?.message].filter(Boolean);
  const ok = passed(checks);
  return (
    <>
      <Typography.Title level={4} className={ok ? 'report-verdict report-verdict-ok' : 'report-verdict report-verdict-failed'} data-testid="report-verdict" data-ok={String(ok)}>
        {ok ? `✔ ${t('audit.report.verified')}` : `✘ ${t('audit.report.notVerified')}`}
      </Typography.Title>
      <Descriptions
        size="small"
        column={1}
        bordered
        items={[
          {
            key: 'chain',
            label: t('audit.report.chain'),
            children: chain
              ? t('audit.report.chainDetail', { verdict: chain.ok ? t('audit.verify.chainOk') : t('audit.verify.chainFailed', { seq: chain.firstBrokenSeq ?? '—', reason: chain.reason ?? '—' }), rows: chain.chain.rows })
              : `${t('audit.verify.requestFailed')}: ${problemLine(t, checks.chain.error)}`,
          },
          { key: 'seal', label: t('audit.verify.seal'), children: chain ? `${t(`audit.verify.seal.${chain.seal.status}`)}${chain.seal.entry ? ` #${chain.seal.entry.seq}` : ''}` : '—' },
          {
            key: 'cross',
            label: t('audit.verify.crossCheck'),
            children: cross ? t('audit.verify.crossCheckDetail', { status: t(cross.ok ? 'audit.verify.consistent' : 'audit.verify.inconsistent'), compared: String(cross.compared ?? '—') }) : '—',
          },
          {
            key: 'replay',
            label: t('audit.report.replay'),
            children: replay
              ? t('audit.report.replayDetail', { verdict: replay.ok ? t('audit.verify.replayOk') : t('audit.verify.replayFailed', { event: `#${replay.divergence?.eventId ?? '?'}` }), events: replay.events })
              : `${t('audit.verify.requestFailed')}: ${problemLine(t, checks.replay.error)}`,
          },
          ...(messages.length > 0 ? [{ key: 'message', label: t('audit.verify.message'), children: messages.join('；') }] : []),
        ]}
      />
    </>
  );
}
