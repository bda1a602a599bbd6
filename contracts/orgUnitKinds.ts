// What an org unit is: the kinds the org-unit model stores and the admin API takes and answers.

/** Kinds of org unit, from the district down (DOMAIN.md: three tiers plus departments and member units). */
export const ORG_UNIT_KINDS = ['district', 'street', 'community', 'department', 'committee', 'member-unit'] as const;
/** One org-unit kind. */
export type OrgUnitKind = (typeof ORG_UNIT_KINDS)[number];
