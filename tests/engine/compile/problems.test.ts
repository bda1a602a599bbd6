import { abbreviate, Diagnostics } from '../../../engine/compile/problems';

describe('problems', () => {
  it('should collect problems and warnings in order, naming the element only when there is one', () => {
    // given
    const diagnostics = new Diagnostics();

    // when
    diagnostics.problem('not-xml', 'broken');
    diagnostics.warning('unreachable', 'task <T> cannot be reached from a start event', 'T');
    diagnostics.problem('feel-invalid', 'bad FEEL', 'F');

    // then
    expect(diagnostics.problems).toEqual([{ code: 'not-xml', message: 'broken' }, { elementId: 'F', code: 'feel-invalid', message: 'bad FEEL' }]);
    expect(diagnostics.warnings).toEqual([{ elementId: 'T', code: 'unreachable', message: 'task <T> cannot be reached from a start event' }]);
  });

  it('should shorten long quoted text and keep short text as it is', () => {
    expect(abbreviate('x'.repeat(100), 10)).toBe('xxxxxxx...');
    expect(abbreviate('=a + b')).toBe('=a + b');
  });
});
