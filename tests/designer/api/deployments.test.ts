// deploymentProblems(): reads the problems of a refused deployment, and only of a refused deployment.
import { deploymentProblems } from '../../../designer/src/api/deployments';
import { ProblemError } from '../../../designer/src/api/problem';

describe('deploymentProblems', () => {
  it('should return the problems of a 422, keeping well-formed entries only', () => {
    // given
    const error = new ProblemError(422, { title: 'Refused', problems: [{ code: 'flow-invalid', message: 'bad flow', elementId: 'Flow_1' }, { code: 'start-event-missing', message: 'no start' }, { message: 'no code' }] }, 'x');

    // when
    const problems = deploymentProblems(error);

    // then
    expect(problems).toEqual([
      { code: 'flow-invalid', message: 'bad flow', elementId: 'Flow_1' },
      { code: 'start-event-missing', message: 'no start' },
    ]);
  });

  it('should NOT read problems from another status or a 422 without a problems list', () => {
    // given
    const conflict = new ProblemError(409, { problems: [{ code: 'a', message: 'b' }] }, 'x');
    const bare422 = new ProblemError(422, { title: 'Unprocessable' }, 'x');

    // when / then
    expect(deploymentProblems(conflict)).toBeNull();
    expect(deploymentProblems(bare422)).toBeNull();
  });
});
