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
 * Copy into out the fields of in the user may edit (in's record type):
 * form_read() then neither shows nor accepts the others, so a forged POST
 * cannot change them. Returns how many were copied. For a field left out,
 * the template gets Hidden.<name> or ReadOnly.<name>.
 */
size_t		 field_editable(struct ctx *, enum rtype, const struct field *in,
		    size_t n, struct field *out);

/* Audit the sensitive values shown in full for record id, if any. */
int		 field_audit_reads(struct ctx *, const char *record_type,
		    long long id);

/* Mask a value: keep its first three and last four characters. */
const char	*field_mask(struct arena *, const char *value);

#endif
