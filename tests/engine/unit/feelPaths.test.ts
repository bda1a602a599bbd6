// A plain variable path (`site`, `site.address.street`) is read without parsing: for every such expression and
// context the result must be exactly what feelin evaluates.
import { evaluate } from 'feelin';
import { DEFAULT_FEEL_LIMITS, evaluateFeel, toJsonValue } from '../../../engine/feel';

const context: Record<string, unknown> = {
  site: { id: 's1', address: { street: '八角街道', no: 7 }, tags: ['a', 'b'], nothing: null },
  sites: [{ id: 's1' }, { id: 's2' }, 'plain'],
  count: 3,
  name: 'abc',
  flag: false,
  empty: null,
  'with.dot': 1,
  loopCounter: 2,
};

/** What feelin itself gives for the expression (the reference). */
const byFeelin = (source: string, ctx: Record<string, unknown>) => toJsonValue(evaluate(source, ctx).value);

describe('plain variable paths', () => {
  it.each([
    'site',
    'site.id',
    'site.address.street',
    ' site.address.no ',
    'site.missing',
    'site.missing.deeper',
    'site.nothing',
    'site.nothing.deeper',
    'site.tags',
    'sites',
    'sites.id',
    'count',
    'name',
    'name.length',
    'flag',
    'empty',
    'empty.x',
    'loopCounter',
    'unknown',
    'unknown.x',
    'true',
    'null',
    'with.dot',
  ])('should read %s as feelin evaluates it', (source) => {
    // when
    const metered = evaluateFeel(source, context, DEFAULT_FEEL_LIMITS);
    const unmetered = evaluateFeel(source, context);

    // then
    expect(metered).toEqual(byFeelin(source, context));
    expect(unmetered).toEqual(byFeelin(source, context));
  });

  it('should give a copy-free value that is plain JSON', () => {
    // when
    const value = evaluateFeel('site.address', context, DEFAULT_FEEL_LIMITS);

    // then
    expect(value).toEqual({ street: '八角街道', no: 7 });
  });
});
