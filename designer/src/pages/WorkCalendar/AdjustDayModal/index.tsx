// The dialog of one day of the calendar (admins): make it a day off or a working day with a note, or remove its local
// adjustment; either makes a new calendar version, which then reaches the running cases.
import { Alert, App, Button, Form, Input, Modal, Space, Typography } from 'antd';
import type { CalendarDay } from '../../../api/calendar';
import { useAdjustCalendar } from '../../../api/hooks/useAdjustCalendar.mutation';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n/useT';

/** The longest note the server takes. */
export const NOTE_MAX = 200;

/** Adjusts `day`; `onClose` after success or cancel. */
export function AdjustDayModal({ day, onClose }: { day: CalendarDay; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ note: string }>();
  const adjust = useAdjustCalendar();
  const what = t(`calendar.day.${day.kind}`) + (day.holiday ? t('calendar.day.holiday.name', { name: day.holiday }) : '');
  const onSuccess = ({ version }: { version: number }) => {
    void message.success(t('calendar.adjust.done', { version }));
    onClose();
  };

  return (
    <Modal open title={t('calendar.adjust.title', { date: day.date })} footer={null} onCancel={onClose} destroyOnHidden>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{t('calendar.adjust.now', { what })}</Typography.Text>
        {day.adjustment ? (
          <>
            <Alert type="info" showIcon title={t('calendar.day.adjusted', { note: day.adjustment.note, by: day.adjustment.by })} description={t('calendar.adjust.removeHint')} />
            <Button danger loading={adjust.isPending} onClick={() => adjust.mutate({ remove: day.date }, { onSuccess })}>
              {t('calendar.adjust.remove')}
            </Button>
          </>
        ) : (
          <Form form={form} layout="vertical" requiredMark={false} onFinish={({ note }) => adjust.mutate({ date: day.date, working: !day.working, note: note.trim() }, { onSuccess })}>
            <Form.Item
              name="note"
              label={t('calendar.adjust.note')}
              rules={[
                { required: true, whitespace: true, message: t('calendar.adjust.noteRequired') },
                { max: NOTE_MAX, message: t('calendar.adjust.noteTooLong', { max: NOTE_MAX }) },
              ]}
            >
              <Input.TextArea rows={2} maxLength={NOTE_MAX} showCount />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={adjust.isPending}>
              {t(day.working ? 'calendar.adjust.toOff' : 'calendar.adjust.toWork')}
            </Button>
          </Form>
        )}
        {adjust.error && <ProblemAlert message={t('calendar.adjust.failed')} error={adjust.error} />}
      </Space>
    </Modal>
  );
}
