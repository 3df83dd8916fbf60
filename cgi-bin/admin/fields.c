/*
 * fields.c - custom fields of the record types that have them
 * (lib/custom_field.h): create, edit, reorder, deactivate, and the
 * options of the choice types.
 *
 * A field's code and type never change once it is made: records keep
 * values under its code, in a slot of its type. Fields are never deleted
 * either; deactivating one takes it out of forms, pages and lists while
 * its values and their history stay. Every change is audited as record
 * type custom_field with its old and new value.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "str.h"

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

static const char sql_fields_all[] =
    "SELECT id, code, type, label_en, label_zh, required, active"
    " FROM custom_field WHERE record_type = ? ORDER BY sort, id";
static const char sql_field_get[] =
    "SELECT record_type, code, type, label_en, label_zh, required,"
    " pattern, pattern_msg_en, pattern_msg_zh, help_en, help_zh, active"
    " FROM custom_field WHERE id = ?";
static const char sql_field_lock[] =
    "SELECT record_type, code, type, label_en, label_zh, required,"
    " pattern, pattern_msg_en, pattern_msg_zh, help_en, help_zh, active"
    " FROM custom_field WHERE id = ? FOR UPDATE";
static const char sql_field_insert[] =
    "INSERT INTO custom_field (record_type, code, type, store, slot,"
    " label_en, label_zh, required, pattern, pattern_msg_en,"
    " pattern_msg_zh, help_en, help_zh, sort)"
    " SELECT ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?,"
    " COALESCE(MAX(sort), 0) + ? FROM custom_field WHERE record_type = ?";
static const char sql_field_update[] =
    "UPDATE custom_field SET label_en = ?, label_zh = ?, required = ?,"
    " pattern = ?, pattern_msg_en = ?, pattern_msg_zh = ?, help_en = ?,"
    " help_zh = ? WHERE id = ?";
static const char sql_field_active[] =
    "UPDATE custom_field SET active = ? WHERE id = ?";

static const struct reorder field_order = {
	"SELECT id, sort FROM custom_field WHERE record_type = ?"
	" ORDER BY sort, id FOR UPDATE",
	"UPDATE custom_field SET sort = ? WHERE id = ?",
	"custom_field",
};

/* What an edit changes; a new field adds its code, type, record type. */
static const struct field field_fields[] = {
	{ "label_en", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "label_zh", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "required", FT_INT, 0, 0, NULL, 0, 1 },
	{ "pattern", FT_TEXT, 0, 300, NULL, 0, 0 },
	{ "pattern_msg_en", FT_TEXT, 0, 200, NULL, 0, 0 },
	{ "pattern_msg_zh", FT_TEXT, 0, 200, NULL, 0, 0 },
	{ "help_en", FT_TEXT, 0, 300, NULL, 0, 0 },
	{ "help_zh", FT_TEXT, 0, 300, NULL, 0, 0 },
	{ "code", FT_TEXT, FIELD_REQUIRED, 29, NULL, 0, 0 },
	{ "type", FT_CHOICE, FIELD_REQUIRED, 0, "cf_type", 0, 0 },
	{ "rtype", FT_CHOICE, FIELD_REQUIRED, 0, "cf_rtype", 0, 0 },
};

#define NEDIT_FIELDS	8

/* A field as the admin screens load it, columns as in sql_field_get. */
struct afield {
	long long	 id;
	const char	*col[12];
};

enum { A_RTYPE, A_CODE, A_TYPE, A_LABEL_EN, A_LABEL_ZH, A_REQUIRED,
    A_ACTIVE = 11 };

/* The columns an edit changes, from A_LABEL_EN in field_fields' order. */
#define EDIT_COL(i)	(A_LABEL_EN + (i))

/*
 * Load (and with lock, lock) field c->ids[0]: 1, 0 when there is none
 * or its record type has no custom fields, -1 on error.
 */
