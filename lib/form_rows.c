/*
 * form_rows.c - a form with a table of repeated rows.
 */
#include <string.h>

#include "arena.h"
#include "ctx.h"
#include "form.h"
#include "form_rows.h"
#include "req.h"
#include "str.h"

const char *
form_rows_cell(struct ctx *c, const struct form_rows *fr, size_t col,
    int row)
{
	return arena_printf(c->arena, "%s_%d", fr->cols[col].name, row);
}

int
form_rows_clamp(const struct form_rows *fr, long long rows)
{
	if (rows < fr->add)
		return fr->add;
	return rows > fr->max ? fr->max : (int)rows;
}

/* How many rows the form says it showed; 0 when it says nothing valid. */
static long long
rows_posted(struct ctx *c)
{
	return str_to_id(req_form(&c->req, "rows"));
}

int
form_rows_read(struct ctx *c, const struct form_rows *fr, struct form *f)
{
	int		 rows = form_rows_clamp(fr, rows_posted(c)), r;
	size_t		 n = fr->nhead, k;
	struct field	*fields;

	fields = arena_calloc(c->arena, n + (size_t)rows * fr->ncols,
	    sizeof(*fields));
	memcpy(fields, fr->head, n * sizeof(*fields));
	for (r = 1; r <= rows; r++)
		for (k = 0; k < fr->ncols; k++) {
			fields[n] = fr->cols[k];
			fields[n++].name = form_rows_cell(c, fr, k, r);
		}
	form_read(c, fields, n, f);
	return rows;
}

void
form_rows_to_hdf(struct ctx *c, const struct form_rows *fr, int rows)
{
	HDF	*list = ctx_node(c, "Rows"), *row;
	size_t	 k;
	int	 r;

	for (r = 1; r <= rows; r++) {
		row = node_item(list, r - 1);
		node_set_int(row, "n", r);
		for (k = 0; k < fr->ncols; k++)
			node_set(row, fr->cols[k].name,
			    form_rows_cell(c, fr, k, r));
	}
	ctx_set_int(c, "Form.rows", rows);
	ctx_set_int(c, "Form.more", rows < fr->max);
}

/* Fill field name of the form with what was posted for it. */
static void
refill(struct ctx *c, const char *name)
{
	const char	*v = req_form(&c->req, name);

	form_fill(c, name, v ? v : "");
}

int
form_rows_more(struct ctx *c, const struct form_rows *fr)
{
	int	rows = form_rows_clamp(fr, rows_posted(c) + fr->add), r;
	size_t	k;

	for (k = 0; k < fr->nhead; k++)
		refill(c, fr->head[k].name);
	for (r = 1; r <= rows; r++)
		for (k = 0; k < fr->ncols; k++)
			refill(c, form_rows_cell(c, fr, k, r));
	return rows;
}
