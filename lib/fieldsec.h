/*
 * fieldsec.h - field-level security: what a user may see and change of
 * each field of a record.
 *
 * A field a role may restrict is declared once, in the registry of
 * fieldsec.c (built-in fields) or as a custom field (custom_field.c); its
 * name is the one its form, its audit rows and its rules use. Rules are
 * rows of role_field (role, record type, field, access); a field without
 * a rule for a role gets its default: hidden when sensitive, else
 * editable. A user with several roles gets the most open access any of
 * them gives. Every page that shows, filters, sorts, exports or saves a
 * restricted field asks here, so the rule holds wherever the value goes.
 */
#ifndef CRM_FIELDSEC_H
#define CRM_FIELDSEC_H

#include <stddef.h>

#include "perm.h"

struct arena;
struct ctx;
struct field;
struct form;

/* Ordered: each level allows what the ones before it allow. */
enum faccess {
	FA_HIDDEN = 0,	/* not shown, not filtered or sorted on */
	FA_MASKED,	/* shown masked (138****1234), read-only */
	FA_READ,	/* shown, read-only */
	FA_EDIT,	/* shown and editable */
	FA__MAX
};

#define FD_SENSITIVE	1u	/* hidden by default; reads are audited */
#define FD_MASKABLE	2u	/* may be shown masked */

struct field_def {
	enum rtype	 rtype;
	const char	*name;	/* form, audit and rule name */
	const char	*label;	/* language key, e.g. "customer.budget" */
	unsigned	 flags;
};

extern const char *const faccess_names[FA__MAX];
int		 faccess_from_name(const char *);

/* The built-in fields a rule may restrict, by record type. */
extern const struct field_def	 field_defs[];
extern const size_t		 field_ndefs;
/* A built-in field by name, or NULL. */
const struct field_def *field_def_find(enum rtype, const char *name);

/* The signed-in user's access to a field (rules read on first use). */
enum faccess	 field_access(struct ctx *, const struct field_def *);
/* The same for a built-in field by name; FA_EDIT for an unknown one. */
enum faccess	 field_access_named(struct ctx *, enum rtype, const char *);

/*
 * A stored value as the user may see it: NULL when hidden, masked when
 * masked. A sensitive value shown in full is noted for field_audit_reads.
 */
const char	*field_show(struct ctx *, const struct field_def *,
		    const char *value);
const char	*field_show_named(struct ctx *, enum rtype, const char *name,
		    const char *value);

/*
 * Forms of a record type go through these two: the template gets
 * Hidden.<name> or ReadOnly.<name> for each field the user may not edit,
 * and form_read() neither shows nor accepts such a field, so a forged
 * POST cannot change it; the handler keeps the stored value
 * (form_value_or).
 */
void		 field_form_prepare(struct ctx *, enum rtype,
		    const struct field *, size_t);
int		 field_form_read(struct ctx *, enum rtype, const struct field *,
		    size_t, struct form *);
/*
 * Put a stored value into an edit form: into Form.<name> when editable,
 * shown (label, masked) in Shown.<name> when read-only, nowhere when
 * hidden.
 */
void		 field_form_fill(struct ctx *, enum rtype, const struct field *,
		    const char *value);

/* One role's rules, for the screen that edits them; NULL on error. */
struct fieldsec	*field_role_rules(struct ctx *, long long role);
/* The access the role's rules give a field. */
enum faccess	 field_role_access(const struct fieldsec *,
		    const struct field_def *);

/*
 * Audit the sensitive values shown in full for record id, if any, as an
 * event of record type "<record_type>_read".
 */
int		 field_audit_reads(struct ctx *, const char *record_type,
		    long long id);

/* Mask a value: keep its first three and last four characters. */
const char	*field_mask(struct arena *, const char *value);

#endif
