// The modeler page: `/processes/new` creates a process (blank or from a template), `/processes/:key` edits one.
import type { RouteParams } from '../../routing/paths';
import { Editor } from './Editor';
import { NewProcess } from './NewProcess';

/** Creates a new process, or edits the one the path names. */
export function ModelerPage({ params }: { params: RouteParams }) {
  return params.key ? <Editor definitionKey={params.key} /> : <NewProcess />;
}
