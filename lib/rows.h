/*
 * rows.h - the rows of a one-id statement (a record's contacts, its
 * approvals, ...) as a list in the page data: prefix.N.<name>.
 */
#ifndef CRM_ROWS_H
#define CRM_ROWS_H

#include <stddef.h>

struct ctx;
struct dbq;

/*
 * The value of column col of the row q stands on, or NULL to leave the
 * cell out of the page. arg is rows_to_hdf's.
 */
typedef const char *rows_cell(struct ctx *, const struct dbq *q,
		    unsigned col, const void *arg);

/*
 * Run sql with id as its one parameter and set each row's columns under
 * prefix.N, column i as names[i]: its text, or what cell makes of it when
 * cell is not NULL. 0, or -1 on a database error.
 */
int	rows_to_hdf(struct ctx *, const char *sql, long long id,
	    const char *prefix, const char *const *names, size_t ncols,
	    rows_cell *cell, const void *arg);

#endif
