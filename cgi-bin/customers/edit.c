/*
 * edit.c - creating, editing and deleting a customer; every change is
 * audited in the transaction that makes it.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "code.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "fieldsec.h"
#include "form.h"
#include "http.h"
#include "owner.h"
#include "sealed.h"
#include "search.h"
#include "sortkey.h"
#include "str.h"
#include "customers.h"

/* The customer fields a user edits; the key contact comes with a new one. */
static const struct field customer_fields[] = {
	{ "name", FT_TEXT, FIELD_REQUIRED, 200, NULL, 0, 0 },
	{ "industry", FT_CHOICE, FIELD_REQUIRED, 0, "industry", 0, 0 },
	{ "grade", FT_CHOICE, FIELD_REQUIRED, 0, "grade", 0, 0 },
	{ "address", FT_TEXT, 0, 300, NULL, 0, 0 },
	{ "products", FT_MULTI, 0, 0, "product", 0, 0 },
	{ "budget", FT_CHOICE, 0, 0, "budget", 0, 0 },
	{ "purchase_date", FT_DATE, 0, 0, NULL, 0, 0 },
	{ "satisfaction", FT_CHOICE, 0, 0, "satisfaction", 0, 0 },
};

/* The stored value of each field, for the edit form and the audit. */
static const struct audited customer_columns[] = {
	{ "name", offsetof(struct customer, name), 0 },
	{ "industry", offsetof(struct customer, industry), 0 },
	{ "grade", offsetof(struct customer, grade), 0 },
	{ "address", offsetof(struct customer, address), 0 },
	{ "budget", offsetof(struct customer, budget), 1 },
	{ "purchase_date", offsetof(struct customer, purchase_date), 0 },
	{ "satisfaction", offsetof(struct customer, satisfaction), 0 },
	{ "products", offsetof(struct customer, products), 0 },
};

/* A new customer's grade when its creator may not set one. */
#define GRADE_DEFAULT	"potential"

/* The budget range is sealed and written on its own (sealed.h). */
static const char sql_customer_insert[] =
    "INSERT INTO customer (code, name, name_sort, industry, grade, owner_id,"
    " team_id, address, purchase_date, satisfaction)"
    " VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?, ?, ?)";
static const char sql_customer_update[] =
    "UPDATE customer SET name = ?, name_sort = ?, industry = ?, grade = ?,"
    " owner_id = ?, team_id = NULLIF(?, 0), address = ?,"
    " purchase_date = ?, satisfaction = ?,"
    " version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND version = ? AND deleted_at IS NULL";
static const char sql_customer_delete[] =
    "UPDATE customer SET deleted_at = NOW(), version = version + 1"
    " WHERE id = ? AND deleted_at IS NULL";
static const char sql_needs_clear[] =
    "DELETE FROM customer_need WHERE customer_id = ?";
static const char sql_need_insert[] =
    "INSERT INTO customer_need (customer_id, product) VALUES (?, ?)";

static int
form_page(struct ctx *c, const char *tmpl)
{
	if (choice_load(c) == -1 || owner_choices(c, RT_CUSTOMER) == -1)
		return 500;
	field_form_prepare(c, RT_CUSTOMER, customer_fields,
	    NFIELDS(customer_fields));
	contact_form_prepare(c);
	return http_page(c, tmpl);
}

static int
customer_form_read(struct ctx *c, struct form *f)
{
	return field_form_read(c, RT_CUSTOMER, customer_fields,
	    NFIELDS(customer_fields), f);
}

/*
 * The active custom fields into the page, after the built-in ones; for
 * customer id (0: a new one) with its values read into *v, the options
 * it keeps and, with fill, its values in the form.
 */
static int
custom_load(struct ctx *c, struct cf_set *cf, long long id,
    struct cf_values *v, int fill)
{
	if (choice_load(c) == -1 || cf_load(c, RT_CUSTOMER, cf) == -1 ||
	    (id > 0 && cf_values_load(c, cf, id, v) == -1))
		return -1;
	cf_to_hdf(c, cf, id > 0 ? v : NULL, fill);
	return 0;
}

int
customer_new(struct ctx *c)
{
	struct cf_set	cf;

	if (custom_load(c, &cf, 0, NULL, 0) == -1)
		return 500;
	form_fill(c, "grade", GRADE_DEFAULT);
	ctx_set_int(c, "Form.owner", c->user->id);
	return form_page(c, "customers/new.cs");
}

