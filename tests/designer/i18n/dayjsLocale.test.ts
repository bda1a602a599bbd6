// The date pickers' calendar language: zh-CN weeks start on Monday with Chinese weekday and month names; English stays.
import dayjs from 'dayjs';
import localeData from 'dayjs/plugin/localeData';
import { applyDayjsLocale } from '../../../designer/src/i18n/dayjsLocale';

dayjs.extend(localeData);

describe('applyDayjsLocale', () => {
  afterEach(() => applyDayjsLocale('en'));

  it('should give zh-CN a Monday-first week in Chinese, and English its own', () => {
    // when
    applyDayjsLocale('zh-CN');

    // then
    expect(dayjs.localeData().firstDayOfWeek()).toBe(1);
    expect(dayjs.weekdaysMin()).toEqual(['日', '一', '二', '三', '四', '五', '六']);
    expect(dayjs('2026-12-04').format('MMMM')).toBe('十二月');

    // when
    applyDayjsLocale('en');

    // then
    expect(dayjs('2026-12-04').format('MMMM')).toBe('December');
  });
});
