// form-js's and the server's validation messages mapped to message keys (so they show in the user's language).
import { type MessageKey, zhCN } from '../../../../designer/src/i18n/messages/zh-CN';
import type { Translate } from '../../../../designer/src/i18n/useT';
import { formJsMessage, serverMessage, serverMessageText } from '../../../../designer/src/pages/Task/formMessages';
import { checkFormSubmission, MAX_TEXT_LENGTH, validateFormData } from '../../../../server/services/formValidation';

describe('formJsMessage', () => {
  it('should know form-js\'s required, range, length, pattern and type messages', () => {
    // given / when / then
    expect(formJsMessage('Field is required.')).toEqual({ key: 'formMessage.required' });
    expect(formJsMessage('Field must have minimum value of 0.')).toEqual({ key: 'formMessage.min', params: { value: '0' } });
    expect(formJsMessage('Field must have maximum value of 10.5.')).toEqual({ key: 'formMessage.max', params: { value: '10.5' } });
    expect(formJsMessage('Field must have minimum length of 2.')).toEqual({ key: 'formMessage.minLength', params: { count: '2' } });
    expect(formJsMessage('Field must have maximum length of 20.')).toEqual({ key: 'formMessage.maxLength', params: { count: '20' } });
    expect(formJsMessage('Field must match pattern ^\\d+$.')).toEqual({ key: 'formMessage.pattern', params: { pattern: '^\\d+$' } });
    expect(formJsMessage('Field must be a valid email.')).toEqual({ key: 'formMessage.email' });
    expect(formJsMessage('Field must be a valid  international phone number. (e.g. +4930664040900)')).toEqual({ key: 'formMessage.phone' });
    expect(formJsMessage('Value is not a number.')).toEqual({ key: 'formMessage.number' });
  });

  it('should NOT claim a message it does not know (a custom pattern message stays as written)', () => {
    // given / when / then
    expect(formJsMessage('请填写 11 位手机号')).toBeNull();
  });
});

describe('serverMessage', () => {
  it('should know every message the server\'s form validation writes, whatever the label', () => {
    // given
    const schema = {
      components: [
        { type: 'textfield', key: 'name', label: '名称', validate: { required: true } },
        { type: 'number', key: 'amount', validate: { min: 1, max: 5 } },
        { type: 'number', key: 'count' },
        { type: 'textfield', key: 'code', validate: { minLength: 3, maxLength: 4, pattern: '^[A-Z]+$' } },
        { type: 'textfield', key: 'mail', validate: { validationType: 'email' } },
        { type: 'textfield', key: 'phone', validate: { validationType: 'phone' } },
        { type: 'select', key: 'kind', values: [{ value: 'a' }] },
        { type: 'datetime', key: 'when' },
      ],
    };
    const data = { amount: 0, count: 'x', code: 'ab', mail: 'no', phone: 'no', kind: 'z', when: 'never' };
    const tooLong = { name: 'n', amount: 9, code: 'ABCDE' };

    // when
    const messages = [...validateFormData(schema, data), ...validateFormData(schema, tooLong)].map((e) => e.message);

    // then
    const unknown = messages.filter((message) => serverMessage(message) === null);
    expect(unknown).toEqual([]);
    expect(messages.map((message) => serverMessage(message)?.key)).toEqual(
      expect.arrayContaining(['formMessage.required', 'formMessage.min', 'formMessage.max', 'formMessage.number', 'formMessage.minLength', 'formMessage.maxLength', 'formMessage.pattern', 'formMessage.email', 'formMessage.phone', 'formMessage.option', 'formMessage.date']),
    );
  });

  it('should keep the numbers of a range message', () => {
    // given / when / then
    expect(serverMessage('"金额" must be at least 1')).toEqual({ key: 'formMessage.min', params: { value: '1' } });
    expect(serverMessage('the field must have at most 4 characters')).toEqual({ key: 'formMessage.maxLength', params: { count: '4' } });
  });
});

describe('serverMessage of the issue-10 checks', () => {
  it('should know an unknown key, an unsupported pattern and a too long text as the server writes them', () => {
    // given a form and a submission with a key it has no field for, a backreference pattern and an overlong note
    const schema = {
      components: [
        { type: 'textfield', key: 'code', label: '编码', validate: { pattern: '(a)\\1' } },
        { type: 'textarea', key: 'note', label: '备注' },
      ],
    };

    // when
    const errors = checkFormSubmission(schema, { secret: 1, code: 'aa', note: 'x'.repeat(MAX_TEXT_LENGTH + 1) }).errors;

    // then
    expect(errors.map((e) => [e.path, serverMessage(e.message)])).toEqual([
      ['body.variables.secret', { key: 'formMessage.unknownField' }],
      ['body.variables.code', { key: 'formMessage.patternUnsupported' }],
      ['body.variables.note', { key: 'formMessage.maxLength', params: { count: String(MAX_TEXT_LENGTH) } }],
    ]);
  });

  it('should know the variable limits and the reserved-variable refusal', () => {
    // given / when / then
    expect(serverMessage('nested deeper than 32 levels (the limit of variables)')).toEqual({ key: 'formMessage.tooDeep', params: { levels: '32' } });
    expect(serverMessage('has 1001 keys, over the limit of 1000 per object')).toEqual({ key: 'formMessage.tooManyKeys', params: { count: '1001', limit: '1000' } });
    expect(serverMessage('brings the keys of the variables over the limit of 10000 in all')).toEqual({ key: 'formMessage.tooManyKeysTotal', params: { limit: '10000' } });
    expect(serverMessage('are 1000042 characters of JSON, over the limit of 1000000 per case')).toEqual({ key: 'formMessage.tooLarge', params: { count: '1000042', limit: '1000000' } });
    expect(serverMessage('is used by the process to correlate messages or assign tasks; a task without a form may not change it')).toEqual({ key: 'formMessage.reserved' });
  });

  it('should say every message in zh-CN with its numbers', () => {
    // given
    const zh: Translate = (key: MessageKey, params) => zhCN[key].replace(/\{(\w+)\}/g, (p, name: string) => (params && name in params ? String(params[name]) : p));

    // when / then
    expect(serverMessageText(zh, 'the field is not a field of the form')).toBe('表单中没有此字段');
    expect(serverMessageText(zh, '"名称" must have at most 10000 characters')).toBe('最多 10000 个字符');
    expect(serverMessageText(zh, 'something the client does not know')).toBe('something the client does not know');
  });
});
