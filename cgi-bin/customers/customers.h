/*
 * customers.h - the customer profile: one program, one file per part.
 *
 * cgi-bin/customers.c holds the route table. The route check only says
 * that the user may do the action at all; each handler loads the record
 * with customer_load, which checks its owner and team against the user's
 * scope and answers 404 for a record out of scope, so that its existence
 * does not leak. Lists apply the same scope in SQL (list.c).
 */
#ifndef CRM_CUSTOMERS_H
#define CRM_CUSTOMERS_H

#include <stddef.h>

#include "custom_field.h"
#include "perm.h"

struct audited;
struct ctx;
struct field;
struct form;

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

/* A customer as loaded for a check or a page. */
struct customer {
	long long	 id;
	const char	*code, *name, *industry, *grade, *owner_name;
	const char	*address, *budget, *purchase_date, *satisfaction;
	const char	*order_count, *order_total, *order_avg, *last_followup;
	const char	*created, *products;
	long long	 owner_id, team_id, version;
};

/* record.c: one customer */
int	 customer_load(struct ctx *, enum rtype, enum action,
	    struct customer *);
void	 customer_to_hdf(struct ctx *, const struct customer *);

/* list.c: the query the list page and the export share */
enum sort { SORT_NAME, SORT_CODE, SORT_CREATED, SORT__MAX };
/* A name search (SEARCH_TOKEN) is always in name order. */
enum search { SEARCH_NONE, SEARCH_MOBILE, SEARCH_TOKEN };
/* How a list is read: by a built-in sort, a custom slot, or multi rows. */
enum drive { DRIVE_SORT, DRIVE_SLOT, DRIVE_MULTI };

/* The list's filters, sort and keyset cursor, from the query string. */
struct list_query {
	enum sort	 sort;
	int		 desc;
	enum search	 search;
	const char	*search_arg;	/* token or mobile prefix */
	int		 token_prefix;	/* search_arg is a LIKE prefix */
	const char	*token_also;	/* a second token to check, or NULL */
	const char	*name_like, *code_like;
	const char	*industry, *grade;
	long long	 owner;
	const char	*after_key;	/* keyset cursor, or NULL */
	long long	 after_id;
	int		 empty;		/* the cursor is in the empty part */
	enum drive	 drive;
	const struct custom_field *cf;	/* the field of DRIVE_SLOT, _MULTI */
	const char	*lo, *hi;	/* DRIVE_SLOT bounds, or NULL */
	const char	*has;		/* DRIVE_MULTI option */
	int		 values;	/* read the custom values */
};

/* A row as the user may see it: labels, restricted fields shown. */
struct list_row {
	const char	*id, *code, *name, *industry, *grade, *owner;
	const char	*last_followup, *created;
	struct cf_values custom;	/* the indexed slots and multi */
};
typedef void	 (*list_emit)(struct ctx *, const struct list_row *, void *);

void	 list_parse(struct ctx *, const struct cf_set *, struct list_query *);
/* Continue after a cursor that list_page returned. */
void	 list_cursor(struct ctx *, struct list_query *, const char *after);
/*
 * Emit one page of rows in scope; the number emitted, or -1. *next is
 * the cursor of the next page, NULL after the last.
 */
int	 list_page(struct ctx *, const struct list_query *, list_emit,
	    void *, const char **next);
/* Is f one of the user's list columns? Its value in row as shown. */
int	 list_column(const struct custom_field *f);
const char *list_column_value(struct ctx *, const struct custom_field *,
	    const struct list_row *);
int	 customer_list(struct ctx *);
int	 customer_columns_save(struct ctx *);

/* export.c */
int	 customer_export(struct ctx *);

/* detail.c */
int	 customer_detail(struct ctx *);
int	 detail_invalid(struct ctx *, const struct customer *);
int	 back_to(struct ctx *, long long id, const char *anchor);

/* edit.c */
int	 customer_new(struct ctx *);
int	 customer_create(struct ctx *);
int	 customer_edit(struct ctx *);
int	 customer_update(struct ctx *);
int	 customer_delete(struct ctx *);
void	 fill_form(struct ctx *, enum rtype, const struct field *,
	    size_t nfields, const struct audited *, size_t ncols,
	    const void *record, int locked_only);

/* contacts.c */
int	 contact_can_add(struct ctx *);
void	 contact_form_prepare(struct ctx *);
int	 contact_form_read(struct ctx *, struct form *);
long long contact_insert(struct ctx *, long long customer, struct form *,
	    int key);
int	 contact_create(struct ctx *);
int	 contact_edit(struct ctx *);
int	 contact_update(struct ctx *);
int	 contact_delete(struct ctx *);
int	 contact_make_key(struct ctx *);

/* activity.c: follow-ups and orders */
int	 followup_create(struct ctx *);
int	 followup_done(struct ctx *);
int	 order_create(struct ctx *);

#endif
