// Call activities' lookup in the definitions store: which deployed version of the called process a child case runs.
import { ApplicationFailure } from '@temporalio/activity';
import { CALLED_PROCESS_NOT_FOUND, type CalledProcess, type ResolveCalledProcessInput } from '../contracts/activities';
import { DefinitionVersion } from '../store/models';

const notFound = (message: string) => ApplicationFailure.nonRetryable(message, CALLED_PROCESS_NOT_FOUND);

/** The version pinned for the caller's call activity when the caller was deployed (bindingType "deployment"). */
async function pinnedVersion({ processId, caller }: ResolveCalledProcessInput): Promise<number> {
  const row = await DefinitionVersion.findOne({ key: caller.definitionKey, version: caller.definitionVersion }, { calledVersions: 1 }).lean();
  const pin = row?.calledVersions?.find((p) => p.elementId === caller.elementId && p.key === processId);
  if (!pin) throw notFound(`no version of process <${processId}> was pinned for <${caller.elementId}> when ${caller.definitionKey} v${caller.definitionVersion} was deployed`);
  return pin.version;
}

/** Finds the version of the called process to start; a process (or pinned version) that is not deployed fails without retries. */
export async function resolveCalledProcess(input: ResolveCalledProcessInput): Promise<CalledProcess> {
  const version = input.binding === 'deployment' ? await pinnedVersion(input) : undefined;
  const query = version === undefined ? DefinitionVersion.findOne({ key: input.processId }).sort({ version: -1 }) : DefinitionVersion.findOne({ key: input.processId, version });
  const row = await query.select({ xml: 0 }).lean();
  if (!row) throw notFound(version === undefined ? `process <${input.processId}> is not deployed` : `version ${version} of process <${input.processId}> is not deployed`);
  return { model: JSON.parse(row.modelJson), definition: { key: row.key, version: row.version, sha256: row.sha256 } };
}
