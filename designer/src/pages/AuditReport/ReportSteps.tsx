// The report's account of the case, one row per business step: what step, who did it (by display name), when, how it
// ended, and what was set in it — variables by their form labels, choices by their option labels.
import type { TimelineStep } from '../../api/audit';
import type { VariableLabels } from '../../api/hooks/useFieldLabels.query';
import type { Translate } from '../../i18n/useT';
import { useT } from '../../i18n/useT';
import { useAuditTime } from '../AuditCase/useAuditTime';
import type { VariableAtStep } from '../AuditCase/stepModel';
import { valuesSetBy } from './stepFacts';

/** A value in words: its option label, 是/否 for a truth value, a list joined by 、, other data as JSON. */
function inWords(t: Translate, labels: VariableLabels, name: string, v: VariableAtStep): string {
  if (!v.known) return t('audit.report.valueHidden', { hash: v.hash.slice(0, 12) });
  const one = (value: unknown): string => {
    const label = labels.value(name, value);
    if (label !== undefined) return label;
    if (typeof value === 'boolean') return t(value ? 'audit.report.yes' : 'audit.report.no');
    if (typeof value === 'string') return value;
    return JSON.stringify(value);
  };
  return Array.isArray(v.value) ? v.value.map(one).join('、') : one(v.value);
}

/** The steps of `timeline`; `stepName` names a step's element, `personName` a username, `labels` the variables. */
export function ReportSteps({
  timeline,
  stepName,
  personName,
  labels,
}: {
  timeline: readonly TimelineStep[];
  stepName: (step: TimelineStep) => string;
  personName: (username: string) => string;
  labels: VariableLabels;
}) {
  const t = useT();
  const formatTime = useAuditTime();
  return (
    <table className="report-table" data-testid="report-steps">
      <thead>
        <tr>
          <th>{t('audit.report.col.step')}</th>
          <th>{t('audit.report.col.element')}</th>
          <th>{t('audit.report.col.who')}</th>
          <th>{t('audit.report.col.when')}</th>
          <th>{t('audit.report.col.status')}</th>
          <th>{t('audit.report.col.what')}</th>
        </tr>
      </thead>
      <tbody>
        {timeline.map((step, i) => {
          const values = valuesSetBy(step);
          return (
            <tr key={step.index}>
              <td className="report-nowrap">{i + 1}</td>
              <td>{stepName(step)}</td>
              <td className="report-nowrap">{personName(step.actor ?? step.startedBy)}</td>
              <td className="report-nowrap">
                {formatTime(step.startedAt)}
                {step.endedAt && step.endedAt !== step.startedAt && <div>{`→ ${formatTime(step.endedAt)}`}</div>}
              </td>
              <td className="report-nowrap">{t(`audit.step.status.${step.status}`)}</td>
              <td>
                {values.length === 0
                  ? t('library.none')
                  : values.map(({ name, value }) => (
                      <div key={name} title={name}>
                        {`${labels.name(name)}：${inWords(t, labels, name, value)}`}
                      </div>
                    ))}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
