// form-js's and the server's validation messages mapped to message keys (so they show in the user's language).
import { formJsMessage, serverMessage } from '../../../../designer/src/pages/Task/formMessages';
import { validateFormData } from '../../../../server/services/formValidation';

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
