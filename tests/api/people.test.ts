// Pages speak the user's language (issue 17), on the real stack: display names for the usernames a page shows (only of
// people who share a street with the caller), and a case names its process's elements so its timeline never shows ids.
import { type ApiStack, enc, startApiStack } from '../support/api';
import { deployFixtures, inspectionCase } from './fixtures';

describe('people and element names', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should answer the display names of people who share a street with the caller, leaving out the others', async () => {
    // given a resident of bajiao
    const resident = await stack.as('bajiao-resident');

    // when they ask for staff of their street, of the other street, a district-wide user and an unknown name
    const res = await resident.get('/api/people?usernames=bajiao-staff,lugu-staff,admin,nobody,bajiao-staff').expect(200);

    // then the names they may see come back once each, in the order asked
    expect(res.body.items).toEqual([
      { username: 'bajiao-staff', displayName: expect.stringContaining('执法队员') },
      { username: 'admin', displayName: '区级系统管理员' },
    ]);
  });

  it('should refuse more than 100 names with a 400 naming the parameter', async () => {
    const staff = await stack.as('bajiao-staff');
    const names = Array.from({ length: 101 }, (_, i) => `u${i}`).join(',');
    const res = await staff.get(`/api/people?usernames=${names}`).expect(400);
    expect(JSON.stringify(res.body.errors)).toContain('usernames');
  });

  it('should name and type every element of the case\'s process in the case view', async () => {
    // given a running inspection case
    const staff = await stack.as('bajiao-staff');
    const { id } = await inspectionCase(staff);

    // when it is read
    const res = await staff.get(`/api/instances/${enc(id)}`).expect(200);

    // then its elements carry the diagram's names and kinds
    expect(res.body.elements.Inspect).toEqual({ name: '现场核查', kind: 'userTask' });
    expect(Object.values(res.body.elements as Record<string, { kind: string }>).map((e) => e.kind)).toContain('startEvent');
  });
});
