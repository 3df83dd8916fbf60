/*
 * form_rows.h - a form with a table of repeated rows under its head
 * fields (a quote's lines, a contract's instalments).
 *
 * A row's fields are named "<column>_<row>", rows counted from 1. The
 * form posts how many rows it shows ("rows"); "Add rows" shows add more,
 * never more than max, without JavaScript and without saving.
 */
#ifndef CRM_FORM_ROWS_H
#define CRM_FORM_ROWS_H

#include <stddef.h>

struct ctx;
struct field;
struct form;

struct form_rows {
	const struct field	*head;		/* the fields above the table */
	size_t			 nhead;
	const struct field	*cols;		/* one row's fields */
	size_t			 ncols;
	int			 add;		/* rows at first and per "Add" */
	int			 max;
};

/* The name of column col's field in row row. */
const char	*form_rows_cell(struct ctx *, const struct form_rows *,
		    size_t col, int row);
/* rows, at least add and at most max. */
int		 form_rows_clamp(const struct form_rows *, long long rows);
/* Read the head and the posted rows into f (form_read); how many rows. */
int		 form_rows_read(struct ctx *, const struct form_rows *,
		    struct form *f);
/* Rows.N.{n, <column>: its field's name}, Form.rows and Form.more. */
void		 form_rows_to_hdf(struct ctx *, const struct form_rows *,
		    int rows);
/* "Add rows": everything posted refilled as typed; the new row count. */
int		 form_rows_more(struct ctx *, const struct form_rows *);

#endif
