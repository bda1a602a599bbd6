// The designer's role sets say who sees what; they must match the server's (which decides who may do what).
import { DEFINITION_READERS, DESIGN_READERS, DESIGNERS, PROCESS_LISTERS, STARTERS, TASK_WORKERS } from '../../../designer/src/api/roles';
import * as access from '../../../server/routes/access';

describe('designer role sets', () => {
  it('should equal the server\'s sets of the same name', () => {
    // given / when / then
    expect([...TASK_WORKERS].sort()).toEqual([...access.TASK_WORKERS].sort());
    expect([...STARTERS].sort()).toEqual([...access.STARTERS].sort());
    expect([...DEFINITION_READERS].sort()).toEqual([...access.DEFINITION_READERS].sort());
    expect([...DESIGNERS].sort()).toEqual([...access.DESIGNERS].sort());
    expect([...PROCESS_LISTERS].sort()).toEqual([...access.PROCESS_LISTERS].sort());
  });

  it('should show the designer to those who may read drafts or design', () => {
    // given / when / then
    expect([...DESIGN_READERS].sort()).toEqual([...new Set([...access.DESIGNERS, ...access.DRAFT_READERS])].sort());
  });
});
