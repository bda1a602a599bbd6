// Creates a new process's draft (blank or from `?template=`) and opens it in the modeler.
import { useQueryClient } from '@tanstack/react-query';
import { Spin } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { draftQueryKey } from '../../../api/hooks/useDraft.query';
import { ProblemError } from '../../../api/problem';
import { PROCESS_TEMPLATES } from '../../../bpmn/processTemplates';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useT } from '../../../i18n/useT';
import { navigate, searchParam } from '../../../routing/location';
import { modelerPath } from '../../../routing/paths';
import { createDraft } from './createDraft';

/** Shows a spinner while the draft is created, then replaces the URL with the new process's modeler page. */
export function NewProcess() {
  const t = useT();
  const queryClient = useQueryClient();
  const [error, setError] = useState<ProblemError | null>(null);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const template = PROCESS_TEMPLATES.find((candidate) => candidate.id === searchParam('template'));
    createDraft(template, t('modeler.newProcessName')).then(
      (draft) => {
        queryClient.setQueryData(draftQueryKey(draft.key), draft);
        navigate(modelerPath(draft.key), { replace: true });
      },
      (cause: unknown) => setError(cause instanceof ProblemError ? cause : new ProblemError(0, { title: String(cause) }, 'create-failed')),
    );
  }, [queryClient, t]);

  if (error) return <ProblemAlert message={t('modeler.createFailed')} error={error} />;
  return <Spin size="large" style={{ display: 'block', marginTop: 120 }} />;
}
