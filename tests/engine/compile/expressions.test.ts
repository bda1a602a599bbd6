import { checkedExpression, feelSyntaxError, readExpression } from '../../../engine/compile/expressions';
import { Diagnostics } from '../../../engine/compile/problems';

describe('expressions', () => {
  describe('readExpression', () => {
    it('should read text starting with "=" as FEEL without the "="', () => {
      expect(readExpression('= a + 1 ')).toEqual({ kind: 'feel', source: 'a + 1' });
    });

    it('should read any other text as a static value, unchanged', () => {
      expect(readExpression(' inspectors ')).toEqual({ kind: 'static', value: ' inspectors ' });
    });
  });

  describe('feelSyntaxError', () => {
    it.each(['a + 1', 'count(items) > 0', 'if x then "a" else "b"', '{a: 1}.a', 'some x in [1,2] satisfies x > 1', 'date and time("2025-03-01T09:00:00")', 'working days between(a, b) > 3', 'add working days(now(), 5)', '加工作日(now(), 3)', 'clock("办案期限").deadline'])(
      'should accept %s',
      (source) => {
        expect(feelSyntaxError(source)).toBeUndefined();
      },
    );

    it.each([
      ['a +', { from: 3, to: 3, reason: 'incomplete arithmetic expression' }],
      ['foo(', { from: 4, to: 4, reason: 'incomplete function invocation' }],
      ['"open', { from: 0, to: 1, reason: 'unexpected """' }],
      ['1 +* 2', { from: 3, to: 4, reason: 'unexpected "*"' }],
      ['', { from: 0, to: 0, reason: 'incomplete expression' }],
    ])('should NOT accept %j, saying where', (source, error) => {
      expect(feelSyntaxError(source)).toEqual(error);
    });
  });

  describe('checkedExpression', () => {
    it('should record a feel-invalid problem with the column in the attribute', () => {
      // given
      const diagnostics = new Diagnostics();

      // when
      const expression = checkedExpression('=  x >', 'condition of flow <F>', 'F', diagnostics);

      // then
      expect(expression).toEqual({ kind: 'feel', source: 'x >' });
      expect(diagnostics.problems).toEqual([
        { elementId: 'F', code: 'feel-invalid', message: 'condition of flow <F> has an invalid FEEL expression "=  x >": incomplete comparison at column 7' },
      ]);
    });

    it('should NOT check static values', () => {
      // given
      const diagnostics = new Diagnostics();

      // when
      checkedExpression('a +', 'assignee of userTask <T>', 'T', diagnostics);

      // then
      expect(diagnostics.problems).toEqual([]);
    });

    it('should NOT accept an empty FEEL expression', () => {
      // given
      const diagnostics = new Diagnostics();

      // when
      checkedExpression('=', 'condition of flow <F>', 'F', diagnostics);

      // then
      expect(diagnostics.problems).toEqual([expect.objectContaining({ code: 'feel-invalid', message: expect.stringContaining('incomplete expression at column 2') })]);
    });
  });
});
