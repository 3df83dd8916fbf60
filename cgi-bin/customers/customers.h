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

#include "perm.h"

struct ctx;
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

/* list.c */
int	 customer_list(struct ctx *);

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

/* contacts.c */
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
