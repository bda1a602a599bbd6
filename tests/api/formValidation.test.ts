// The form-js validator (pure): required, types, options, min/max, lengths, patterns, groups, dynamic lists, hidden fields.
import { schemaProblems, validateFormData } from '../../server/services/formValidation';

const schema = {
  components: [
    { type: 'textfield', key: 'name', label: '姓名', validate: { required: true, minLength: 2 } },
    { type: 'textfield', key: 'email', validate: { validationType: 'email' } },
    { type: 'number', key: 'count', validate: { min: 1, max: 3 } },
    { type: 'checkbox', key: 'agreed' },
    { type: 'select', key: 'level', values: [{ label: '低', value: 'low' }, { label: '高', value: 'high' }] },
    { type: 'checklist', key: 'tags', values: [{ label: 'a', value: 'a' }] },
    { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'street', validate: { required: true } }] },
    { type: 'dynamiclist', path: 'people', components: [{ type: 'textfield', key: 'who', validate: { required: true } }] },
    { type: 'textfield', key: 'reason', validate: { required: true }, conditional: { hide: '=agreed = true' } },
    { type: 'text', text: 'display only' },
  ],
};

describe('form data validation', () => {
  it('should accept valid data', () => {
    const data = { name: '王五', email: 'w@example.org', count: 2, agreed: true, level: 'high', tags: ['a'], address: { street: '八角北路' }, people: [{ who: 'x' }] };
    expect(validateFormData(schema, data)).toEqual([]);
  });

  it('should name every invalid field by its path', () => {
    const data = { name: 'a', email: 'nope', count: 9, agreed: 'yes', level: 'mid', tags: ['b'], address: {}, people: [{ who: '' }, {}] };
    expect(validateFormData(schema, data).map((e) => e.path)).toEqual([
      'body.variables.name',
      'body.variables.email',
      'body.variables.count',
      'body.variables.agreed',
      'body.variables.level',
      'body.variables.tags',
      'body.variables.address.street',
      'body.variables.people[0].who',
      'body.variables.people[1].who',
      'body.variables.reason',
    ]);
  });

  it('should skip a required field hidden by its condition', () => {
    const errors = validateFormData(schema, { name: '王五', agreed: true, address: { street: 'x' } });
    expect(errors).toEqual([]);
  });

  it('should find problems in a schema: missing type, duplicate keys, bad pattern', () => {
    expect(schemaProblems({ components: [{ key: 'a' }, { type: 'textfield', key: 'b', validate: { pattern: '(' } }, { type: 'number', key: 'b' }] }).map((p) => p.path)).toEqual([
      'schema.components[0]',
      'schema.components[1].validate.pattern',
      'schema.components[2].key',
    ]);
    expect(schemaProblems({})).toEqual([{ path: 'schema.components', message: 'must be an array of components' }]);
  });
});