static int
needs_save(struct ctx *c, long long id, const char *products)
{
	char	*list, *code, *save = NULL;

	if (db_exec(c->db, c->arena, sql_needs_clear, "i", id) < 0)
		return -1;
	if (products == NULL)
		return 0;
	list = arena_strdup(c->arena, products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		if (db_exec(c->db, c->arena, sql_need_insert, "is", id,
		    code) < 0)
			return -1;
	return 0;
}

/*
 * Bind the columns insert and update share, in their order. A field the
 * user may not edit keeps its value in old (or a new record's default).
 */
static void
bind_customer(struct dbq *q, unsigned *i, struct ctx *c, struct form *f,
    const struct customer *old)
{
	const char	*name = form_value(f, "name");
	size_t		 klen;
	const char	*key = sortkey(c->arena, name, &klen);

	db_bind_text(q, (*i)++, name);
	db_bind_blob(q, (*i)++, key, klen);
	db_bind_text(q, (*i)++, form_value(f, "industry"));
	db_bind_text(q, (*i)++, form_value_or(f, "grade", old->grade));
}

static void
bind_details(struct dbq *q, unsigned *i, struct form *f,
    const struct customer *old)
{
	db_bind_text(q, (*i)++, form_value_or(f, "address", old->address));
	db_bind_text(q, (*i)++, form_value_or(f, "purchase_date",
	    old->purchase_date));
	db_bind_text(q, (*i)++, form_value_or(f, "satisfaction",
	    old->satisfaction));
}

int
customer_create(struct ctx *c)
{
	struct form	 f, fc, fx;
	struct cf_set	 cf;
	struct dbq	 q;
	const char	*code;
	long long	 id, owner, team;
	unsigned	 i = 0;
	const struct customer	 blank = { .grade = GRADE_DEFAULT };

	if (!contact_can_add(c))
		return 403;
	if (custom_load(c, &cf, 0, NULL, 0) == -1)
		return 500;
	customer_form_read(c, &f);
	contact_form_read(c, &fc);
	if (cf_form_read(c, &cf, &fx) == -1)
		return 500;
	if (owner_pick(c, RT_CUSTOMER, &f, c->user->id, &owner, &team) == -1 ||
	    f.nerrors + fc.nerrors + fx.nerrors > 0)
		goto invalid;
	if (db_begin(c->db) == -1 || (code = code_next(c->db, c->arena, "CRM",
	    CODE_YEARLY)) == NULL ||
	    db_prepare(&q, c->db, c->arena, sql_customer_insert) == -1)
		return 500;
	db_bind_text(&q, i++, code);
	bind_customer(&q, &i, c, &f, &blank);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	bind_details(&q, &i, &f, &blank);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR ||
	    sealed_write(c->db, c->arena, SEALED_CUSTOMER_BUDGET, id,
	    form_value(&f, "budget")) == -1 ||
	    search_index(c->db, c->arena, id, form_value(&f, "name")) == -1)
		return 500;
	if (contact_insert(c, id, &fc, 1) == -1) {
		db_rollback(c->db);
		if (fc.nerrors)
			goto invalid;
		return 500;
	}
	if (needs_save(c, id, form_value(&f, "products")) == -1 ||
	    audit_log(c, "create", "customer", id, "code", NULL, code) == -1 ||
	    cf_save(c, &cf, id, NULL, &fx) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld", id));
invalid:
	c->status = 422;
	return form_page(c, "customers/new.cs");
}

/*
 * Fill an edit form from a loaded record: each field of fields that cols
 * maps to a member of record, as the user may see it (fieldsec.h). When
 * a posted form comes back with errors, it keeps what the user typed and
 * only the fields the user may not edit are filled (locked_only).
 */
void
fill_form(struct ctx *c, enum rtype rt, const struct field *fields,
    size_t nfields, const struct audited *cols, size_t ncols,
    const void *record, int locked_only)
{
	size_t		 i, j;
	const char	*value;

	for (i = 0; i < ncols; i++)
		for (j = 0; j < nfields; j++) {
			if (strcmp(cols[i].field, fields[j].name) != 0 ||
			    (locked_only && field_access_named(c, rt,
			    fields[j].name) == FA_EDIT))
				continue;
			value = *(const char *const *)((const char *)record +
			    cols[i].off);
			field_form_fill(c, rt, &fields[j], value);
		}
}

static void
fill_from_customer(struct ctx *c, const struct customer *cu)
{
	fill_form(c, RT_CUSTOMER, customer_fields, NFIELDS(customer_fields),
	    customer_columns, NFIELDS(customer_columns), cu, 0);
	ctx_set_int(c, "Form.owner", cu->owner_id);
	ctx_set_int(c, "Form.version", cu->version);
}

/*
 * Options deactivated since this customer chose them stay on its form
 * and are accepted from it.
 */
static int
keep_choices(struct ctx *c, const struct customer *cu)
{
	char	*list, *code, *save = NULL;

	if (choice_load(c) == -1)
		return -1;
	choice_keep(c, "industry", cu->industry);
	choice_keep(c, "grade", cu->grade);
	choice_keep(c, "budget", cu->budget);
	choice_keep(c, "satisfaction", cu->satisfaction);
	list = arena_strdup(c->arena, cu->products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		choice_keep(c, "product", code);
	return 0;
}

int
customer_edit(struct ctx *c)
{
	struct customer	 cu;
	struct cf_set	 cf;
	struct cf_values v;
	int		 rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_EDIT, &cu)) != 0)
		return rc;
	if (keep_choices(c, &cu) == -1 ||
	    custom_load(c, &cf, cu.id, &v, 1) == -1)
		return 500;
	customer_to_hdf(c, &cu);
	fill_from_customer(c, &cu);
	if (field_audit_reads(c, "customer", cu.id) == -1)
		return 500;
	return form_page(c, "customers/edit.cs");
}

