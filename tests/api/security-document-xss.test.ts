// Issue 10 defect 1: a diagram with an XHTML <script> is refused at deploy, and user-authored documents (BPMN XML,
// drafts, forms) are never served as something a browser renders on the app's origin.
import { DefinitionVersion } from '../../store/models';
import { type ApiStack, startApiStack } from '../support/api';
import { inspectionForm, inspectionXml } from './fixtures';

const SCRIPT = '<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(document.cookie)</html:script>';
/** What every API response carries so that, opened in a tab, it runs nothing and cannot be framed or sniffed. */
const SANDBOXED = { 'x-content-type-options': 'nosniff', 'content-security-policy': expect.stringMatching(/(^|;)\s*sandbox\s*(;|$)/) };

/** The policy of a response as a directive -> value map. */
function policy(header: string | undefined): Record<string, string> {
  return Object.fromEntries((header ?? '').split(';').map((d) => d.trim()).filter(Boolean).map((d) => [d.split(/\s+/)[0], d.split(/\s+/).slice(1).join(' ')]));
}

describe('user-authored documents (defect 1)', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
    const owner = await stack.as('owner');
    await owner.put('/api/forms/inspection-form', { schema: inspectionForm }).expect(201);
    await owner.post('/api/deployments', { xml: inspectionXml }).expect(201);
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it.each([
    ['inside the process', inspectionXml.replace('<bpmn:endEvent id="End" name="办结" />', `<bpmn:endEvent id="End" name="办结" />${SCRIPT}`), 'street-inspection'],
    ['in an element\'s documentation', inspectionXml.replace('<bpmn:endEvent id="End" name="办结" />', `<bpmn:endEvent id="End" name="办结"><bpmn:documentation>done ${SCRIPT}</bpmn:documentation></bpmn:endEvent>`), 'End'],
  ])('should refuse to deploy an XHTML script %s, naming the element, and store nothing', async (_where, xml, elementId) => {
    // given the deployed first version
    const owner = await stack.as('owner');
    expect(xml).toContain(SCRIPT);

    // when the owner deploys a diagram carrying a script
    const res = await owner.post('/api/deployments', { xml }).expect(422);

    // then the problem names the script and the element holding it, and no version was added
    expect(res.body).toMatchObject({ code: 'invalid-bpmn', problems: [{ code: 'foreign-element', elementId, message: expect.stringContaining('<html:script> (namespace http://www.w3.org/1999/xhtml)') }] });
    expect(await DefinitionVersion.countDocuments({ key: 'street-inspection' })).toBe(1);
  });

  it('should serve a version\'s XML as a sandboxed attachment, even one stored with a script before the check existed', async () => {
    // given a version whose stored XML carries a script (as one deployed before the fix would)
    const stored = inspectionXml.replace('<bpmn:endEvent id="End" name="办结" />', `<bpmn:endEvent id="End" name="办结" />${SCRIPT}`);
    await DefinitionVersion.updateOne({ key: 'street-inspection', version: 1 }, { $set: { xml: stored } });
    const staff = await stack.as('bajiao-staff');

    // when a reader opens the XML URL
    const res = await staff.get('/api/definitions/street-inspection/versions/1/xml').expect(200);

    // then it is the document as stored, but a download that the browser neither renders nor sniffs, and that runs nothing if rendered
    expect(res.text).toBe(stored);
    expect(res.headers).toMatchObject({ 'content-type': expect.stringMatching(/^application\/xml/), 'content-disposition': expect.stringMatching(/^attachment; filename="?street-inspection-v1\.bpmn"?$/), ...SANDBOXED });
    expect(policy(res.headers['content-security-policy'])).toMatchObject({ 'default-src': "'none'", sandbox: '', 'frame-ancestors': "'none'" });
  });

  it('should sandbox the JSON of versions, drafts, forms and problems too', async () => {
    // given a draft that carries a script (drafts are not compiled)
    const owner = await stack.as('owner');
    await owner.put('/api/definitions/street-inspection/draft', { xml: inspectionXml.replace('</bpmn:process>', `${SCRIPT}</bpmn:process>`) }).expect(200);

    // when reading the documents as JSON, and a route that does not exist
    const urls = ['/api/definitions/street-inspection/versions/1', '/api/definitions/street-inspection/draft', '/api/forms/inspection-form', '/api/no-such-route'];
    const answers = await Promise.all(urls.map((url) => owner.get(url)));

    // then each is JSON that no browser renders as a page
    expect(answers.map((res) => res.status)).toEqual([200, 200, 200, 404]);
    answers.forEach((res, i) => {
      expect({ url: urls[i], headers: res.headers }).toMatchObject({ url: urls[i], headers: { 'content-type': expect.stringMatching(/^application\/(problem\+)?json/), ...SANDBOXED } });
    });
  });
});
