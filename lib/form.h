/*
 * form.h - declared form fields, validated on the server.
 *
 * A handler declares the fields it accepts; form_read() validates each one
 * against its type, keeps what the user typed in Form.<name> for the page
 * to show again, and puts a translated message in Form.<name>.error beside
 * any field that is wrong. Handlers then read normalised values only, and
 * only declared fields: a POST cannot set anything else.
 */
#ifndef CRM_FORM_H
#define CRM_FORM_H

#include <stddef.h>

struct ctx;

enum ftype {
	FT_TEXT,	/* one line */
	FT_LONGTEXT,	/* multi-line */
	FT_INT,		/* within [min, max] */
	FT_MONEY,	/* up to 2 decimals, >= 0: normalised "1234.50" */
	FT_PERCENT,	/* 0..100, up to 2 decimals */
	FT_DECIMAL,	/* signed, 15 digits, up to 4 decimals: "-12.5" */
	FT_DATE,	/* YYYY-MM-DD */
	FT_DATETIME,	/* YYYY-MM-DD HH:MM (or with T) */
	FT_CHOICE,	/* a code of choice list `list` */
	FT_MULTI,	/* several codes of `list`, joined by ',' */
	FT_MOBILE,	/* mainland mobile: 11 digits, 1[3-9]... */
	FT_EMAIL,
	FT_PASSWORD	/* not echoed back into the page */
};

#define FIELD_REQUIRED	1u

struct field {
	const char	*name;
	enum ftype	 type;
	unsigned	 flags;
	unsigned	 maxlen;	/* code points, text types */
	const char	*list;		/* choice list name */
	long long	 min, max;	/* FT_INT */
};

struct form {
	const struct field	*fields;
	size_t			 n;
	const char		**values;	/* normalised; NULL if empty */
	int			 nerrors;
};

/* Validate the request's fields; returns the number of errors. */
int		 form_read(struct ctx *, const struct field *, size_t,
		    struct form *);
/* The same for a search form sent by GET (no FT_MULTI fields). */
int		 form_read_query(struct ctx *, const struct field *, size_t,
		    struct form *);
/* The normalised value of a declared field, NULL when empty. */
const char	*form_value(const struct form *, const char *name);
/*
 * The same, or kept when the form does not declare the field (one the
 * user may not edit, fieldsec.h): an update then keeps the stored value.
 */
const char	*form_value_or(const struct form *, const char *name,
		    const char *kept);
/* Flag a field as wrong with message key (e.g. a duplicate). */
void		 form_error(struct ctx *, struct form *, const char *name,
		    const char *msg_key);
/* The same with a message already in the user's language. */
void		 form_error_text(struct ctx *, struct form *, const char *name,
		    const char *msg);
/* Put a stored value into the form, for an edit page. */
void		 form_fill(struct ctx *, const char *name, const char *value);
/*
 * Someone saved the record since the form was loaded (its version moved):
 * roll the transaction back, answer 409 with message key msg_key, and
 * give the form the stored version, so that saving again overwrites
 * knowingly; what the user typed stays in the form.
 */
void		 form_conflict(struct ctx *, const char *msg_key,
		    long long version);

/* Exposed for unit tests: normalise one value, NULL if invalid. */
const char	*form_mobile(struct ctx *, const char *);
int		 form_email_ok(const char *);
const char	*form_money(struct ctx *, const char *, long long max_cents);
const char	*form_decimal(struct ctx *, const char *);
int		 form_date_ok(const char *);

#endif
