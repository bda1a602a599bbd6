// A dialog listing diagram problems or warnings, each with its element id and code, in the user's language where known.
import { Button, Flex, Modal, Tag, Typography } from 'antd';
import type { ModelProblem } from '../../api/deployments';
import { localizeModelProblems } from '../../i18n/modelProblems';
import { useT } from '../../i18n/useT';

/** Lists `problems` under `title`; `severity` colours the codes. Renders nothing useful while `open` is false. */
export function ProblemListModal({
  open,
  title,
  severity,
  problems,
  onClose,
}: {
  open: boolean;
  title: string;
  severity: 'error' | 'warning';
  problems: readonly ModelProblem[];
  onClose: () => void;
}) {
  const t = useT();
  return (
    <Modal
      open={open}
      title={title}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose}>
          {t('problems.close')}
        </Button>
      }
    >
      <ul aria-label={title} style={{ paddingInlineStart: 20, margin: 0 }}>
        {localizeModelProblems(t, problems).map((problem, index) => (
          <li key={index} style={{ marginBlock: 8 }}>
            <Flex gap="small" wrap align="baseline">
              <Tag color={severity}>{problem.code}</Tag>
              {problem.elementId && <Typography.Text code>{t('problems.element', { id: problem.elementId })}</Typography.Text>}
              <Typography.Text>{problem.message}</Typography.Text>
            </Flex>
          </li>
        ))}
      </ul>
    </Modal>
  );
}
