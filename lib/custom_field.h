/*
 * custom_field.h - fields an administrator adds to a record type.
 *
 * A custom field is a row of custom_field: code, labels in both
 * languages, type, rules (required, a pattern with its message, help),
 * order, active. Its values live in typed slots of the record type's side
 * table (sql/011_custom_fields.sql), one row per record; a field takes a
 * free slot of its kind when it is made and keeps it for good. The
 * storage registry below holds, per record type, the literal statements
 * that read and write those slots, so no SQL is ever built from a
 * definition. Every custom field is also a field of field-level security
 * (fieldsec.h) named "cf_<code>", the name of its form input and audit
 * rows and, for the choice types, of the choice list of its options.
 */
#ifndef CRM_CUSTOM_FIELD_H
#define CRM_CUSTOM_FIELD_H

#include <stddef.h>

#include "fieldsec.h"
#include "form.h"
#include "perm.h"

struct arena;
struct ctx;
struct db;

enum cf_type {
	CF_TEXT,
	CF_LONGTEXT,
	CF_NUMBER,
	CF_DATE,
	CF_CHOICE,
	CF_MULTI,
	CF_IDNO,	/* resident ID number: sensitive, sealed */
	CF_BANK,	/* bank account number: sensitive, sealed */
	CF__MAX
};

/* Where values of a type are kept: a kind of slot, or rows (multi). */
enum cf_store {
	CS_TEXT,	/* indexed VARCHAR: text, single choice code */
	CS_NUMBER,	/* indexed DECIMAL(19,4) */
	CS_DATE,	/* indexed DATE */
	CS_LONG,	/* TEXT, not indexed */
	CS_SEALED,	/* sealed (sealed.h), not indexed */
	CS_MULTI,	/* rows of (field, code, record) */
	CS__MAX
};

/* What a type allows. */
#define CFT_FILTER	0x01u	/* list filter on its slot's index */
#define CFT_RANGE	0x02u	/* ... by a range, else by equality */
#define CFT_SORT	0x04u	/* list sort by its slot's index */
#define CFT_COLUMN	0x08u	/* list column */
#define CFT_PATTERN	0x10u	/* a validation pattern applies */
#define CFT_OPTIONS	0x20u	/* options in the choice list "cf_<code>" */
#define CFT_SENSITIVE	0x40u	/* sealed; hidden unless a rule shows it */

struct cf_type_def {
	const char	*name;		/* stored, and L.cf_type.<name> */
	enum cf_store	 store;
	enum ftype	 ftype;		/* how form.c validates it */
	unsigned	 maxlen;	/* code points, text types */
	unsigned	 flags;
};

extern const struct cf_type_def	 cf_types[CF__MAX];

struct cf_store_def {
	const char	*name;		/* custom_field.store */
	int		 first;		/* flat index of its slot 1 */
	int		 count;		/* slots made by the migration */
};

extern const struct cf_store_def cf_stores[CS__MAX];

/* Every slot, numbered flat: text, number, date, long, sealed. */
#define CF_NSLOTS	22
/* The indexed slots (text, number, date) come first. */
#define CF_NINDEXED	14

/*
 * A record type's custom values: its side table's statements. Slots are
 * bound and read in flat order.
 */
struct cf_storage {
	enum rtype	 rtype;
	const char	*record_type;	/* audit record type */
	/* every slot, then "field:code,..." of multi values, of record ?, ? */
	const char	*sql_values;
	/* record ?, then the slots before the sealed ones: made or updated */
	const char	*sql_save;
	/* multi values of record ?, field ? */
	const char	*sql_multi_clear;
	/* field ?, code ?, record ? */
	const char	*sql_multi_add;
	int		 sealed;	/* sealed_column of sealed slot 1 */
};

/* The storage of a record type, or NULL when it has no custom fields. */
const struct cf_storage	*cf_storage(enum rtype);
extern const struct cf_storage	 cf_storages[];
extern const size_t		 cf_nstorages;

struct custom_field {
	long long		 id;
	const char		*code;
	const char		*name;		/* "cf_<code>" */
	enum cf_type		 type;
	int			 slot;		/* flat; -1 for multi */
	const char		*label;		/* in the response language */
	const char		*help;		/* likewise; NULL if none */
	const char		*pattern;	/* NULL if none */
	const char		*pattern_msg;	/* in the response language */
	int			 required;
	int			 column;	/* the user shows it in lists */
	struct field_def	 def;		/* for field-level security */
	enum faccess		 access;	/* the user's */
};

/* The active custom fields of a record type, in order. */
struct cf_set {
	const struct cf_storage	*st;
	struct custom_field	*f;
	size_t			 n;
};

/* One record's values, as stored (sealed ones opened). */
struct cf_values {
	const char	*slot[CF_NSLOTS];
	const char	*multi;		/* "field:code,...", or NULL */
};

int		 cf_type_from_name(const char *);
/* Is code a field code: 1 to 29 of [a-z0-9_] ("cf_" + it names a list)? */
int		 cf_code_ok(const char *);
/*
 * Does value match the POSIX extended regular expression as a whole? 1,
 * 0, or -1 if the pattern does not compile.
 */
int		 cf_pattern_match(const char *pattern, const char *value);
/* A resident ID number: 18 characters with its check digit (GB 11643). */
int		 cf_idno_ok(const char *);
/* A bank account: 8 to 30 digits once spaces and dashes are gone. */
const char	*cf_bank_norm(struct arena *, const char *);

/*
 * The lowest free slot of store for a new field of record type rtname,
 * locking the slots taken until the transaction ends: 1 or more, 0 when
 * all are taken, -1 on error.
 */
int		 cf_slot_free(struct db *, struct arena *, const char *rtname,
		    enum cf_store);

/*
 * The record type's active fields with the user's access to each and
 * whether the user shows it as a list column. 0 or -1.
 */
int		 cf_load(struct ctx *, enum rtype, struct cf_set *);
/* A field of the set by code, or NULL. */
struct custom_field *cf_find(const struct cf_set *, const char *code);
/* Read record id's values; 0 or -1. */
int		 cf_values_load(struct ctx *, const struct cf_set *,
		    long long id, struct cf_values *);
/* A field's value: as stored, numbers in one spelling, multi "a,b". */
const char	*cf_value(struct ctx *, const struct custom_field *,
		    const struct cf_values *);
/* The same as the page shows it: labels for codes; NULL if empty. */
const char	*cf_display(struct ctx *, const struct custom_field *,
		    const char *value);

/*
 * The fields into the page data as Custom.N (name, label, type, help,
 * required, list; edit when the user may edit it, else shown, the value
 * as the user may see it); hidden ones are left out. With values (an
 * edit form) each editable field's value goes into Form.<name>, and
 * options deactivated since it was chosen stay on offer (choice_keep).
 */
void		 cf_to_hdf(struct ctx *, const struct cf_set *,
		    const struct cf_values *, int fill);
/*
 * Validate the editable fields of the POST: their types, required,
 * patterns (with the administrator's message). The number of errors.
 */
int		 cf_form_read(struct ctx *, const struct cf_set *,
		    struct form *);
/*
 * Store the editable fields of a read form for record id (old: its values
 * before, NULL for a new record), auditing each change; the fields the
 * user may not edit, and inactive ones, keep their values. 0 or -1.
 */
int		 cf_save(struct ctx *, const struct cf_set *, long long id,
		    const struct cf_values *old, const struct form *);

#endif
