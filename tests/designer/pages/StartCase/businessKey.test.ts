// The start page's business key suggestion.
import { suggestBusinessKey } from '../../../../designer/src/pages/StartCase/businessKey';

describe('suggestBusinessKey', () => {
  it('should give prefix, local date and a four-digit hex suffix, valid as a business key', () => {
    // given / when
    const key = suggestBusinessKey(new Date(2026, 10, 7, 23, 59), () => 0.5);

    // then
    expect(key).toBe('CASE-20261107-8000');
    expect(key).toMatch(/^[^/:\s]+$/);
  });
});
