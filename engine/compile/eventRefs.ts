// Error, escalation, signal and link event definitions: the code or name each one refers to, as Camunda 8 reads them.
import type { EventDefinition } from '../model';
import { child, describe, text, type BpmnElement } from './moddle';
import { abbreviate, type Diagnostics, type ProblemCode } from './problems';

/** How an error or escalation definition names its reference, the referenced element and its code. */
interface CodedKind {
  kind: 'error' | 'escalation';
  ref: string;
  codeAttribute: string;
  problem: ProblemCode;
}

const ERROR: CodedKind = { kind: 'error', ref: 'errorRef', codeAttribute: 'errorCode', problem: 'error-invalid' };
const ESCALATION: CodedKind = { kind: 'escalation', ref: 'escalationRef', codeAttribute: 'escalationCode', problem: 'escalation-invalid' };

/**
 * Reads an error (errorRef -> bpmn:Error errorCode) or escalation (escalationRef -> bpmn:Escalation escalationCode)
 * definition: a throwing event needs a static code; a catching event without reference or code catches every code.
 */
function readCoded(coded: CodedKind, definition: BpmnElement, event: BpmnElement, throwing: boolean, diagnostics: Diagnostics): EventDefinition | undefined {
  const referenced = child(definition, coded.ref);
  const code = referenced && text(referenced, coded.codeAttribute)?.trim();
  const invalid = (reason: string) => {
    diagnostics.problem(coded.problem, `${describe(event)} ${reason}`, event.id);
    return undefined;
  };
  if (throwing && !referenced) return invalid(`throws no ${coded.kind}: its ${coded.kind}EventDefinition refers to no bpmn:${coded.kind} (${coded.ref})`);
  if (throwing && !code) return invalid(`throws ${coded.kind} <${referenced?.id}>, which has no ${coded.codeAttribute}`);
  if (code?.startsWith('=')) {
    return invalid(`${throwing ? 'throws' : 'catches'} ${coded.kind} code "${abbreviate(code)}": dynamic ${coded.kind} codes are not supported (use a static ${coded.codeAttribute})`);
  }
  if (!code) return { kind: coded.kind };
  return coded.kind === 'error' ? { kind: 'error', errorCode: code } : { kind: 'escalation', escalationCode: code };
}

/** Reads an error event definition; see `readCoded`. */
export const readError = (definition: BpmnElement, event: BpmnElement, throwing: boolean, diagnostics: Diagnostics) =>
  readCoded(ERROR, definition, event, throwing, diagnostics);

/** Reads an escalation event definition; see `readCoded`. */
export const readEscalation = (definition: BpmnElement, event: BpmnElement, throwing: boolean, diagnostics: Diagnostics) =>
  readCoded(ESCALATION, definition, event, throwing, diagnostics);

/** Reads a signal event definition: signalRef -> bpmn:Signal with a static name, thrown or caught. */
export function readSignal(definition: BpmnElement, event: BpmnElement, diagnostics: Diagnostics): EventDefinition | undefined {
  const signal = child(definition, 'signalRef');
  const name = signal && text(signal, 'name')?.trim();
  const invalid = (reason: string) => {
    diagnostics.problem('signal-invalid', `${describe(event)} ${reason}`, event.id);
    return undefined;
  };
  if (!signal) return invalid('refers to no signal (signalRef)');
  if (!name) return invalid(`refers to signal <${signal.id}>, which has no name`);
  if (name.startsWith('=')) return invalid(`uses signal "${abbreviate(name)}": dynamic signal names are not supported (use a static name)`);
  return { kind: 'signal', signalName: name };
}

/** Reads a link event definition: its `name`, which pairs a link throw event with the link catch event of its scope. */
export function readLink(definition: BpmnElement, event: BpmnElement, diagnostics: Diagnostics): EventDefinition | undefined {
  const name = text(definition, 'name')?.trim();
  if (!name) {
    diagnostics.problem('link-invalid', `${describe(event)} has a link event definition without name`, event.id);
    return undefined;
  }
  return { kind: 'link', linkName: name };
}
