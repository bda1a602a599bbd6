// Mutation hook that downloads a case's export as `<case id>.audit.json`.
import { useMutation } from '@tanstack/react-query';
import { downloadText } from '../../bpmn/download';
import { exportCase, exportFileName } from '../audit';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';

/** Fetches the export of case `id` and saves it through the browser; resolves to the file name. */
export function useExportCase(id: string) {
  return useMutation<string, ProblemError, void>({
    mutationFn: async () => {
      const exported = await bodyOf<unknown>(exportCase(id));
      const fileName = exportFileName(id);
      downloadText(fileName, `${JSON.stringify(exported, null, 2)}\n`, 'application/json');
      return fileName;
    },
  });
}