static int
field_get(struct ctx *c, int lock, struct afield *af)
{
	struct dbq	 q;
	unsigned	 i;
	int		 found = 0, rt;

	af->id = c->ids[0];
	if (db_prepare(&q, c->db, c->arena, lock ? sql_field_lock :
	    sql_field_get) == -1)
		return -1;
	db_bind_int(&q, 0, af->id);
	if (db_step(&q) == DB_ROW) {
		for (i = 0; i < NFIELDS(af->col); i++)
			af->col[i] = db_text(&q, i);
		found = 1;
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	rt = found ? rtype_from_name(af->col[A_RTYPE]) : -1;
	return found && rt >= 0 && cf_storage((enum rtype)rt) != NULL &&
	    cf_type_from_name(af->col[A_TYPE]) >= 0;
}

static enum cf_type
field_type(const struct afield *af)
{
	return (enum cf_type)cf_type_from_name(af->col[A_TYPE]);
}

/* Its label in the response language. */
static const char *
field_label(struct ctx *c, const struct afield *af)
{
	return af->col[strcmp(c->lang, "zh-CN") == 0 ? A_LABEL_ZH : A_LABEL_EN];
}

/* The types and record types as options of the new field form. */
static int
field_options(struct ctx *c)
{
	size_t	i;

	if (choice_load(c) == -1)
		return -1;
	for (i = 0; i < CF__MAX; i++)
		choice_option(c, "cf_type", (int)i, cf_types[i].name,
		    ctx_msg(c, arena_printf(c->arena, "cf_type.%s",
		    cf_types[i].name)));
	for (i = 0; i < cf_nstorages; i++)
		choice_option(c, "cf_rtype", (int)i,
		    cf_storages[i].record_type,
		    ctx_msg(c, arena_printf(c->arena, "rtype.%s",
		    cf_storages[i].record_type)));
	return 0;
}

int
admin_fields(struct ctx *c)
{
	HDF		*types = ctx_node(c, "Types"), *type, *rows, *row;
	struct dbq	 q;
	size_t		 i;
	int		 n, t;

	for (i = 0; i < cf_nstorages; i++) {
		type = node_item(types, (int)i);
		node_set(type, "code", cf_storages[i].record_type);
		rows = node_get(type, "fields");
		if (db_prepare(&q, c->db, c->arena, sql_fields_all) == -1)
			return 500;
		db_bind_text(&q, 0, cf_storages[i].record_type);
		for (n = 0; db_step(&q) == DB_ROW; n++) {
			row = node_item(rows, n);
			node_set(row, "id", db_text(&q, 0));
			node_set(row, "code", db_text(&q, 1));
			node_set(row, "type", db_text(&q, 2));
			node_set(row, "label_en", db_text(&q, 3));
			node_set(row, "label_zh", db_text(&q, 4));
			node_set(row, "required", db_text(&q, 5));
			node_set(row, "active", db_text(&q, 6));
			t = cf_type_from_name(db_str(&q, 2));
			if (t >= 0 && (cf_types[t].flags & CFT_OPTIONS))
				node_set(row, "options", "1");
			if (n == 0)
				node_set(row, "first", "1");
		}
		if (db_finish(&q) == DB_ERROR)
			return 500;
		if (n > 0)
			node_set(node_item(rows, n - 1), "last", "1");
	}
	return http_page(c, "admin/fields.cs");
}

int
admin_field_new(struct ctx *c)
{
	const char	*rt = req_query(&c->req, "rtype");

	if (field_options(c) == -1)
		return 500;
	form_fill(c, "rtype", rt != NULL && choice_valid(c, "cf_rtype", rt) ?
	    rt : cf_storages[0].record_type);
	return http_page(c, "admin/field_new.cs");
}

/*
 * The rules that depend on the type: a pattern only where one applies,
 * one that compiles, with its message in both languages.
 */
static void
pattern_check(struct ctx *c, struct form *f, enum cf_type type)
{
	const char	*pattern = form_value(f, "pattern");

	if (pattern == NULL)
		return;
	if (!(cf_types[type].flags & CFT_PATTERN))
		form_error(c, f, "pattern", "admin.field.no_pattern");
	else if (cf_pattern_match(pattern, "") == -1)
		form_error(c, f, "pattern", "admin.field.bad_pattern");
	if (form_value(f, "pattern_msg_en") == NULL)
		form_error(c, f, "pattern_msg_en", "admin.field.pattern_msg");
	if (form_value(f, "pattern_msg_zh") == NULL)
		form_error(c, f, "pattern_msg_zh", "admin.field.pattern_msg");
}

/* The "required" box as stored: 0 or 1. */
static long long
required_of(const struct form *f)
{
	const char	*v = form_value(f, "required");

	return v != NULL && strcmp(v, "1") == 0;
}

/* Insert the new field, audited, in the open transaction: its id or -1. */
static long long
field_insert(struct ctx *c, const struct form *f, enum cf_type type,
    int slot)
{
	static const char *const audited[] = { "rtype", "code", "type",
	    "label_en", "label_zh", "pattern", "pattern_msg_en",
	    "pattern_msg_zh", "help_en", "help_zh" };
	const char	*rt = form_value(f, "rtype");
	long long	 id;
	size_t		 i;

	if (db_exec(c->db, c->arena, sql_field_insert, "ssssississsssis", rt,
	    form_value(f, "code"), cf_types[type].name,
	    cf_stores[cf_types[type].store].name, (long long)slot,
	    form_value(f, "label_en"), form_value(f, "label_zh"),
	    required_of(f), form_value(f, "pattern"),
	    form_value(f, "pattern_msg_en"), form_value(f, "pattern_msg_zh"),
	    form_value(f, "help_en"), form_value(f, "help_zh"),
	    (long long)ADMIN_SORT_STEP, rt) != 1)
		return -1;
	id = db_int_query(c->db, c->arena, "SELECT LAST_INSERT_ID()", 0, "");
	if (id <= 0)
		return -1;
	for (i = 0; i < NFIELDS(audited); i++)
		if (form_value(f, audited[i]) != NULL && audit_log(c, "create",
		    "custom_field", id, audited[i], NULL,
		    form_value(f, audited[i])) == -1)
			return -1;
	if (audit_log(c, "create", "custom_field", id, "required", NULL,
	    required_of(f) ? "1" : "0") == -1)
		return -1;
	return id;
}

/*
 * Make the field of a valid form in a free slot of its type: its id, 0
 * with a message beside the field at fault, or -1 on error.
 */
static long long
field_make(struct ctx *c, struct form *f, enum cf_type type)
{
	enum cf_store	 store = cf_types[type].store;
	int		 slot = 0;
	long long	 id;

	if (db_begin(c->db) == -1)
		return -1;
	if (store != CS_MULTI && (slot = cf_slot_free(c->db, c->arena,
	    form_value(f, "rtype"), store)) <= 0) {
		if (slot == -1)
			return -1;
		db_rollback(c->db);
		form_error(c, f, "type", "admin.field.no_slot");
		return 0;
	}
	if ((id = field_insert(c, f, type, slot)) == -1) {
		if (!db_last_was_duplicate(c->db))
			return -1;
		db_rollback(c->db);
		form_error(c, f, "code", "admin.field.code_taken");
		return 0;
	}
	return db_commit(c->db) == -1 ? -1 : id;
}

int
admin_field_create(struct ctx *c)
{
	struct form	 f;
	long long	 id = 0;
	int		 type;

	if (field_options(c) == -1)
		return 500;
	form_read(c, field_fields, NFIELDS(field_fields), &f);
	if (form_value(&f, "code") != NULL && !cf_code_ok(form_value(&f,
	    "code")))
		form_error(c, &f, "code", "admin.field.bad_code");
	if ((type = cf_type_from_name(form_value(&f, "type"))) >= 0)
		pattern_check(c, &f, (enum cf_type)type);
	if (f.nerrors == 0 && (id = field_make(c, &f, (enum cf_type)type)) ==
	    -1)
		return 500;
	if (id == 0) {
		c->status = 422;
		return http_page(c, "admin/field_new.cs");
	}
	/* A choice field is of no use before it has options. */
	if (cf_types[type].flags & CFT_OPTIONS)
		return http_redirect(c, arena_printf(c->arena,
		    "/admin/fields/%lld/options", id));
	return http_redirect(c, "/admin/fields");
}

/* The field into the edit page: Field.*, and its values into the form. */
static void
field_to_hdf(struct ctx *c, const struct afield *af, int fill)
{
	size_t	i;

	ctx_set_int(c, "Field.id", af->id);
	ctx_set(c, "Field.code", af->col[A_CODE]);
	ctx_set(c, "Field.type", af->col[A_TYPE]);
	ctx_set(c, "Field.rtype", af->col[A_RTYPE]);
	ctx_set(c, "Field.label", field_label(c, af));
	ctx_set(c, "Field.active", af->col[A_ACTIVE]);
	if (cf_types[field_type(af)].flags & CFT_OPTIONS)
		ctx_set_int(c, "Field.options", 1);
	for (i = 0; fill && i < NEDIT_FIELDS; i++)
		form_fill(c, field_fields[i].name, af->col[EDIT_COL(i)]);
}

int
admin_field_edit(struct ctx *c)
{
	struct afield	af;
	int		rc;

	if ((rc = field_get(c, 0, &af)) != 1)
		return rc == 0 ? 404 : 500;
	field_to_hdf(c, &af, 1);
	return http_page(c, "admin/field_edit.cs");
}

int
admin_field_update(struct ctx *c)
{
	struct afield	 af;
	struct form	 f;
	const char	*now;
	size_t		 i;
	int		 rc;

	if ((rc = field_get(c, 0, &af)) != 1)
		return rc == 0 ? 404 : 500;
	field_to_hdf(c, &af, 0);
	form_read(c, field_fields, NEDIT_FIELDS, &f);
	pattern_check(c, &f, field_type(&af));
	if (f.nerrors > 0) {
		c->status = 422;
		return http_page(c, "admin/field_edit.cs");
	}
	/* Compare with the row as locked: the audit's old values. */
	if (db_begin(c->db) == -1 || (rc = field_get(c, 1, &af)) != 1)
		return rc == 0 ? 404 : 500;
	if (db_exec(c->db, c->arena, sql_field_update, "ssisssssi",
	    form_value(&f, "label_en"), form_value(&f, "label_zh"),
	    required_of(&f), form_value(&f, "pattern"),
	    form_value(&f, "pattern_msg_en"), form_value(&f, "pattern_msg_zh"),
	    form_value(&f, "help_en"), form_value(&f, "help_zh"), af.id) < 0)
		return 500;
	for (i = 0; i < NEDIT_FIELDS; i++) {
		now = field_fields[i].type == FT_INT ?
		    (required_of(&f) ? "1" : "0") :
		    form_value(&f, field_fields[i].name);
		if (audit_field(c, "custom_field", af.id, field_fields[i].name,
		    af.col[EDIT_COL(i)], now) == -1)
			return 500;
	}
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/admin/fields");
}

static int
field_set_active(struct ctx *c, int active)
{
	struct afield	af;
	int		rc = -1, was;

	if (db_begin(c->db) == -1 || (rc = field_get(c, 1, &af)) != 1)
		return rc == 0 ? 404 : 500;
	was = strcmp(af.col[A_ACTIVE], "1") == 0;
	if (was != active && (db_exec(c->db, c->arena, sql_field_active, "ii",
	    (long long)active, af.id) < 0 ||
	    audit_log(c, active ? "reactivate" : "deactivate", "custom_field",
	    af.id, "active", was ? "1" : "0", active ? "1" : "0") == -1))
		return 500;
	if (db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/admin/fields");
}

int
admin_field_deactivate(struct ctx *c)
{
	return field_set_active(c, 0);
}

int
admin_field_reactivate(struct ctx *c)
{
	return field_set_active(c, 1);
}

static int
field_move(struct ctx *c, int step)
{
	struct afield	af;
	int		rc;

	if ((rc = field_get(c, 0, &af)) != 1)
		return rc == 0 ? 404 : 500;
	if ((rc = admin_reorder(c, &field_order, af.col[A_RTYPE], af.id,
	    step)) != 0)
		return rc;
	return http_redirect(c, "/admin/fields");
}

int
admin_field_up(struct ctx *c)
{
	return field_move(c, -1);
}

int
admin_field_down(struct ctx *c)
{
	return field_move(c, 1);
}

/*
 * The option list of field c->ids[0] (its choice list "cf_<code>"): 1,
 * 0 when there is no such field or its type has no options, -1 on error.
 */
static int
field_optlist(struct ctx *c, struct optlist *ol)
{
	struct afield	af;
	int		rc;

	if ((rc = field_get(c, 0, &af)) != 1)
		return rc;
	if (!(cf_types[field_type(&af)].flags & CFT_OPTIONS))
		return 0;
	ol->list = arena_printf(c->arena, "cf_%s", af.col[A_CODE]);
	ol->page = arena_printf(c->arena, "/admin/fields/%lld/options", af.id);
	ol->options = ol->page;
	ol->title = arena_printf(c->arena, "%s: %s",
	    ctx_msg(c, "admin.field.options_title"), field_label(c, &af));
	ol->back = arena_printf(c->arena, "/admin/fields/%lld", af.id);
	ol->back_label = ctx_msg(c, "admin.field.back");
	ol->required = strcmp(af.col[A_REQUIRED], "1") == 0;
	return 1;
}

/* The status for a field without an option list (0) or an error. */
static int
no_optlist(int rc)
{
	return rc == 0 ? 404 : 500;
}

int
admin_field_options(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_page(c, &ol, 0);
}

int
admin_field_option_edit(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_page(c, &ol, c->ids[1]);
}

int
admin_field_option_add(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_add(c, &ol);
}

int
admin_field_option_rename(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_rename(c, &ol, c->ids[1]);
}

int
admin_field_option_up(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_move(c, &ol, c->ids[1], -1);
}

int
admin_field_option_down(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) : optlist_move(c, &ol, c->ids[1], 1);
}

int
admin_field_option_deactivate(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) :
	    optlist_set_active(c, &ol, c->ids[1], 0);
}

int
admin_field_option_reactivate(struct ctx *c)
{
	struct optlist	ol;
	int		rc = field_optlist(c, &ol);

	return rc != 1 ? no_optlist(rc) :
	    optlist_set_active(c, &ol, c->ids[1], 1);
}
