// Street ids as people read them: 八角街道 for `bajiao`, 全区 for `*` (the street names come from the org units).
import { useCallback } from 'react';
import { useT } from '../../i18n/useT';
import { useOrgUnits } from './useOrgUnits.query';

/** Returns a function from a street id (or `*`, or null) to its name; an unknown id is shown as it is. */
export function useStreetName(): (id: string | null | undefined) => string {
  const t = useT();
  const streets = useOrgUnits('street');
  return useCallback(
    (id) => {
      if (!id) return t('street.none');
      if (id === '*') return t('street.district');
      return streets.data?.find((unit) => unit.id === id)?.name ?? id;
    },
    [streets.data, t],
  );
}
