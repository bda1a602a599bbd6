// The 「导入 BPMN」 button: reads a .bpmn file, deploys it, and reports the outcome.
import { App, Button, Upload } from 'antd';
import { useState } from 'react';
import { deploymentProblems, type ModelProblem } from '../../../api/deployments';
import { useCreateDeployment } from '../../../api/hooks/useCreateDeployment.mutation';
import { ProblemListModal } from '../../../components/ProblemListModal';
import { problemLine } from '../../../i18n/describeProblem';
import { useT } from '../../../i18n/useT';

interface Findings {
  severity: 'error' | 'warning';
  problems: ModelProblem[];
}

/** Deploys a chosen BPMN file; a refused diagram (422) lists its problems in a dialog and changes nothing. */
export function ImportBpmnButton() {
  const t = useT();
  const { message } = App.useApp();
  const deploy = useCreateDeployment();
  const [findings, setFindings] = useState<Findings | null>(null);

  async function importFile(file: File) {
    let xml: string;
    try {
      xml = await file.text();
    } catch {
      void message.error(t('import.readFailed', { file: file.name }));
      return;
    }
    deploy.mutate(
      { xml },
      {
        onSuccess: ({ key, version, created, warnings }) => {
          void message.success(t(created ? 'import.deployed' : 'import.unchanged', { key, version }));
          if (warnings?.length) setFindings({ severity: 'warning', problems: warnings });
        },
        onError: (error) => {
          const problems = deploymentProblems(error);
          if (problems) {
            setFindings({ severity: 'error', problems });
            return;
          }
          void message.error(t('import.failed', { title: problemLine(t, error) }));
        },
      },
    );
  }

  return (
    <>
      <Upload
        accept=".bpmn,.xml"
        showUploadList={false}
        beforeUpload={(file) => {
          void importFile(file);
          return Upload.LIST_IGNORE;
        }}
      >
        <Button loading={deploy.isPending}>
          {t('import.button')}
        </Button>
      </Upload>
      <ProblemListModal
        open={findings !== null}
        severity={findings?.severity ?? 'error'}
        title={
          findings?.severity === 'warning'
            ? t('problems.warnings', { count: findings.problems.length })
            : t('problems.rejected', { count: findings?.problems.length ?? 0 })
        }
        problems={findings?.problems ?? []}
        onClose={() => setFindings(null)}
      />
    </>
  );
}
