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

  it('should find people who may work on tasks by display name or username for the modeler, within the caller\'s streets', async () => {
    // given bajiao's process owner (street-scoped) and the district's
    const streetOwner = await stack.as('bajiao-owner');
    const districtOwner = await stack.as('owner');

    // when they search for 执法队员 (a part of display names) and for a part of a username
    const byName = await streetOwner.get(`/api/people/search?text=${encodeURIComponent('执法队员')}`).expect(200);
    const byUsername = await districtOwner.get('/api/people/search?text=STAFF').expect(200);

    // then the street's owner finds only its street's staff, the district's owner every street's, and nobody without a task-worker role
    expect(byName.body.items).toEqual([{ username: 'bajiao-staff', displayName: '八角街道执法队员' }]);
    const found = (byUsername.body.items as Array<{ username: string }>).map((item) => item.username);
    expect(found).toEqual(expect.arrayContaining(['bajiao-staff', 'lugu-staff']));
    const everyone = await districtOwner.get('/api/people/search').expect(200);
    expect((everyone.body.items as Array<{ username: string }>).map((item) => item.username)).not.toContain('owner');
  });

  it('should take the search text literally and refuse the search to staff', async () => {
    const owner = await stack.as('owner');
    expect((await owner.get(`/api/people/search?text=${encodeURIComponent('.*')}`).expect(200)).body.items).toEqual([]);
    await (await stack.as('bajiao-staff')).get('/api/people/search?text=a').expect(403);
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
