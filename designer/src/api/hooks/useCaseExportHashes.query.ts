// Query hook for what a case's export declares about itself: its hashes, signing key and time (the file is not kept).
import { useQuery } from '@tanstack/react-query';
import { type CaseExport, exportCase } from '../audit';
import { bodyOf } from '../bodyOf';
import type { ProblemError } from '../problem';

/** The hashes, signing key id and time of an export of a case, as the server declares and signs them. */
export type ExportHashes = Pick<CaseExport, 'exportedAt' | 'hashes'> & { keyId: string };

/** The hashes of an export of case `id` (GET …/export, read once; the history and chain it hashes are not kept). */
export function useCaseExportHashes(id: string) {
  return useQuery<ExportHashes, ProblemError>({
    queryKey: ['cases', id, 'export', 'hashes'],
    queryFn: async ({ signal }) => {
      const exported = await bodyOf<CaseExport>(exportCase(id), signal);
      return { exportedAt: exported.exportedAt, hashes: exported.hashes, keyId: exported.signature.keyId };
    },
    staleTime: Infinity,
  });
}
