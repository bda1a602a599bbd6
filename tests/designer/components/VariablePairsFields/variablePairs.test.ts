// The variable editor's name/value rows as case variables.
import { parseValue, variablesFromPairs } from '../../../../designer/src/components/VariablePairsFields/variablePairs';

describe('parseValue', () => {
  it('should read numbers, booleans, null, arrays, objects and quoted strings as JSON', () => {
    // given / when / then
    expect(parseValue('3')).toBe(3);
    expect(parseValue('-2.5')).toBe(-2.5);
    expect(parseValue('true')).toBe(true);
    expect(parseValue('null')).toBeNull();
    expect(parseValue('["a","b"]')).toEqual(['a', 'b']);
    expect(parseValue('{"x":1}')).toEqual({ x: 1 });
    expect(parseValue('"12"')).toBe('12');
  });

  it('should keep anything else as the text typed', () => {
    // given / when / then
    expect(parseValue('八角北路 3 号')).toBe('八角北路 3 号');
    expect(parseValue('3 号楼')).toBe('3 号楼');
    expect(parseValue('{not json')).toBe('{not json');
    expect(parseValue('')).toBe('');
  });
});

describe('variablesFromPairs', () => {
  it('should build the variables and skip blank rows', () => {
    // given
    const pairs = [{ name: 'address', value: '八角北路' }, { name: '', value: '' }, { name: 'level', value: '2' }, {}];

    // when / then
    expect(variablesFromPairs(pairs)).toEqual({ variables: { address: '八角北路', level: 2 } });
  });

  it('should accept Chinese variable names', () => {
    // given / when / then
    expect(variablesFromPairs([{ name: '地址', value: 'x' }])).toEqual({ variables: { 地址: 'x' } });
  });

  it('should NOT accept a bad or repeated name, naming its row', () => {
    // given / when / then
    expect(variablesFromPairs([{ name: 'a', value: '1' }, { name: '1a', value: '2' }])).toEqual({ error: 'invalid-name', index: 1 });
    expect(variablesFromPairs([{ name: '', value: 'orphan' }])).toEqual({ error: 'invalid-name', index: 0 });
    expect(variablesFromPairs([{ name: 'a', value: '1' }, { name: ' a ', value: '2' }])).toEqual({ error: 'duplicate-name', index: 1 });
  });
});
