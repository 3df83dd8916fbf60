/*
 * audit.h - the append-only audit log: who did what to which record, when.
 *
 * Written in the same transaction as the change it records, so a change
 * and its audit stand or fall together.
 */
#ifndef CRM_AUDIT_H
#define CRM_AUDIT_H

#include <stddef.h>

#include "perm.h"

struct ctx;

/*
 * The actions events are written with, in the order the log viewer
 * offers them; each has a label L.audit_action.<action> in both
 * catalogues. A new action is added here with its labels.
 */
extern const char *const	audit_actions[];
extern const size_t		audit_nactions;
/*
 * The record types events name besides those of the permission registry
 * (lib/perm.c), all of them offered by the log viewer's type filter.
 */
extern const char *const	audit_other_types[];
extern const size_t		audit_nother_types;

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
/* A column of a loaded record, compared with the form's field of that name. */
struct audited {
	const char	*field;
	size_t		 off;	/* of a const char * in the record */
	int		 sealed;	/* log that it changed, not the values */
};

struct form;
/*
 * Audit, as changes of the record, every field of cols whose value in
 * the form differs from the one in old (a loaded record). A field the
 * form does not declare (one the user may not edit, fieldsec.h) keeps
 * its stored value and is no change.
 */
int	audit_changes(struct ctx *, const char *record_type, long long id,
	    const struct audited *cols, size_t n, const void *old,
	    struct form *);
/*
 * A record's history, newest first, into the page's History rows (at,
 * user, action, field, old, new); the template history.cs shows them.
 */
int	audit_history(struct ctx *, const char *record_type, long long id);
/* A refused permission check. */
void	audit_denied(struct ctx *, enum rtype, enum action);

#endif
