/*
 * choices.c - the choice lists: add, rename, reorder, deactivate options.
 *
 * Only the lists of the registry (lib/choice_lists.c) are shown, each at
 * /admin/choices/<place>. Options are never deleted: records keep their
 * codes, so an option that is no longer wanted is deactivated, which takes
 * it out of forms and filters while its label still shows. A code cannot
 * be changed for the same reason; labels can, in both languages.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))
/* New options go last; moves renumber a list in these steps. */
#define SORT_STEP	10

static const char sql_options[] =
    "SELECT id, code, label_en, label_zh, active FROM choice"
    " WHERE list = ? ORDER BY sort, id";
static const char sql_option_lock[] =
    "SELECT label_en, label_zh, active FROM choice"
    " WHERE id = ? AND list = ? FOR UPDATE";
static const char sql_order_lock[] =
    "SELECT id, sort FROM choice WHERE list = ? ORDER BY sort, id"
    " FOR UPDATE";
static const char sql_option_insert[] =
    "INSERT INTO choice (list, code, label_en, label_zh, sort)"
    " SELECT ?, ?, ?, ?, COALESCE(MAX(sort), 0) + ? FROM choice"
    " WHERE list = ?";
static const char sql_option_labels[] =
    "UPDATE choice SET label_en = ?, label_zh = ? WHERE id = ?";
static const char sql_option_sort[] =
    "UPDATE choice SET sort = ? WHERE id = ?";
static const char sql_option_active[] =
    "UPDATE choice SET active = ? WHERE id = ?";

static const struct field label_fields[] = {
	{ "label_en", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "label_zh", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "code", FT_TEXT, FIELD_REQUIRED, 32, NULL, 0, 0 },
};

/* Renaming takes the labels only: the code names the option for good. */
#define NRENAME_FIELDS	2

/* The list the path names (c->ids[0], from 1), or NULL. */
static const char *
path_list(struct ctx *c)
{
	if (c->ids[0] > (long long)choice_nlists)
		return NULL;
	return choice_lists[c->ids[0] - 1];
}

int
admin_choices(struct ctx *c)
{
	HDF	*rows = ctx_node(c, "Lists"), *row;
	size_t	 i;

	if (choice_load(c) == -1)
		return 500;
	for (i = 0; i < choice_nlists; i++) {
		row = node_item(rows, (int)i);
		node_set_int(row, "place", (long long)i + 1);
		node_set(row, "name", choice_lists[i]);
		node_set_int(row, "total", node_count(hdf_get_obj(c->hdf,
		    arena_printf(c->arena, "Choices.%s", choice_lists[i]))));
		node_set_int(row, "active", node_count(hdf_get_obj(c->hdf,
		    arena_printf(c->arena, "ChoiceList.%s", choice_lists[i]))));
	}
	return http_page(c, "admin/choices.cs");
}

/*
 * The options of list, in order, into the page; with edit (an option id,
 * or 0) also into the rename form. 1, 0 when edit is not in the list, or
 * -1 on error.
 */
static int
options_load(struct ctx *c, const char *list, long long edit)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Rows"), *row = NULL;
	int		 n = 0, found = edit == 0;

	if (db_prepare(&q, c->db, c->arena, sql_options) == -1)
		return -1;
	db_bind_text(&q, 0, list);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "label_en", db_text(&q, 2));
		node_set(row, "label_zh", db_text(&q, 3));
		node_set(row, "active", db_text(&q, 4));
		if (n == 1)
			node_set(row, "first", "1");
		if (db_int(&q, 0) == edit) {
			found = 1;
			ctx_set_int(c, "Edit.id", edit);
			ctx_set(c, "Edit.code", db_text(&q, 1));
			form_fill(c, "label_en", db_text(&q, 2));
			form_fill(c, "label_zh", db_text(&q, 3));
		}
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	if (row != NULL)
		node_set(row, "last", "1");
	ctx_set_int(c, "List.place", c->ids[0]);
	ctx_set(c, "List.name", list);
	return found;
}

/* The list page, with the rename form of option edit unless 0. */
static int
list_page(struct ctx *c, long long edit)
{
	const char	*list = path_list(c);
	int		 rc;

	if (list == NULL)
		return 404;
	if ((rc = options_load(c, list, edit)) != 1)
		return rc == 0 ? 404 : 500;
	return http_page(c, "admin/choice_list.cs");
}

int
admin_choice_list(struct ctx *c)
{
	return list_page(c, 0);
}

int
admin_choice_edit(struct ctx *c)
{
	return list_page(c, c->ids[1]);
}

/* Back to the list after a change. */
static int
list_redirect(struct ctx *c)
{
	return http_redirect(c, arena_printf(c->arena, "/admin/choices/%lld",
	    c->ids[0]));
}

/* Insert the new option of list from the form, audited; -1 on error. */
static int
option_insert(struct ctx *c, const char *list, const struct form *f)
{
	const char	*fields[] = { "code", "label_en", "label_zh" };
	long long	 id;
	size_t		 i;

	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_option_insert, "ssssis", list,
	    form_value(f, "code"), form_value(f, "label_en"),
	    form_value(f, "label_zh"), (long long)SORT_STEP, list) != 1)
		return -1;
	id = db_int_query(c->db, c->arena, "SELECT LAST_INSERT_ID()", 0, "");
	if (id <= 0 || audit_log(c, "create", "choice", id, "list", NULL,
	    list) == -1)
		return -1;
	for (i = 0; i < NFIELDS(fields); i++)
		if (audit_log(c, "create", "choice", id, fields[i], NULL,
		    form_value(f, fields[i])) == -1)
			return -1;
	return db_commit(c->db);
}

