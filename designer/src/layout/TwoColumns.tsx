// Two columns side by side on a wide screen, one above the other below it: a plain CSS grid (antd's Row and Col make
// the styles of every span at every breakpoint, ~87 KiB of CSS, the first time any page uses them).
import type { ReactNode } from 'react';
import { useScreenBelow } from './useScreenBelow';

/** `first` and `second` side by side from 1200 px (antd's xl) in `ratio`, e.g. [10, 14], stacked below; 16 px apart. */
export function TwoColumns({ first, second, ratio }: { first: ReactNode; second: ReactNode; ratio: [number, number] }) {
  const stacked = useScreenBelow('xl');
  return (
    <div style={{ display: 'grid', gap: 16, gridTemplateColumns: stacked ? 'minmax(0, 1fr)' : `minmax(0, ${ratio[0]}fr) minmax(0, ${ratio[1]}fr)` }}>
      <div style={{ minWidth: 0 }}>{first}</div>
      <div style={{ minWidth: 0 }}>{second}</div>
    </div>
  );
}
