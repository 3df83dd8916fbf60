/*
 * rows.c - the rows of a one-id statement into the page data.
 */
#include "ctx.h"
#include "db.h"
#include "rows.h"

int
rows_to_hdf(struct ctx *c, const char *sql, long long id, const char *prefix,
    const char *const *names, size_t ncols, rows_cell *cell, const void *arg)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, prefix), *row;
	const char	*value;
	unsigned	 i;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		for (i = 0; i < ncols; i++) {
			value = cell != NULL ? cell(c, &q, i, arg) :
			    db_text(&q, i);
			if (cell == NULL || value != NULL)
				node_set(row, names[i], value);
		}
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}
