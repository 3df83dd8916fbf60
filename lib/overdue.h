/*
 * overdue.h - overdue instalments of approved contracts (SPEC 2.2): due
 * before today, in the company's time zone, and not fully paid. The
 * home page shows the first few in the user's contract view scope, the
 * contracts program the whole list with its CSV export; both read it by
 * one statement over the instalments' open_due index for the scope.
 */
#ifndef CRM_OVERDUE_H
#define CRM_OVERDUE_H

#include <ClearSilver.h>

struct ctx;

/* How many the home page shows before linking to the full list. */
#define OVERDUE_HOME_ROWS	10

/* An overdue instalment as read; amounts are DECIMAL text. */
struct overdue_row {
	const char	*id, *contract_id, *code, *title, *customer, *owner;
	const char	*position, *due, *days, *amount, *paid;
	long long	 owed;		/* cents */
};

/* One page of the list: the filter and the keyset cursor. */
struct overdue_query {
	long long	 owner;		/* 0: every owner in scope */
	const char	*after_due;	/* cursor "<due>.<id>", or NULL */
	long long	 after_id;
	int		 limit;		/* rows wanted */
};

/*
 * Call fn for each row of the page, in due date order; *next becomes
 * the cursor of the following page, or NULL when this was the last.
 * Nothing (and 0) for a user who may not view contracts. 0, or -1 on a
 * database error.
 */
int	 overdue_page(struct ctx *, const struct overdue_query *,
	    void (*fn)(struct ctx *, const struct overdue_row *, void *),
	    void *arg, const char **next);
/* A row's fields, shown, into node (contract_id, code, owed, ...). */
void	 overdue_to_node(struct ctx *, HDF *node, const struct overdue_row *);
/*
 * The home page's section: the first OVERDUE_HOME_ROWS as Overdue.N,
 * OverdueMore when there are others, and Can.overdue when the user may
 * view contracts at all. 0, or -1 on a database error.
 */
int	 overdue_home(struct ctx *);

#endif
