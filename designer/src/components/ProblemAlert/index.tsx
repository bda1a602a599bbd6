// An error banner for a failed API call.
import { Alert } from 'antd';
import type { ProblemError } from '../../api/problem';
import { problemLine } from '../../i18n/describeProblem';
import { useT } from '../../i18n/useT';

/** Shows what failed (`message`) and the problem's title and detail. */
export function ProblemAlert({ message, error }: { message: string; error: ProblemError }) {
  const t = useT();
  return <Alert type="error" showIcon title={message} description={problemLine(t, error)} />;
}
