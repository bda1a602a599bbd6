// The server's problems as people read them: each known code in zh-CN and English with what it names (assignee, time
// limit, size limit, variables, the refused character of a business key), field errors by field, never the server's
// English on a zh-CN page. The problems are made by the server's own code, so a changed server message fails here.
import { WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';
import { z } from 'zod';
import { ProblemError } from '../../../designer/src/api/problem';
import { describeProblem, problemLine } from '../../../designer/src/i18n/describeProblem';
import { knownProblem } from '../../../designer/src/i18n/knownProblems';
import { dictionaries, type Locale } from '../../../designer/src/i18n/locales';
import type { MessageKey } from '../../../designer/src/i18n/messages/zh-CN';
import type { Translate } from '../../../designer/src/i18n/useT';
import { assertMayManage } from '../../../server/auth/userScope';
import type { Principal } from '../../../server/auth/principal';
import { businessKey } from '../../../contracts/api/identifiers';
import { conflict, DomainError, forbidden } from '../../../platform/errors';
import { HttpProblem, problemBody, problemOf } from '../../../server/http/problem';
import { parseOr400 } from '../../../server/http/validate';
import { boundedVariables } from '../../../server/http/variables';
import { withUpdateTimeout } from '../../../server/services/updateTimeout';

/** `t` of a language, as useT builds it. */
const translator = (locale: Locale): Translate => (key: MessageKey, params) =>
  dictionaries[locale][key].replace(/\{(\w+)\}/g, (placeholder, name: string) => (params && name in params ? String(params[name]) : placeholder));
const zh = translator('zh-CN');
const en = translator('en');

/** The problem the API answers for a thrown HTTP problem or domain error. */
const asProblem = (error: HttpProblem | DomainError) => (error instanceof DomainError ? problemOf(error) : error);

/** The error the designer makes of a problem the server answers (its wire body). */
const received = (error: HttpProblem | DomainError) => {
  const problem = asProblem(error);
  return new ProblemError(problem.status, problemBody(problem) as Record<string, unknown>, `http-${problem.status}`);
};

/** The problem a throwing server call answers. */
async function thrown(work: () => unknown): Promise<HttpProblem> {
  try {
    await work();
  } catch (error) {
    if (error instanceof HttpProblem || error instanceof DomainError) return asProblem(error);
    throw error;
  }
  throw new Error('expected an HttpProblem');
}

const CHINESE = /[\u3400-\u9fff]/;
const ENGLISH_WORDS = /\b(the|is|not|must|be|of|and|a)\b/;

function principal(overrides: Partial<Principal>): Principal {
  return { username: 'bajiao-admin', roles: ['admin'], streets: ['bajiao'], groups: [], ...overrides } as Principal;
}

describe('describeProblem', () => {
  it('should name the refused character and its position of a business key, in zh-CN and English', () => {
    // given the server's answer to a business key with a right-to-left override and one with a slash
    const bidi = received(thrownSync(() => parseOr400(z.object({ businessKey }), { businessKey: 'CASE\u202E1' })));
    const slash = received(thrownSync(() => parseOr400(z.object({ businessKey }), { businessKey: 'CASE/1' })));

    // when / then: the character is named by position and code, and an invisible one is never quoted as it is
    expect(problemLine(zh, bidi)).toBe('提交的内容有误，请按提示修改 — 案件编号：第 5 个字符是不可见字符（U+202E），不能使用，只能用字母、数字和 - _ . # ( ) （ ） 〔 〕 【 】');
    expect(problemLine(zh, slash)).toBe('提交的内容有误，请按提示修改 — 案件编号：第 5 个字符「/」（U+002F）不能使用，只能用字母、数字和 - _ . # ( ) （ ） 〔 〕 【 】');
    expect(problemLine(en, slash)).toBe('Some of what was sent is not valid — Business key: Character 5, "/" (U+002F), is not allowed: use letters, digits and - _ . # ( ) （ ） 〔 〕 【 】');
    expect(problemLine(zh, bidi)).not.toContain('\u202E');
  });

  it('should say the variable limits by variable, and a too large start as its own problem', () => {
    // given variables nested too deep and variables over the size limit
    let deep: Record<string, unknown> = {};
    const root = deep;
    for (let i = 0; i < 40; i += 1) deep = (deep.next = {}) as Record<string, unknown>;
    const tooDeep = received(thrownSync(() => parseOr400(z.object({ variables: boundedVariables }), { variables: { report: root } })));
    const tooLarge = received(thrownSync(() => parseOr400(z.object({ variables: boundedVariables }), { variables: { text: 'x'.repeat(1_100_000) } })));

    // when / then
    expect(tooDeep.code).toBe('validation-failed');
    expect(problemLine(zh, tooDeep)).toMatch(/^提交的内容有误，请按提示修改 — 变量 report(\.next)+：嵌套超过 32 层的上限$/);
    expect(tooLarge.code).toBe('variables-too-large');
    expect(describeProblem(zh, tooLarge).title).toMatch(/^案件变量太大，超过每个案件 \d+ 个字符的上限$/);
    expect(problemLine(zh, tooLarge)).toMatch(/案件变量：共 \d+ 个字符，超过每个案件 \d+ 个字符的上限$/);
  });

  it('should say an Update timeout in seconds and that the change may still happen', async () => {
    // given a case that does not answer in time
    const client = { withDeadline: (_: number, send: () => Promise<unknown>) => send() } as unknown as Client;
    const timeout = received(await thrown(() => withUpdateTimeout(client, 'p:CASE-1', () => Promise.reject(new WorkflowUpdateRPCTimeoutOrCancelledError('timed out')), 30_000)));

    // when / then
    expect(timeout.status).toBe(504);
    expect(problemLine(zh, timeout)).toBe('案件在 30 秒内没有响应；修改可能稍后生效，请刷新案件确认后再决定是否重试');
    expect(problemLine(en, timeout)).toBe('The case did not answer within 30 s; the change may still take effect, so reload the case before you retry');
  });

  it('should say the account rules of a street admin in zh-CN', () => {
    // given a street admin granting admin, another street, and changing their own roles
    const streetAdmin = principal({});
    const grantsAdmin = received(thrownSync(() => assertMayManage(streetAdmin, 'new', null, { roles: ['admin'], streets: ['bajiao'] })));
    const otherStreet = received(thrownSync(() => assertMayManage(streetAdmin, 'new', null, { roles: ['volunteer'], streets: ['lugu'] })));
    const own = received(thrownSync(() => assertMayManage(streetAdmin, 'bajiao-admin', { roles: ['admin'], streets: ['bajiao'] }, { roles: ['volunteer'] })));

    // when / then
    expect([grantsAdmin.code, otherStreet.code, own.code]).toEqual(['district-admin-only', 'street-out-of-scope', 'own-roles-or-streets']);
    expect(problemLine(zh, grantsAdmin)).toBe('只有区级管理员可以授予系统管理员角色或全区范围，或管理全区账号');
    expect(problemLine(zh, own)).toBe('不能修改自己的角色或所属街道，请其他管理员操作');
    for (const error of [grantsAdmin, otherStreet, own]) expect(problemLine(zh, error)).toMatch(CHINESE);
  });

  it('should name the assignee who is no candidate, and the variables a task without a form may not change', () => {
    // given the server's problems as services/tasks.ts writes them
    const notCandidate = received(new HttpProblem(422, 'assignee-not-candidate', 'Unprocessable Content', 'user bajiao-volunteer is not a candidate for task t (candidate groups: enforcement; candidate users: none)', { assignee: 'bajiao-volunteer' }));
    const reserved = received(
      new HttpProblem(422, 'reserved-variables', 'Unprocessable Content', 'task t has no form and may not change caseRef, inspector', {
        errors: ['caseRef', 'inspector'].map((key) => ({ path: `body.variables.${key}`, message: 'is used by the process to correlate messages or assign tasks; a task without a form may not change it' })),
      }),
    );

    // when / then
    expect(problemLine(zh, notCandidate)).toBe('bajiao-volunteer 不是此任务的候选人，不能指派给他');
    expect(problemLine(zh, reserved)).toBe('此任务没有表单，不能修改流程用来关联消息或分配任务的变量：caseRef、inspector');
    expect(problemLine(en, reserved)).toBe('This task has no form and may not change variables the process uses to correlate messages or assign tasks: caseRef, inspector');
  });

  it('should say every listed problem code in Chinese on a zh-CN page, without the server\'s English detail', () => {
    // given one problem of each code, with the server's English title and detail
    const codes: Array<[number, string]> = [
      [422, 'invalid-form-data'],
      [422, 'start-form-missing'],
      [422, 'form-rule-too-expensive'],
      [422, 'reserved-variables'],
      [422, 'assignee-not-candidate'],
      [504, 'update-timeout'],
      [422, 'variables-too-large'],
      [400, 'validation-failed'],
      [403, 'street-out-of-scope'],
      [403, 'district-admin-only'],
      [403, 'own-roles-or-streets'],
      [409, 'user-changed'],
      [403, 'session-required'],
      [429, 'too-many-attempts'],
      [422, 'audit-data-too-deep'],
      [422, 'unknown-street'],
    ];

    // when
    const lines = codes.map(([status, code]) => problemLine(zh, received(new HttpProblem(status, code, 'Some Title', 'the server says this in English'))));

    // then
    for (const line of lines) {
      expect(line).toMatch(CHINESE);
      expect(line).not.toMatch(ENGLISH_WORDS);
    }
    expect(codes.filter(([, code]) => knownProblem(code, {}) === null)).toEqual([]);
  });

  it('should translate the form\'s field errors by field, and name the user-changed and session-required refusals', () => {
    // given
    const invalid = received(
      new HttpProblem(422, 'invalid-form-data', 'Unprocessable Content', 'x', {
        errors: [
          { path: 'body.variables.secret', message: 'is not a field of the form' },
          { path: 'body.variables.note', message: '"备注" must have at most 10000 characters' },
          { path: 'body.variables.code', message: '"编码" has a pattern the server cannot check (backreferences and lookaround are not supported)' },
        ],
      }),
    );
    const changed = received(conflict('user-changed', 'user x was changed meanwhile; read it again and retry'));
    const token = received(forbidden('a bearer token cannot create tokens: sign in with your password to create one', 'session-required'));

    // when / then
    expect(describeProblem(zh, invalid)).toEqual({
      title: '提交的数据未通过表单校验',
      detail: '变量 secret：表单中没有此字段；变量 note：最多 10000 个字符；变量 code：此字段的格式规则服务器无法校验（不支持反向引用和环视），请联系流程管理员修改表单',
    });
    expect(problemLine(zh, changed)).toBe('该用户刚被他人修改，请重新加载后再试');
    expect(problemLine(zh, token)).toBe('使用 API 令牌时不能创建新令牌，请用密码登录后再创建');
  });

  it('should give an unknown problem a status line in the user\'s language and keep the server\'s detail for operators', () => {
    // given
    const unknown = received(new HttpProblem(409, 'something-new', 'Conflict', 'what the server says'));
    const failure = received(new HttpProblem(500, 'internal', 'Internal Server Error', 'something went wrong on the server; it has been logged'));

    // when / then
    expect(describeProblem(zh, unknown)).toEqual({ title: '服务器拒绝了请求（HTTP 409）', detail: 'what the server says' });
    expect(describeProblem(zh, failure).title).toBe('服务器出错（HTTP 500），请稍后再试');
  });
});

/** The problem a synchronous server call throws. */
function thrownSync(work: () => unknown): HttpProblem {
  try {
    work();
  } catch (error) {
    if (error instanceof HttpProblem || error instanceof DomainError) return asProblem(error);
    throw error;
  }
  throw new Error('expected an HttpProblem');
}
