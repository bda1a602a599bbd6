// Debounced autosave of the diagram to the draft endpoint; a changed process id saves under the new key.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useSaveDraft } from '../../../api/hooks/useSaveDraft.mutation';
import type { ProblemError } from '../../../api/problem';
import { readProcessHeader } from '../../../bpmn/processHeader';

/** How long the diagram must stay unchanged before it is saved. */
export const AUTOSAVE_DELAY_MS = 1500;

/** Where the autosave stands. */
export type SaveStatus = { state: 'idle' } | { state: 'pending' } | { state: 'saving' } | { state: 'saved'; at: string } | { state: 'failed'; error: ProblemError };

/**
 * Returns `schedule(xml)` (saves after AUTOSAVE_DELAY_MS without further changes, and on unmount) and the status.
 * When the XML's process id is no longer `key`, the draft is saved under the new id and `onRename(newKey)` is called.
 */
export function useAutosave(key: string, baseVersion: number | null, onRename: (newKey: string) => void) {
  const saveDraft = useSaveDraft();
  const [status, setStatus] = useState<SaveStatus>({ state: 'idle' });
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const latest = useRef({ key, baseVersion, onRename, mutate: saveDraft.mutate });
  latest.current = { key, baseVersion, onRename, mutate: saveDraft.mutate };

  const flush = useCallback(() => {
    clearTimeout(timer.current);
    const xml = pending.current;
    if (xml === null) return;
    pending.current = null;
    const { key: current, baseVersion: base, onRename: rename, mutate } = latest.current;
    const target = readProcessHeader(xml)?.processId ?? current;
    setStatus({ state: 'saving' });
    mutate(
      { key: target, xml, baseVersion: base },
      {
        onSuccess: (draft) => {
          setStatus({ state: 'saved', at: draft.savedAt });
          if (target !== current) rename(target);
        },
        onError: (error) => setStatus({ state: 'failed', error }),
      },
    );
  }, []);

  const schedule = useCallback(
    (xml: string) => {
      pending.current = xml;
      setStatus({ state: 'pending' });
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, AUTOSAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => flush, [flush]);

  return { schedule, flush, status };
}
