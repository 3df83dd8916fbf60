/*
 * audit.h - the append-only audit log: who did what to which record, when.
 *
 * Written in the same transaction as the change it records, so a change
 * and its audit stand or fall together.
 */
#ifndef CRM_AUDIT_H
#define CRM_AUDIT_H

#include "perm.h"

struct ctx;

/* One event; field, old and new may be NULL. 0, or -1 on error. */
int	audit_log(struct ctx *, const char *action, const char *record_type,
	    long long record_id, const char *field, const char *old_value,
	    const char *new_value);
/* Record a field change if the value really changed. */
int	audit_field(struct ctx *, const char *record_type, long long id,
	    const char *field, const char *old_value, const char *new_value);
/*
 * A sealed field's change: that it changed, never its values, which
 * would be plaintext in the log.
 */
int	audit_field_sealed(struct ctx *, const char *record_type, long long id,
	    const char *field, const char *old_value, const char *new_value);
/* A refused permission check. */
void	audit_denied(struct ctx *, enum rtype, enum action);

#endif
