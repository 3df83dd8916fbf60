/*
 * choices.c - the choice lists: add, rename, reorder, deactivate options.
 *
 * Only the lists of the registry (lib/choice_lists.c) are shown, each at
 * /admin/choices/<name>. Options are never deleted: records keep their
 * codes, so an option that is no longer wanted is deactivated, which takes
 * it out of forms and filters while its label still shows. A code cannot
 * be changed for the same reason; labels can, in both languages. The
 * editor (optlist_*) serves any list with a page of its own: the options
 * of a custom field's choice list are edited with it too (fields.c).
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

static const char sql_options[] =
    "SELECT id, code, label_en, label_zh, active FROM choice"
    " WHERE list = ? ORDER BY sort, id";
static const char sql_option_lock[] =
    "SELECT label_en, label_zh, active FROM choice"
    " WHERE id = ? AND list = ? FOR UPDATE";
static const char sql_option_insert[] =
    "INSERT INTO choice (list, code, label_en, label_zh, sort)"
    " SELECT ?, ?, ?, ?, COALESCE(MAX(sort), 0) + ? FROM choice"
    " WHERE list = ?";
static const char sql_option_labels[] =
    "UPDATE choice SET label_en = ?, label_zh = ? WHERE id = ?";
static const char sql_option_active[] =
    "UPDATE choice SET active = ? WHERE id = ?";
/* Locking the list's options: two deactivations cannot both see two. */
static const char sql_active_count[] =
    "SELECT COUNT(*) FROM choice WHERE list = ? AND active = 1 FOR UPDATE";

static const struct reorder option_order = {
	"SELECT id, sort FROM choice WHERE list = ? ORDER BY sort, id"
	" FOR UPDATE",
	"UPDATE choice SET sort = ? WHERE id = ?",
	"choice",
};

static const struct field label_fields[] = {
	{ "label_en", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "label_zh", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "code", FT_TEXT, FIELD_REQUIRED, 32, NULL, 0, 0 },
};

/* Renaming takes the labels only: the code names the option for good. */
#define NRENAME_FIELDS	2

int
admin_choices(struct ctx *c)
{
	HDF		*rows = ctx_node(c, "Lists"), *row;
	const char	*name;
	size_t		 i;

	if (choice_load(c) == -1)
		return 500;
	for (i = 0; i < choice_nlists; i++) {
		row = node_item(rows, (int)i);
		name = choice_lists[i].name;
		node_set(row, "name", name);
		node_set_int(row, "total", node_count(hdf_get_obj(c->hdf,
		    arena_printf(c->arena, "Choices.%s", name))));
		node_set_int(row, "active", node_count(hdf_get_obj(c->hdf,
		    arena_printf(c->arena, "ChoiceList.%s", name))));
	}
	return http_page(c, "admin/choices.cs");
}

/*
 * The options of the list, in order, into the page; with edit (an option
 * id, or 0) also into the rename form. 1, 0 when edit is not in the list,
 * or -1 on error.
 */
static int
options_load(struct ctx *c, const struct optlist *ol, long long edit)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Rows"), *row = NULL;
	int		 n = 0, found = edit == 0;

	if (db_prepare(&q, c->db, c->arena, sql_options) == -1)
		return -1;
	db_bind_text(&q, 0, ol->list);
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
	ctx_set(c, "List.name", ol->list);
	ctx_set(c, "List.page", ol->page);
	ctx_set(c, "List.options", ol->options);
	ctx_set(c, "List.title", ol->title);
	ctx_set(c, "List.back", ol->back);
	ctx_set(c, "List.back_label", ol->back_label);
	return found;
}

int
optlist_page(struct ctx *c, const struct optlist *ol, long long edit)
{
	int	rc;

	if ((rc = options_load(c, ol, edit)) != 1)
		return rc == 0 ? 404 : 500;
	return http_page(c, "admin/choice_list.cs");
}

/* Back to the list after a change. */
static int
list_redirect(struct ctx *c, const struct optlist *ol)
{
	return http_redirect(c, ol->page);
}

/* Insert the new option of the list from the form, audited; -1 on error. */
static int
option_insert(struct ctx *c, const char *list, const struct form *f)
{
	const char	*fields[] = { "code", "label_en", "label_zh" };
	long long	 id;
	size_t		 i;

	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_option_insert, "ssssis", list,
	    form_value(f, "code"), form_value(f, "label_en"),
	    form_value(f, "label_zh"), (long long)ADMIN_SORT_STEP, list) != 1)
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
optlist_add(struct ctx *c, const struct optlist *ol)
{
	struct form	 f;

	if (form_read(c, label_fields, NFIELDS(label_fields), &f) == 0) {
		if (!choice_code_ok(form_value(&f, "code")))
			form_error(c, &f, "code", "admin.choice.bad_code");
		else if (option_insert(c, ol->list, &f) == 0)
			return list_redirect(c, ol);
		else if (!db_last_was_duplicate(c->db))
			return 500;
		else {
			db_rollback(c->db);
			form_error(c, &f, "code", "admin.choice.code_taken");
		}
	}
	c->status = 422;
	return options_load(c, ol, 0) == -1 ? 500 :
	    http_page(c, "admin/choice_list.cs");
}