/* Audit every field whose value changed. */
static int
audit_customer(struct ctx *c, const struct customer *old, struct form *f,
    long long owner)
{
	if (audit_changes(c, "customer", old->id, customer_columns,
	    NFIELDS(customer_columns), old, f) == -1)
		return -1;
	if (owner != old->owner_id && audit_field(c, "customer", old->id,
	    "owner", arena_printf(c->arena, "%lld", old->owner_id),
	    arena_printf(c->arena, "%lld", owner)) == -1)
		return -1;
	return 0;
}

int
customer_update(struct ctx *c)
{
	struct customer	 cu;
	struct form	 f, fx;
	struct cf_set	 cf;
	struct cf_values v;
	struct dbq	 q;
	long long	 owner, team, version, changed;
	unsigned	 i = 0;
	int		 rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_EDIT, &cu)) != 0)
		return rc;
	if (keep_choices(c, &cu) == -1 ||
	    custom_load(c, &cf, cu.id, &v, 0) == -1)
		return 500;
	customer_to_hdf(c, &cu);
	version = str_to_id(req_form(&c->req, "version"));
	ctx_set_int(c, "Form.version", version);
	customer_form_read(c, &f);
	if (cf_form_read(c, &cf, &fx) == -1)
		return 500;
	if (owner_pick(c, RT_CUSTOMER, &f, cu.owner_id, &owner, &team) == -1 ||
	    f.nerrors + fx.nerrors > 0)
		goto invalid;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_customer_update) == -1)
		return 500;
	bind_customer(&q, &i, c, &f, &cu);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	bind_details(&q, &i, &f, &cu);
	db_bind_int(&q, i++, cu.id);
	db_bind_int(&q, i++, version);
	if ((changed = db_changes(&q)) == -1)
		return 500;
	if (changed != 1) {
		form_conflict(c, "customer.conflict", cu.version);
		goto invalid;
	}
	if (sealed_update(c->db, c->arena, SEALED_CUSTOMER_BUDGET, cu.id,
	    cu.budget, form_value_or(&f, "budget", cu.budget)) == -1 ||
	    search_index(c->db, c->arena, cu.id, form_value(&f, "name")) == -1 ||
	    needs_save(c, cu.id, form_value_or(&f, "products", cu.products)) ==
	    -1 ||
	    audit_customer(c, &cu, &f, owner) == -1 ||
	    cf_save(c, &cf, cu.id, &v, &fx) == -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld",
	    cu.id));
invalid:
	c->status = c->status == 200 ? 422 : c->status;
	fill_form(c, RT_CUSTOMER, customer_fields, NFIELDS(customer_fields),
	    customer_columns, NFIELDS(customer_columns), &cu, 1);
	return form_page(c, "customers/edit.cs");
}

int
customer_delete(struct ctx *c)
{
	struct customer	cu;
	int		rc;

	if ((rc = customer_load(c, RT_CUSTOMER, ACT_DELETE, &cu)) != 0)
		return rc;
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_customer_delete, "i", cu.id) != 1 ||
	    audit_log(c, "delete", "customer", cu.id, NULL, cu.code, NULL) ==
	    -1 || db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, "/customers");
}
