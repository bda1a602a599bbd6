// Definitions, drafts, deployments, diffs and forms through the API.
import { type ApiStack, startApiStack } from '../support/api';
import { inspectionForm, inspectionXml } from './fixtures';

const renamed = inspectionXml.replace('name="现场核查"', 'name="现场核查并拍照"');
const withReview = inspectionXml
  .replace('<bpmn:endEvent id="End" name="办结" />', '<bpmn:userTask id="Review" name="复核" /><bpmn:endEvent id="End" name="办结" />')
  .replace('<bpmn:sequenceFlow id="F2" sourceRef="Inspect" targetRef="End" />', '<bpmn:sequenceFlow id="F2" sourceRef="Inspect" targetRef="Review" /><bpmn:sequenceFlow id="F3" sourceRef="Review" targetRef="End" />');

describe('definitions and forms', () => {
  let stack: ApiStack;
  beforeAll(async () => {
    stack = await startApiStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('should deploy versions, no-op identical XML, and list, read and filter them', async () => {
    // given an owner who saves the form first, then deploys
    const owner = await stack.as('owner');
    await owner.put('/api/forms/inspection-form', { schema: inspectionForm }).expect(201);
    const v1 = await owner.post('/api/deployments', { xml: inspectionXml, note: '首版' }).expect(201);
    expect(v1.body).toMatchObject({ created: true, key: 'street-inspection', version: 1, name: '街面巡查', warnings: [] });

    // when the same XML is deployed again, then a changed one
    const same = await owner.post('/api/deployments', { xml: inspectionXml }).expect(200);
    const v2 = await owner.post('/api/deployments', { xml: renamed, note: '改名' }).expect(201);

    // then the no-op returns version 1 and the change is version 2, deployed by the owner
    expect(same.body).toMatchObject({ created: false, version: 1, sha256: v1.body.sha256 });
    expect(v2.body).toMatchObject({ created: true, version: 2 });
    const staff = await stack.as('bajiao-staff');
    const list = await staff.get('/api/definitions').expect(200);
    expect(list.body).toMatchObject({ page: 1, size: 50, total: 1 });
    expect(list.body.items).toEqual([{ key: 'street-inspection', name: '街面巡查', version: 2, sha256: v2.body.sha256, deployedAt: expect.any(String), deployedBy: 'owner', description: null, icon: null }]);
    expect((await staff.get('/api/definitions?q=巡查').expect(200)).body.items).toHaveLength(1);
    expect((await staff.get('/api/definitions?q=STREET').expect(200)).body.items).toHaveLength(1);
    expect((await staff.get('/api/definitions?q=nothing(').expect(200)).body.items).toHaveLength(0);

    const latest = await staff.get('/api/definitions/street-inspection').expect(200);
    expect(latest.body).toMatchObject({ version: 2, note: '改名', forms: [{ formId: 'inspection-form', version: 1 }] });
    expect(latest.body.model.nodes.Inspect.name).toBe('现场核查并拍照');
    const versions = await staff.get('/api/definitions/street-inspection/versions').expect(200);
    expect(versions.body.items.map((v: { version: number; note: string }) => [v.version, v.note])).toEqual([
      [2, '改名'],
      [1, '首版'],
    ]);
    expect(versions.body.items[0].xml).toBeUndefined();
    const one = await staff.get('/api/definitions/street-inspection/versions/1').expect(200);
    expect(one.body).toMatchObject({ version: 1, xml: inspectionXml });
    const xml = await staff.get('/api/definitions/street-inspection/versions/1/xml').expect(200);
    expect(xml.headers['content-type']).toMatch(/application\/xml/);
    expect(xml.text).toBe(inspectionXml);
    const model = await staff.get('/api/definitions/street-inspection/versions/2/model').expect(200);
    expect(model.body).toMatchObject({ processId: 'street-inspection', startNodeIds: ['Start'] });
  });

  it('should answer 404 for an unknown definition or version and 400 for a bad version number', async () => {
    const staff = await stack.as('bajiao-staff');
    expect((await staff.get('/api/definitions/nothing').expect(404)).body.code).toBe('not-found');
    await staff.get('/api/definitions/nothing/versions').expect(404);
    await staff.get('/api/definitions/street-inspection/versions/99').expect(404);
    await staff.get('/api/definitions/street-inspection/versions/99/xml').expect(404);
    const bad = await staff.get('/api/definitions/street-inspection/versions/first').expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ path: 'params.version' })]);
  });

  it('should refuse a diagram it cannot run with 422 naming the elements, and store nothing', async () => {
    // given a diagram whose user task has a broken FEEL expression and an unknown job type
    const owner = await stack.as('owner');
    const broken = inspectionXml
      .replace('id="street-inspection"', 'id="broken-inspection"')
      .replace('candidateGroups="=groups"', 'candidateGroups="=groups +"')
      .replace('<bpmn:endEvent id="End" name="办结" />', '<bpmn:serviceTask id="Sync"><bpmn:extensionElements><zeebe:taskDefinition type="nobody.runs.this" /></bpmn:extensionElements></bpmn:serviceTask><bpmn:endEvent id="End" name="办结" />');

    // when it is deployed
    const res = await owner.post('/api/deployments', { xml: broken }).expect(422);

    // then the problems name the element, and no definition exists
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.code).toBe('invalid-bpmn');
    expect(res.body.problems).toEqual(expect.arrayContaining([expect.objectContaining({ elementId: 'Inspect' })]));
    await owner.get('/api/definitions/broken-inspection').expect(404);
    expect((await owner.post('/api/deployments', { xml: '<not-bpmn/>' }).expect(422)).body.problems.length).toBeGreaterThan(0);
    expect((await owner.post('/api/deployments', {}).expect(400)).body.errors).toEqual([expect.objectContaining({ path: 'body.xml' })]);
  });

  it('should diff two versions: added, removed and changed elements', async () => {
    // given version 3 adds a review step after version 2 renamed the inspection
    const owner = await stack.as('owner');
    await owner.post('/api/deployments', { xml: withReview }).expect(201);

    // when versions are compared
    const forward = await owner.get('/api/definitions/street-inspection/diff?from=1&to=3').expect(200);
    const back = await owner.get('/api/definitions/street-inspection/diff?from=3&to=2').expect(200);

    // then the added review and flow, the re-routed flow and the end event's new incoming flow are named
    expect(forward.body.added.map((e: { id: string }) => e.id)).toEqual(['F3', 'Review']);
    expect(forward.body.removed).toEqual([]);
    expect(forward.body.changed).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: 'F2', type: 'sequenceFlow', fields: ['target'] }),
        expect.objectContaining({ id: 'End', type: 'endEvent', fields: ['incoming'] }),
      ]),
    );
    expect(back.body.removed.map((e: { id: string; type: string }) => `${e.type}:${e.id}`)).toEqual(['sequenceFlow:F3', 'userTask:Review']);
    expect(back.body.changed).toEqual(expect.arrayContaining([expect.objectContaining({ id: 'Inspect', fields: ['name'] })]));
    await owner.get('/api/definitions/street-inspection/diff?from=1&to=9').expect(404);
    await owner.get('/api/definitions/street-inspection/diff?from=1').expect(400);
  });

  it('should autosave a draft per key that is never executable', async () => {
    const owner = await stack.as('owner');
    await owner.get('/api/definitions/street-inspection/draft').expect(404);
    const draft = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="street-inspection" /></bpmn:definitions>';
    const saved = await owner.put('/api/definitions/street-inspection/draft', { xml: draft, baseVersion: 3 }).expect(200);
    expect(saved.body).toMatchObject({ key: 'street-inspection', baseVersion: 3, savedBy: 'owner' });
    const read = await owner.get('/api/definitions/street-inspection/draft').expect(200);
    expect(read.body.xml).toBe(draft);
    // the draft does not change the deployed definition
    expect((await owner.get('/api/definitions/street-inspection').expect(200)).body.version).toBe(3);
    expect((await owner.put('/api/definitions/street-inspection/draft', { xml: 'hello' }).expect(422)).body.code).toBe('invalid-bpmn');
  });

  it('should keep an imported draft\'s change note through autosaves that leave it out, and clear it when asked', async () => {
    // given a draft imported from a file with a change note
    const owner = await stack.as('owner');
    const xml = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="imported-note" /></bpmn:definitions>';
    const imported = await owner.put('/api/definitions/imported-note/draft', { xml, baseVersion: null, note: ' 从区里模板导入 ' }).expect(200);
    expect(imported.body.note).toBe('从区里模板导入');

    // when the modeler autosaves it without a note
    const autosaved = await owner.put('/api/definitions/imported-note/draft', { xml, baseVersion: null }).expect(200);

    // then the note stays (read back and listed), until a save sets it to null
    expect(autosaved.body.note).toBe('从区里模板导入');
    expect((await owner.get('/api/definitions/imported-note/draft').expect(200)).body.note).toBe('从区里模板导入');
    expect((await owner.put('/api/definitions/imported-note/draft', { xml, note: null }).expect(200)).body.note).toBeNull();
    await owner.delete('/api/definitions/imported-note/draft').expect(204);
  });

  it('should list every draft without XML, newest first, and discard one with 204 (404 naming a key without one)', async () => {
    // given a draft of a process never deployed, saved after the draft of the deployed one
    const owner = await stack.as('owner');
    const fresh = '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="noise-patrol" name="噪声 &amp; 扰民巡查" /></bpmn:definitions>';
    await owner.put('/api/definitions/noise-patrol/draft', { xml: fresh }).expect(200);

    // when the drafts are listed, by an owner and by an auditor
    const list = await owner.get('/api/drafts').expect(200);
    const audited = await (await stack.as('auditor')).get('/api/drafts?size=1').expect(200);

    // then both drafts are there, newest first, named from their XML, without the XML itself
    expect(list.body).toMatchObject({ page: 1, size: 50, total: 2 });
    expect(list.body.items).toEqual([
      { key: 'noise-patrol', name: '噪声 & 扰民巡查', baseVersion: null, note: null, savedBy: 'owner', savedAt: expect.any(String) },
      { key: 'street-inspection', name: null, baseVersion: 3, note: null, savedBy: 'owner', savedAt: expect.any(String) },
    ]);
    expect(audited.body).toMatchObject({ size: 1, total: 2, items: [expect.objectContaining({ key: 'noise-patrol' })] });

    // when the new process's draft is discarded
    await owner.delete('/api/definitions/noise-patrol/draft').expect(204);

    // then it is gone; the deployed process and its own draft stay; a second discard names the key
    await owner.get('/api/definitions/noise-patrol/draft').expect(404);
    expect((await owner.get('/api/drafts').expect(200)).body.items.map((d: { key: string }) => d.key)).toEqual(['street-inspection']);
    const again = await owner.delete('/api/definitions/noise-patrol/draft').expect(404);
    expect(again.body).toMatchObject({ code: 'not-found', detail: 'draft of noise-patrol was not found' });
    await owner.get('/api/definitions/street-inspection/draft').expect(200);
  });

  it('should describe the draft routes in the OpenAPI document', async () => {
    const spec = (await (await stack.as('owner')).get('/api/openapi.json').expect(200)).body;
    expect(spec.paths['/api/drafts'].get['x-sparrow-access']).toEqual(['process-owner', 'auditor', 'admin']);
    expect(Object.keys(spec.paths['/api/definitions/{key}/draft']).sort()).toEqual(['delete', 'get', 'put']);
    expect(spec.paths['/api/definitions/{key}/draft'].delete.responses).toHaveProperty('204');
    expect(spec.paths['/api/definitions/{key}/draft'].delete.responses).toHaveProperty('404');
  });

  it('should version forms, no-op an unchanged schema, refuse an invalid one, and pin form versions at deployment', async () => {
    // given version 1 of the form is pinned by versions 1-3 of the process
    const owner = await stack.as('owner');
    const unchanged = await owner.put('/api/forms/inspection-form', { schema: inspectionForm }).expect(200);
    expect(unchanged.body).toMatchObject({ id: 'inspection-form', version: 1 });

    // when the form changes and the process is deployed again
    const changed = { ...inspectionForm, components: [...(inspectionForm.components as object[]), { type: 'checkbox', key: 'photographed', label: '已拍照' }] };
    const v2 = await owner.put('/api/forms/inspection-form', { schema: changed, name: '现场核查表' }).expect(201);
    const deployed = await owner.post('/api/deployments', { xml: withReview.replace('name="复核"', 'name="复核确认"') }).expect(201);

    // then the new process version pins form version 2, the older ones keep version 1
    expect(v2.body).toMatchObject({ version: 2, name: '现场核查表', savedBy: 'owner' });
    const versions = (await owner.get('/api/definitions/street-inspection/versions').expect(200)).body.items;
    expect(versions.find((v: { version: number }) => v.version === deployed.body.version).forms).toEqual([{ formId: 'inspection-form', version: 2 }]);
    expect(versions.find((v: { version: number }) => v.version === 1).forms).toEqual([{ formId: 'inspection-form', version: 1 }]);

    // and forms are listed and read by version
    const staff = await stack.as('bajiao-volunteer');
    expect((await staff.get('/api/forms').expect(200)).body.items).toEqual([expect.objectContaining({ id: 'inspection-form', latestVersion: 2 })]);
    expect((await staff.get('/api/forms/inspection-form?version=1').expect(200)).body.schema.components).toHaveLength(5);
    expect((await staff.get('/api/forms/inspection-form').expect(200)).body.schema.components).toHaveLength(6);
    await staff.get('/api/forms/inspection-form?version=7').expect(404);

    // and an invalid schema is refused with the problem paths
    const invalid = await owner.put('/api/forms/bad-form', { schema: { components: [{ key: 'a' }, { type: 'textfield', key: 'b' }, { type: 'number', key: 'b' }] } }).expect(422);
    expect(invalid.body.code).toBe('invalid-form');
    expect(invalid.body.errors.map((e: { path: string }) => e.path)).toEqual(['schema.components[0]', 'schema.components[2].key']);
    await owner.get('/api/forms/bad-form').expect(404);
  });

  it('should warn at deployment about a form that was never saved', async () => {
    const owner = await stack.as('owner');
    const xml = inspectionXml.replace('id="street-inspection"', 'id="formless"').replace('formId="inspection-form"', 'formId="missing-form"');
    const res = await owner.post('/api/deployments', { xml }).expect(201);
    expect(res.body.warnings).toEqual([expect.objectContaining({ elementId: 'Inspect', code: 'form-not-found' })]);
  });
});