/*
 * Lock option id of the list for a change: 1 with its labels and active
 * flag, 0 when the list has no such option, -1 on error. Opens the
 * transaction the change runs in.
 */
static int
option_lock(struct ctx *c, const char *list, long long id, const char **en,
    const char **zh, int *active)
{
	struct dbq	q;
	int		found = 0;

	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_option_lock) == -1)
		return -1;
	db_bind_int(&q, 0, id);
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
optlist_rename(struct ctx *c, const struct optlist *ol, long long id)
{
	const char	*en, *zh;
	struct form	 f;
	int		 active, rc;

	/* The page as shown, in case the labels come back with errors. */
	if ((rc = options_load(c, ol, id)) != 1)
		return rc == 0 ? 404 : 500;
	if (form_read(c, label_fields, NRENAME_FIELDS, &f) != 0) {
		c->status = 422;
		return http_page(c, "admin/choice_list.cs");
	}
	if ((rc = option_lock(c, ol->list, id, &en, &zh, &active)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_exec(c->db, c->arena, sql_option_labels, "ssi",
	    form_value(&f, "label_en"), form_value(&f, "label_zh"), id) < 0 ||
	    audit_field(c, "choice", id, "label_en", en,
	    form_value(&f, "label_en")) == -1 ||
	    audit_field(c, "choice", id, "label_zh", zh,
	    form_value(&f, "label_zh")) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return list_redirect(c, ol);
}

/*
 * A list a form requires keeps one active option: the page again, with
 * the refusal above the options.
 */
static int
option_refused(struct ctx *c, const struct optlist *ol)
{
	db_rollback(c->db);
	c->status = 409;
	ctx_set(c, "Error", ctx_msg(c, "admin.choice.last_active"));
	return options_load(c, ol, 0) == -1 ? 500 :
	    http_page(c, "admin/choice_list.cs");
}

int
optlist_set_active(struct ctx *c, const struct optlist *ol, long long id,
    int active)
{
	const char	*en, *zh;
	long long	 left;
	int		 was, rc;

	if ((rc = option_lock(c, ol->list, id, &en, &zh, &was)) != 1)
		return rc == 0 ? 404 : 500;
	if (was && !active && ol->required) {
		if ((left = db_int_query(c->db, c->arena, sql_active_count, -1,
		    "s", ol->list)) == -1)
			return 500;
		if (left <= 1)
			return option_refused(c, ol);
	}
	if (was != active && (db_exec(c->db, c->arena, sql_option_active, "ii",
	    (long long)active, id) < 0 ||
	    audit_log(c, active ? "reactivate" : "deactivate", "choice", id,
	    "active", was ? "1" : "0", active ? "1" : "0") == -1))
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return list_redirect(c, ol);
}

int
optlist_move(struct ctx *c, const struct optlist *ol, long long id, int step)
{
	int	rc = admin_reorder(c, &option_order, ol->list, id, step);

	return rc != 0 ? rc : list_redirect(c, ol);
}

/* The registered list the path names (c->name); 0 if none. */
static int
path_list(struct ctx *c, struct optlist *ol)
{
	size_t	i;

	for (i = 0; i < choice_nlists; i++)
		if (strcmp(choice_lists[i].name, c->name) == 0)
			break;
	if (i == choice_nlists)
		return 0;
	ol->list = choice_lists[i].name;
	ol->required = choice_lists[i].required;
	ol->page = arena_printf(c->arena, "/admin/choices/%s", ol->list);
	ol->options = arena_printf(c->arena, "%s/options", ol->page);
	ol->title = arena_printf(c->arena, "%s: %s",
	    ctx_msg(c, "admin.choice.list_title"),
	    ctx_msg(c, arena_printf(c->arena, "choice_list.%s", ol->list)));
	ol->back = "/admin/choices";
	ol->back_label = ctx_msg(c, "admin.choice.all_lists");
	return 1;
}

int
admin_choice_list(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_page(c, &ol, 0) : 404;
}

int
admin_choice_edit(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_page(c, &ol, c->ids[0]) : 404;
}

int
admin_choice_add(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_add(c, &ol) : 404;
}

int
admin_choice_rename(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_rename(c, &ol, c->ids[0]) : 404;
}

int
admin_choice_deactivate(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_set_active(c, &ol, c->ids[0], 0) :
	    404;
}

int
admin_choice_reactivate(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_set_active(c, &ol, c->ids[0], 1) :
	    404;
}

int
admin_choice_up(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_move(c, &ol, c->ids[0], -1) : 404;
}

int
admin_choice_down(struct ctx *c)
{
	struct optlist	ol;

	return path_list(c, &ol) ? optlist_move(c, &ol, c->ids[0], 1) : 404;
}
