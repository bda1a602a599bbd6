// The worker runs every built-in job type contracts/jobTypes.ts names, each as an activity of that name.
import { createActivities } from '../../activities';
import { BUILTIN_JOB_TYPES } from '../../contracts/jobTypes';

describe('built-in job types', () => {
  it('should register an activity for every job type the contracts name', () => {
    // given
    const activities = createActivities();

    // when
    const missing = BUILTIN_JOB_TYPES.map(({ type }) => type).filter((type) => typeof activities[type] !== 'function');

    // then
    expect(missing).toEqual([]);
  });
});
