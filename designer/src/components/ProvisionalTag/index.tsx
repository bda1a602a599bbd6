// 暂定: a deadline or due date that counts days of a year whose holidays are not published yet, with why in a tooltip.
import { Tag, Tooltip } from 'antd';
import { useT } from '../../i18n/useT';

/** The 暂定 tag; hovering or tapping it explains that next year's holiday schedule may still move the date. */
export function ProvisionalTag() {
  const t = useT();
  return (
    <Tooltip title={t('legalTime.provisional.explained')} trigger={['hover', 'click']}>
      <Tag color="gold" data-provisional="true" tabIndex={0} aria-label={`${t('legalTime.provisional')}：${t('legalTime.provisional.explained')}`} style={{ marginInlineEnd: 0, cursor: 'help' }}>
        {t('legalTime.provisional')}
      </Tag>
    </Tooltip>
  );
}
