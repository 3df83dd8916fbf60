/*
 * order.c - moving a row up or down a list that an administrator orders
 * (choice options, custom fields).
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "ctx.h"
#include "db.h"

struct order {
	long long	 id, sort;
};

/*
 * The rows of the list key in their order, locked for the move: *n of
 * them, NULL on error. Opens the transaction the move runs in.
 */
static struct order *
order_lock(struct ctx *c, const char *sql_lock, const char *key, size_t *n)
{
	struct dbq	 q;
	struct order	*o = NULL, *grown;
	size_t		 cap = 0;

	*n = 0;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_lock) == -1)
		return NULL;
	db_bind_text(&q, 0, key);
	while (db_step(&q) == DB_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			grown = arena_calloc(c->arena, cap, sizeof(*o));
			if (*n > 0)
				memcpy(grown, o, *n * sizeof(*o));
			o = grown;
		}
		o[*n].id = db_int(&q, 0);
		o[(*n)++].sort = db_int(&q, 1);
	}
	if (db_finish(&q) == DB_ERROR)
		return NULL;
	return o != NULL ? o : arena_calloc(c->arena, 1, sizeof(*o));
}

/*
 * Swap row id with its neighbour (step -1 up, +1 down), then number the
 * list in steps of ADMIN_SORT_STEP, writing and auditing only the sorts
 * that change. Renumbering also parts rows that shared a sort value, which a
 * swap of values alone could not reorder.
 */
int
admin_reorder(struct ctx *c, const struct reorder *r, const char *key,
    long long id, int step)
{
	struct order	*o, t;
	size_t		 n, i, j;
	long long	 sort;

	if ((o = order_lock(c, r->sql_lock, key, &n)) == NULL)
		return 500;
	for (i = 0; i < n && o[i].id != id; i++)
		continue;
	if (i == n)
		return 404;
	if ((step < 0 && i == 0) || (step > 0 && i + 1 == n))
		return db_commit(c->db) == -1 ? 500 : 0;
	j = step < 0 ? i - 1 : i + 1;
	t = o[i];
	o[i] = o[j];
	o[j] = t;
	for (i = 0; i < n; i++) {
		sort = (long long)(i + 1) * ADMIN_SORT_STEP;
		if (o[i].sort == sort)
			continue;
		if (db_exec(c->db, c->arena, r->sql_sort, "ii", sort,
		    o[i].id) < 0 || audit_field(c, r->record_type, o[i].id,
		    "sort", arena_printf(c->arena, "%lld", o[i].sort),
		    arena_printf(c->arena, "%lld", sort)) == -1)
			return 500;
	}
	return db_commit(c->db) == -1 ? 500 : 0;
}
