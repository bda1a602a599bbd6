// What a volunteer reads on an order's card before taking it: the order's address and description as the task shows
// them (the service form's read-only fields), fetched per card.
import { Typography } from 'antd';
import { useTask } from '../../api/hooks/useTask.query';

/** A string variable of the task's case, if its form shows it. */
const textOf = (variables: Record<string, unknown> | null | undefined, key: string) => (typeof variables?.[key] === 'string' ? (variables[key] as string) : undefined);

/** The address and description of task `taskId`'s order (nothing while loading or when its form shows neither). */
export function OrderDetails({ taskId }: { taskId: string }) {
  const task = useTask(taskId);
  const address = textOf(task.data?.variables, 'address');
  const description = textOf(task.data?.variables, 'description');
  return (
    <>
      {address && <Typography.Text data-testid="order-address">{address}</Typography.Text>}
      {description && (
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
          {description}
        </Typography.Paragraph>
      )}
    </>
  );
}
