// The server's 422 field errors placed on the form-js fields whose values they name.
import { problemFieldErrors, serverFieldErrors, valuePathOf } from '../../../../designer/src/pages/Task/serverFieldErrors';

describe('valuePathOf', () => {
  it('should read dotted paths and list indexes under body.variables', () => {
    // given / when / then
    expect(valuePathOf('body.variables.result')).toEqual(['result']);
    expect(valuePathOf('body.variables.report.amount')).toEqual(['report', 'amount']);
    expect(valuePathOf('body.variables.items[1].name')).toEqual(['items', 1, 'name']);
  });

  it('should NOT read a path outside the variables', () => {
    // given / when / then
    expect(valuePathOf('body.note')).toBeNull();
    expect(valuePathOf('body.variablesX.a')).toBeNull();
    expect(valuePathOf('body.variables')).toBeNull();
  });
});

describe('serverFieldErrors', () => {
  const instances = [
    { id: 'Field_result', valuePath: ['result'] },
    { id: 'Field_amount', valuePath: ['report', 'amount'] },
    { id: 'Field_item_name', valuePath: ['items', 1, 'name'], indexes: { Field_items: 1 } },
  ];

  it('should key each error by the component id of the field holding that value', () => {
    // given
    const errors = [
      { path: 'body.variables.result', message: '此项为必填项' },
      { path: 'body.variables.report.amount', message: '不能小于 0' },
    ];

    // when
    const { fieldErrors, unmatched } = serverFieldErrors(errors, instances);

    // then
    expect(fieldErrors).toEqual({ Field_result: ['此项为必填项'], Field_amount: ['不能小于 0'] });
    expect(unmatched).toEqual([]);
  });

  it('should nest errors of a field inside a dynamic list by its index, as form-js does', () => {
    // given / when
    const { fieldErrors } = serverFieldErrors([{ path: 'body.variables.items[1].name', message: 'm' }], instances);

    // then
    expect(fieldErrors).toEqual({ Field_item_name: { 1: ['m'] } });
  });

  it('should collect two errors of one field', () => {
    // given / when
    const { fieldErrors } = serverFieldErrors(
      [
        { path: 'body.variables.result', message: 'a' },
        { path: 'body.variables.result', message: 'b' },
      ],
      instances,
    );

    // then
    expect(fieldErrors).toEqual({ Field_result: ['a', 'b'] });
  });

  it('should return errors without a field on screen as unmatched', () => {
    // given
    const errors = [{ path: 'body.variables.hiddenField', message: 'x' }, { path: 'body', message: 'y' }];

    // when
    const { fieldErrors, unmatched } = serverFieldErrors(errors, instances);

    // then
    expect(fieldErrors).toEqual({});
    expect(unmatched).toEqual(errors);
  });
});

describe('problemFieldErrors', () => {
  it('should keep only well-formed entries of a problem\'s errors', () => {
    // given
    const body = { errors: [{ path: 'body.variables.a', message: 'm' }, { path: 1 }, null, 'x'] };

    // when / then
    expect(problemFieldErrors(body)).toEqual([{ path: 'body.variables.a', message: 'm' }]);
    expect(problemFieldErrors({})).toEqual([]);
  });
});