int
admin_choice_add(struct ctx *c)
{
	const char	*list = path_list(c);
	struct form	 f;

	if (list == NULL)
		return 404;
	if (form_read(c, label_fields, NFIELDS(label_fields), &f) == 0) {
		if (!choice_code_ok(form_value(&f, "code")))
			form_error(c, &f, "code", "admin.choice.bad_code");
		else if (option_insert(c, list, &f) == 0)
			return list_redirect(c);
		else if (!db_last_was_duplicate(c->db))
			return 500;
		else {
			db_rollback(c->db);
			form_error(c, &f, "code", "admin.choice.code_taken");
		}
	}
	c->status = 422;
	return options_load(c, list, 0) == -1 ? 500 :
	    http_page(c, "admin/choice_list.cs");
}

/*
 * Lock option c->ids[1] of list for a change: 1 with its labels and
 * active flag, 0 when the list has no such option, -1 on error. Opens
 * the transaction the change runs in.
 */
static int
option_lock(struct ctx *c, const char *list, const char **en,
    const char **zh, int *active)
{
	struct dbq	q;
	int		found = 0;

	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_option_lock) == -1)
		return -1;
	db_bind_int(&q, 0, c->ids[1]);
	db_bind_text(&q, 1, list);
	if (db_step(&q) == DB_ROW) {
		*en = db_str(&q, 0);
		*zh = db_str(&q, 1);
		*active = (int)db_int(&q, 2);
		found = 1;
	}
	return db_finish(&q) == DB_ERROR ? -1 : found;
}

int
admin_choice_rename(struct ctx *c)
{
	const char	*list = path_list(c), *en, *zh;
	struct form	 f;
	long long	 id = c->ids[1];
	int		 active, rc;

	if (list == NULL)
		return 404;
	/* The page as shown, in case the labels come back with errors. */
	if ((rc = options_load(c, list, id)) != 1)
		return rc == 0 ? 404 : 500;
	if (form_read(c, label_fields, NRENAME_FIELDS, &f) != 0) {
		c->status = 422;
		return http_page(c, "admin/choice_list.cs");
	}
	if ((rc = option_lock(c, list, &en, &zh, &active)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_exec(c->db, c->arena, sql_option_labels, "ssi",
	    form_value(&f, "label_en"), form_value(&f, "label_zh"), id) < 0 ||
	    audit_field(c, "choice", id, "label_en", en,
	    form_value(&f, "label_en")) == -1 ||
	    audit_field(c, "choice", id, "label_zh", zh,
	    form_value(&f, "label_zh")) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return list_redirect(c);
}

/* Deactivate or reactivate option c->ids[1]. */
static int
option_set_active(struct ctx *c, int active)
{
	const char	*list = path_list(c), *en, *zh;
	long long	 id = c->ids[1];
	int		 was, rc;

	if (list == NULL)
		return 404;
	if ((rc = option_lock(c, list, &en, &zh, &was)) != 1)
		return rc == 0 ? 404 : 500;
	if (was != active && (db_exec(c->db, c->arena, sql_option_active, "ii",
	    (long long)active, id) < 0 ||
	    audit_log(c, active ? "reactivate" : "deactivate", "choice", id,
	    "active", was ? "1" : "0", active ? "1" : "0") == -1))
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return list_redirect(c);
}

int
admin_choice_deactivate(struct ctx *c)
{
	return option_set_active(c, 0);
}

int
admin_choice_reactivate(struct ctx *c)
{
	return option_set_active(c, 1);
}

struct order {
	long long	 id, sort;
};

/*
 * The options of list in their order, locked for the move: *n of them,
 * NULL on error.
 */
static struct order *
order_lock(struct ctx *c, const char *list, size_t *n)
{
	struct dbq	 q;
	struct order	*o = NULL, *grown;
	size_t		 cap = 0;

	*n = 0;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_order_lock) == -1)
		return NULL;
	db_bind_text(&q, 0, list);
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
 * Swap option c->ids[1] with its neighbour (step -1 up, +1 down), then
 * number the list in steps of SORT_STEP, writing and auditing only the
 * sorts that change. Renumbering also parts options that shared a sort
 * value, which a swap of values alone could not reorder.
 */
static int
option_move(struct ctx *c, int step)
{
	const char	*list = path_list(c);
	struct order	*o, t;
	size_t		 n, i, j;
	long long	 sort;

	if (list == NULL)
		return 404;
	if ((o = order_lock(c, list, &n)) == NULL)
		return 500;
	for (i = 0; i < n && o[i].id != c->ids[1]; i++)
		continue;
	if (i == n)
		return 404;
	if ((step < 0 && i == 0) || (step > 0 && i + 1 == n))
		return list_redirect(c);	/* already first or last */
	j = step < 0 ? i - 1 : i + 1;
	t = o[i];
	o[i] = o[j];
	o[j] = t;
	for (i = 0; i < n; i++) {
		sort = (long long)(i + 1) * SORT_STEP;
		if (o[i].sort == sort)
			continue;
		if (db_exec(c->db, c->arena, sql_option_sort, "ii", sort,
		    o[i].id) < 0 || audit_field(c, "choice", o[i].id, "sort",
		    arena_printf(c->arena, "%lld", o[i].sort),
		    arena_printf(c->arena, "%lld", sort)) == -1)
			return 500;
	}
	if (db_commit(c->db) == -1)
		return 500;
	return list_redirect(c);
}

int
admin_choice_up(struct ctx *c)
{
	return option_move(c, -1);
}

int
admin_choice_down(struct ctx *c)
{
	return option_move(c, 1);
}
