/** @jest-environment jsdom */
// The form-js viewer's own English in zh-CN: the empty dropdown's Select, date and time format placeholders; the
// author's labels and English pages stay as they are.
import { formViewerTranslator, translateViewerChrome } from '../../../designer/src/formjs/translate/viewerChrome';

describe('formViewerTranslator', () => {
  it("should translate the viewer's placeholders into Chinese and leave other text alone", () => {
    // given
    const zh = formViewerTranslator('zh-CN');

    // when / then
    expect(['Select', 'Search', 'yyyy/mm/dd', 'mm/dd/yyyy', 'hh:mm', 'hh:mm --'].map(zh)).toEqual(['请选择', '搜索', '年/月/日', '月/日/年', '时:分', '时:分 上午/下午']);
    expect(zh('维修')).toBeUndefined();
    expect(formViewerTranslator('en')('Select')).toBeUndefined();
  });
});

describe('translateViewerChrome', () => {
  it('should translate the placeholders under the form now and when the viewer renders new ones', async () => {
    // given: a select without a value and a date field, as the viewer renders them
    const root = document.createElement('div');
    root.innerHTML = '<div class="fjs-select-display fjs-select-placeholder">Select</div><label>Select</label><input placeholder="yyyy/mm/dd">';
    document.body.append(root);

    // when
    const stop = translateViewerChrome(root, formViewerTranslator('zh-CN'));
    const time = document.createElement('input');
    time.setAttribute('placeholder', 'hh:mm --');
    root.append(time);
    await new Promise((resolve) => setTimeout(resolve, 0));
    stop();

    // then: the author's label stays
    expect(root.querySelector('.fjs-select-placeholder')?.textContent).toBe('请选择');
    expect(root.querySelector('label')?.textContent).toBe('Select');
    expect([...root.querySelectorAll('input')].map((input) => input.placeholder)).toEqual(['年/月/日', '时:分 上午/下午']);
  });
});
