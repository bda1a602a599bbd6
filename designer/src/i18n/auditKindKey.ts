// The message key that names an audit entry kind (`element.terminated` → 已终止); kinds this build does not know keep their id.
import { AUDIT_ENTRY_KINDS, type AuditEntryKind } from '../../../contracts/auditKinds';
import type { MessageKey } from './messages/zh-CN';

/** The message key of audit entry kind `kind`, or undefined for a kind written by newer code. */
export function auditKindKey(kind: string): MessageKey | undefined {
  return (AUDIT_ENTRY_KINDS as readonly string[]).includes(kind) ? (`audit.kind.${kind as AuditEntryKind}` satisfies MessageKey) : undefined;
}
