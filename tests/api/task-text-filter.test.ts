// The task list's text filter on the server: words matched in task name, business key and process key or name,
// case-insensitively, with regular-expression characters taken literally.
import { type ApiSession, type ApiStack, startApiStack } from '../support/api';
import { deployFixtures, inspectionCase, uniqueKey } from './fixtures';

describe('GET /api/tasks?text=', () => {
  let stack: ApiStack;
  let staff: ApiSession;
  let prefix: string;
  let plain: string;
  let special: string;
  beforeAll(async () => {
    stack = await startApiStack();
    await deployFixtures(stack, await stack.as('owner'));
    const admin = await stack.as('admin');
    prefix = uniqueKey('TXT');
    plain = (await inspectionCase(admin, { businessKey: `${prefix}-Alpha`, variables: { groups: ['enforcement'] } })).taskId;
    special = (await inspectionCase(admin, { businessKey: `${prefix}-(b.)`, variables: { groups: ['enforcement'] } })).taskId;
    staff = await stack.as('bajiao-staff');
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const ids = async (text: string) =>
    ((await staff.get(`/api/tasks?size=200&text=${encodeURIComponent(text)}`).expect(200)).body.items as Array<{ id: string }>).map((t) => t.id).sort();

  it('should match the business key case-insensitively, and need every word', async () => {
    expect(await ids(`${prefix}-alpha`)).toEqual([plain]);
    expect(await ids(`${prefix.toLowerCase()}`)).toEqual([plain, special].sort());
    expect(await ids(`${prefix} ALPHA`)).toEqual([plain]);
    expect(await ids(`${prefix} nowhere`)).toEqual([]);
  });

  it('should match the task name and the process name and key', async () => {
    expect(await ids(`${prefix} 现场核查`)).toEqual([plain, special].sort());
    expect(await ids(`${prefix} 街面巡查`)).toEqual([plain, special].sort());
    expect(await ids(`${prefix} STREET-INSPECTION`)).toEqual([plain, special].sort());
    expect(await ids(`${prefix} 无此流程`)).toEqual([]);
  });

  it('should take regular-expression characters literally', async () => {
    expect(await ids(`${prefix}-(b.)`)).toEqual([special]);
    expect(await ids(`${prefix}-.*`)).toEqual([]);
    expect(await ids(`${prefix} (`)).toEqual([special]);
    expect(await ids(`${prefix} [`)).toEqual([]);
  });

  it('should refuse a text over 200 characters with the field named', async () => {
    const res = await staff.get(`/api/tasks?text=${'x'.repeat(201)}`).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.text' })]);
  });
});
