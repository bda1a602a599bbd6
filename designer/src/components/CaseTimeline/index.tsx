// The case's steps so far as a vertical timeline: each finished step with its start and end, the active ones last.
// Steps are named as the diagram names them, else by their kind in plain words; only operators see the BPMN kind.
import { Timeline, Typography } from 'antd';
import { elementKindKey } from '../../i18n/elementKindKey';
import { plainKindKey } from '../../i18n/plainKindKey';
import { useFormatDateTime } from '../../i18n/useFormatDateTime';
import { useT } from '../../i18n/useT';
import type { TimelineEntry } from './timelineEntries';

/** Lists `entries` (see `timelineEntries`); `highlight` names the element the page is about; `operator` adds each step's BPMN kind. */
export function CaseTimeline({ entries, highlight, operator = false }: { entries: readonly TimelineEntry[]; highlight?: string; operator?: boolean }) {
  const t = useT();
  const formatDateTime = useFormatDateTime();
  return (
    <section aria-label={t('timeline.title')}>
      {entries.length === 0 ? (
        <Typography.Text type="secondary">{t('timeline.empty')}</Typography.Text>
      ) : (
        <Timeline
          items={entries.map((entry) => ({
            key: `${entry.tokenId}/${entry.elementId}/${entry.startedAt}`,
            color: entry.endedAt ? 'green' : 'blue',
            loading: entry.endedAt === null,
            content: (
              <>
                <Typography.Text strong={entry.elementId === highlight}>
                  {entry.label ?? t(plainKindKey(entry.kind))}
                  {operator && entry.kind && <Typography.Text type="secondary"> · {t(elementKindKey(entry.kind))}</Typography.Text>}
                </Typography.Text>
                <br />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {entry.endedAt ? t('timeline.done', { at: formatDateTime(entry.endedAt) }) : t('timeline.active', { at: formatDateTime(entry.startedAt) })}
                </Typography.Text>
              </>
            ),
          }))}
        />
      )}
    </section>
  );
}
