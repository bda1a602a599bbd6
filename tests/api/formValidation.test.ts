// The form-js validator (pure): required, types, options, min/max, lengths, patterns, groups, dynamic lists, hidden fields;
// what a submission passes to the case, what the task view shows, and checks bounded in time (issue 10, defects 3, 4, 16).
import { formVariables } from '../../server/services/formSchema';
import { checkFormSubmission, MAX_TEXT_LENGTH, schemaProblems, validateFormData } from '../../server/services/formValidation';

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

describe('what a submission passes to the case (issue 10, defect 3)', () => {
  const form = {
    components: [
      { type: 'text', text: '核查 {{address}}' },
      { type: 'checkbox', key: 'agreed' },
      { type: 'textfield', key: 'reason', validate: { required: true }, conditional: { hide: '=agreed = true' } },
      { type: 'textfield', key: 'caseNo', readonly: true },
      { type: 'textfield', key: 'locked', disabled: true },
      { type: 'group', path: 'address', components: [{ type: 'textfield', key: 'street' }] },
      { type: 'dynamiclist', path: 'people', components: [{ type: 'textfield', key: 'who' }] },
      { type: 'button', action: 'submit', label: '提交' },
    ],
  };

  it('should refuse keys that are no field of the form, naming each (form-js submits only keyed fields)', () => {
    // given a submission with a top-level, a nested and a list item key the form does not have
    const input = { agreed: true, caseNo2: 'X', address: { street: 'a', idNumber: '1101' }, people: [{ who: 'x', phone: '1' }] };

    // when / then
    expect(checkFormSubmission(form, input).errors).toEqual([
      { path: 'body.variables.caseNo2', message: 'is not a field of the form' },
      { path: 'body.variables.address.idNumber', message: 'is not a field of the form' },
      { path: 'body.variables.people[0].phone', message: 'is not a field of the form' },
    ]);
  });

  it('should evaluate hide rules on the case data merged with the input, so hiding a field by submitting data does not skip it', () => {
    // given a case whose `agreed` is false and a submission that leaves it out but hides `reason` through... nothing:
    // the case says agreed = false, so `reason` is shown and required
    expect(checkFormSubmission(form, {}, { agreed: false }).errors).toEqual([{ path: 'body.variables.reason', message: 'the field is required' }]);
    // and the submitted data wins over the case's when both have the key (as in the browser)
    expect(checkFormSubmission(form, { agreed: true }, { agreed: false }).errors).toEqual([]);
  });

  it('should pass on only the visible, editable fields (hidden, read-only and disabled values are dropped)', () => {
    // given
    const input = { agreed: true, reason: 'hidden now', caseNo: 'OVERWRITE', locked: 'x', address: { street: '八角北路' }, people: [{ who: '王五' }] };

    // when
    const { errors, values } = checkFormSubmission(form, input, { caseNo: 'C-1' });

    // then
    expect(errors).toEqual([]);
    expect(values).toEqual({ agreed: true, address: { street: '八角北路' }, people: [{ who: '王五' }] });
  });

  it('should give the task view the variables the form binds or mentions, and nothing else', () => {
    // given a case with a field's value, a group, a list, a template's variable and unrelated data
    const caseVariables = { agreed: true, caseNo: 'C-1', address: { street: 's', idNumber: '1101' }, people: [{ who: 'w', idNumber: '2' }], idNumber: '110101199001011234', groups: ['enforcement'] };

    // when / then
    expect(formVariables(form, caseVariables)).toEqual({ agreed: true, caseNo: 'C-1', address: { street: 's', idNumber: '1101' }, people: [{ who: 'w' }] });
    expect(formVariables({ components: [{ type: 'textfield', key: 'note', conditional: { hide: '=count(groups) > 1 and flag' } }] }, caseVariables)).toEqual({ groups: ['enforcement'] });
  });
});

describe('bounded checks (issue 10, defect 4: ReDoS)', () => {
  const form = {
    components: [
      { type: 'textfield', key: 'code', validate: { pattern: '^(a+)+$' } },
      { type: 'textfield', key: 'mail', validate: { validationType: 'email' } },
      { type: 'textfield', key: 'short', validate: { maxLength: 5, pattern: '^(a|aa)+$' } },
    ],
  };

  it('should check 100,000 characters against a catastrophic pattern and an e-mail field in well under two seconds', () => {
    // given inputs that make backtracking engines run for minutes
    const input = { code: `${'a'.repeat(100_000)}!`, mail: `a@${'a.'.repeat(50_000)}@` };

    // when
    const started = performance.now();
    const { errors } = checkFormSubmission(form, input);
    const took = performance.now() - started;

    // then both are refused for their length, and the check finished quickly
    expect(errors).toEqual([
      { path: 'body.variables.code', message: `the field must have at most ${MAX_TEXT_LENGTH} characters` },
      { path: 'body.variables.mail', message: `the field must have at most ${MAX_TEXT_LENGTH} characters` },
    ]);
    expect(took).toBeLessThan(2000);
  });

  it('should run patterns and the e-mail check in linear time on text within the limit', () => {
    // given text within the limit crafted against backtracking (the old e-mail regex took ~0.6 s on this one, 10 s at 40k)
    const input = { code: `${'a'.repeat(MAX_TEXT_LENGTH - 1)}!`, mail: `a@${'a.'.repeat(MAX_TEXT_LENGTH / 2 - 2)}@` };

    // when
    const started = performance.now();
    const { errors } = checkFormSubmission(form, input);

    // then
    expect(errors.map((e) => e.path)).toEqual(['body.variables.code', 'body.variables.mail']);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(checkFormSubmission(form, { mail: 'w@example.org' }).errors).toEqual([]);
  });

  it('should stop at a length error: no pattern error for text that is too long', () => {
    expect(checkFormSubmission(form, { short: 'aaaaaaaa' }).errors).toEqual([{ path: 'body.variables.short', message: 'the field must have at most 5 characters' }]);
  });

  it('should refuse, when saving, a pattern the linear engine cannot run (backreference, lookaround), naming the field', () => {
    const problems = schemaProblems({ components: [{ type: 'textfield', key: 'a', validate: { pattern: '^(a)\\1$' } }, { type: 'textfield', key: 'b', validate: { pattern: '^(?=x)x$' } }] });
    expect(problems.map((p) => p.path)).toEqual(['schema.components[0].validate.pattern', 'schema.components[1].validate.pattern']);
    expect(problems[0].message).toMatch(/field "a"/);
  });

  it('should treat such a pattern in a form stored before as a validation error of its field at submit', () => {
    const stored = { components: [{ type: 'textfield', key: 'a', label: '编号', validate: { pattern: '^(a)\\1$' } }] };
    expect(checkFormSubmission(stored, { a: 'aa' }).errors).toEqual([{ path: 'body.variables.a', message: '"编号" has a pattern the server cannot check (backreferences and lookaround are not supported)' }]);
  });
});
