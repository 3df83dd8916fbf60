/*
 * detail.c - a customer's page: the profile with its contacts,
 * follow-ups, orders and history, and the sub-forms on it.
 */
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "custom_field.h"
#include "db.h"
#include "fieldsec.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "rows.h"
#include "sealed.h"
#include "str.h"
#include "customers.h"

static const char sql_contacts[] =
    "SELECT id, name, title, mobile, email, is_key, preferences FROM contact"
    " WHERE customer_id = ? ORDER BY is_key DESC, id LIMIT 200";
static const char sql_followups[] =
    "SELECT f.id, DATE_FORMAT(f.at, '%Y-%m-%d %H:%i'), f.method, f.content,"
    " f.next_action, f.due_date, f.done, u.name"
    " FROM followup f JOIN app_user u ON u.id = f.author_id"
    " WHERE f.customer_id = ? ORDER BY f.at DESC, f.id DESC LIMIT 50";
static const char sql_orders[] =
    "SELECT id, order_date, amount, margin, note FROM customer_order"
    " WHERE customer_id = ? ORDER BY order_date DESC, id DESC LIMIT 50";
/* The customer's opportunities the user may see (opportunity scope). */
static const char sql_opportunities[] =
    "SELECT o.id, o.code, o.name, o.stage, o.amount, o.expected_close,"
    " o.probability FROM opportunity o"
    " WHERE o.customer_id = ? AND o.deleted_at IS NULL"
    " AND (? = 3 OR (? = 2 AND o.team_id = ?) OR (? = 1 AND o.owner_id = ?))"
    " ORDER BY o.expected_close DESC, o.id DESC LIMIT 50";

/* The products a customer needs, as labels. */
static void
products_to_hdf(struct ctx *c, const char *products)
{
	char	*list, *code, *save = NULL;
	int	 n = 0;

	products = field_show_named(c, RT_CUSTOMER, "products", products);
	list = arena_strdup(c->arena, products == NULL ? "" : products);
	for (code = strtok_r(list, ",", &save); code != NULL;
	    code = strtok_r(NULL, ",", &save))
		ctx_set(c, arena_printf(c->arena, "Customer.products.%d",
		    n++), choice_label(c, "product", code));
}

/* The sealed column of a row query whose column 0 is the row's id. */
struct row_sealed {
	unsigned		 col;
	enum sealed_column	 what;
	enum rtype		 rtype;	/* of its restricted field */
	const char		*field;
};

/*
 * A contact row's cell, opening the sealed column only if the user may
 * see its field: a hidden value is never decrypted, so its plaintext
 * never reaches the worker's memory. Column 0 is the row's id.
 */
static const char *
sealed_cell(struct ctx *c, const struct dbq *q, unsigned col,
    const void *arg)
{
	const struct row_sealed	*s = arg;

	if (col != s->col)
		return db_text(q, col);
	if (field_access_named(c, s->rtype, s->field) == FA_HIDDEN)
		return NULL;
	return sealed_read(c->arena, s->what, db_int(q, 0), q, col);
}

/* Replace choice codes in prefix.N.field by their labels. */
static void
label_rows(struct ctx *c, const char *prefix, const char *field,
    const char *list)
{
	HDF		*row;
	const char	*code;

	for (row = hdf_get_child(c->hdf, prefix); row != NULL;
	    row = hdf_obj_next(row)) {
		code = hdf_get_value(row, field, NULL);
		if (code != NULL)
			hdf_set_value(row, field, choice_label(c, list, code));
	}
}

/* A restricted field shown in a column of rows. */
struct row_field {
	const char	*col;
	enum rtype	 rtype;
	const char	*field;
};

static const struct row_field contact_restricted[] = {
	{ "title", RT_CONTACT, "contact_title" },
	{ "mobile", RT_CONTACT, "contact_mobile" },
	{ "email", RT_CONTACT, "contact_email" },
	{ "preferences", RT_CONTACT, "contact_preferences" },
};

/* Show each restricted column of prefix.N as the user may see it. */
static void
secure_rows(struct ctx *c, const char *prefix, const struct row_field *rf,
    size_t n)
{
	HDF		*row;
	size_t		 i;
	const char	*v;

	for (row = hdf_get_child(c->hdf, prefix); row != NULL;
	    row = hdf_obj_next(row))
		for (i = 0; i < n; i++) {
			v = field_show_named(c, rf[i].rtype, rf[i].field,
			    hdf_get_value(row, rf[i].col, NULL));
			node_set(row, rf[i].col, v);
		}
}

/*
 * The history keeps the changes of every field; a user sees those of
 * the fields they may see, masked as the fields are. Custom fields are
 * found in cf, the active ones.
 */
static void
secure_history(struct ctx *c, const struct cf_set *cf)
{
	HDF			*rows = ctx_node(c, "History"), *row, *next;
	const struct field_def	*d;
	const struct custom_field *f;
	const char		*field;
	enum faccess		 a;

	for (row = hdf_obj_child(rows); row != NULL; row = next) {
		next = hdf_obj_next(row);
		field = hdf_get_value(row, "field", NULL);
		if (field != NULL && str_prefix(field, "cf_")) {
			/* An inactive field is out of sight, history too. */
			if ((f = cf_find(cf, field + 3)) == NULL) {
				hdf_remove_tree(rows, hdf_obj_name(row));
				continue;
			}
			d = &f->def;
		} else if ((d = field_def_find(RT_CUSTOMER, field)) == NULL &&
		    (d = field_def_find(RT_CONTACT, field)) == NULL)
			continue;
		if ((a = field_access(c, d)) == FA_HIDDEN)
			hdf_remove_tree(rows, hdf_obj_name(row));
		else if (a == FA_MASKED) {
			node_set(row, "old", field_show(c, d,
			    hdf_get_value(row, "old", NULL)));
			node_set(row, "new", field_show(c, d,
			    hdf_get_value(row, "new", NULL)));
		}
	}
}

static const char *const contact_cols[] = {
	"id", "name", "title", "mobile", "email", "is_key", "preferences"
};

static const struct row_sealed contact_sealed = {
	6, SEALED_CONTACT_PREFERENCES, RT_CONTACT, "contact_preferences"
};

static const char *const followup_cols[] = {
	"id", "at", "method", "content", "action", "due", "done", "author"
};

static const char *const order_cols[] = {
	"id", "date", "amount", "margin", "note"
};

static int
opportunities_to_hdf(struct ctx *c, long long id)
{
	struct dbq	 q;
	enum scope	 s = perm_scope(c, RT_OPPORTUNITY, ACT_VIEW);
	HDF		*rows = ctx_node(c, "Opportunities"), *row;
	int		 n = 0;

	if (s == SCOPE_NONE)
		return 0;
	if (s == SCOPE_TEAM && c->user->team_id == 0)
		s = SCOPE_OWN;
	ctx_set_int(c, "Can.opportunity_view", 1);
	ctx_set_int(c, "Can.opportunity_create", perm_scope(c,
	    RT_OPPORTUNITY, ACT_CREATE) != SCOPE_NONE);
	if (db_prepare(&q, c->db, c->arena, sql_opportunities) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	db_bind_int(&q, 1, s);
	db_bind_int(&q, 2, s);
	db_bind_int(&q, 3, c->user->team_id);
	db_bind_int(&q, 4, s);
	db_bind_int(&q, 5, c->user->id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "code", db_text(&q, 1));
		node_set(row, "name", db_text(&q, 2));
		node_set(row, "stage", choice_label(c, "opp_stage",
		    db_text(&q, 3)));
		node_set(row, "amount", money_format(c->arena,
		    money_cents(db_str(&q, 4))));
		node_set(row, "close", db_text(&q, 5));
		node_set(row, "probability", db_text(&q, 6));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* The active custom fields (into *cf) the user may see, with values. */
static int
custom_to_hdf(struct ctx *c, struct cf_set *cf, long long id)
{
	struct cf_values v;

	if (choice_load(c) == -1 || cf_load(c, RT_CUSTOMER, cf) == -1 ||
	    cf_values_load(c, cf, id, &v) == -1)
		return -1;
	cf_to_hdf(c, cf, &v, 0);
	return 0;
}

/* Everything the detail page shows; forms keep what Form.* holds. */
static int
detail_render(struct ctx *c, const struct customer *cu)
{
	long long	owner = cu->owner_id, team = cu->team_id;
	struct cf_set	cf;

	customer_to_hdf(c, cu);
	products_to_hdf(c, cu->products);
	if (custom_to_hdf(c, &cf, cu->id) == -1)
		return 500;
	if (perm_allows(c, RT_CONTACT, ACT_VIEW, owner, team)) {
		if (rows_to_hdf(c, sql_contacts, cu->id, "Contacts",
		    contact_cols, NFIELDS(contact_cols), sealed_cell,
		    &contact_sealed) == -1)
			return 500;
		secure_rows(c, "Contacts", contact_restricted,
		    NFIELDS(contact_restricted));
	}
	if (perm_allows(c, RT_FOLLOWUP, ACT_VIEW, owner, team)) {
		if (rows_to_hdf(c, sql_followups, cu->id, "Followups",
		    followup_cols, NFIELDS(followup_cols), NULL, NULL) == -1)
			return 500;
		label_rows(c, "Followups", "method", "followup_method");
		label_rows(c, "Followups", "action", "next_action");
	}
	if (perm_allows(c, RT_ORDER, ACT_VIEW, owner, team) &&
	    rows_to_hdf(c, sql_orders, cu->id, "Orders", order_cols,
	    NFIELDS(order_cols), NULL, NULL) == -1)
		return 500;
	if (audit_history(c, "customer", cu->id) == -1 ||
	    opportunities_to_hdf(c, cu->id) == -1)
		return 500;
	secure_history(c, &cf);
	ctx_set_int(c, "Can.edit", perm_allows(c, RT_CUSTOMER, ACT_EDIT,
	    owner, team));
	ctx_set_int(c, "Can.delete", perm_allows(c, RT_CUSTOMER, ACT_DELETE,
	    owner, team));
	ctx_set_int(c, "Can.contact_create", perm_allows(c, RT_CONTACT,
	    ACT_CREATE, owner, team) && contact_can_add(c));
	contact_form_prepare(c);
	ctx_set_int(c, "Can.contact_edit", perm_allows(c, RT_CONTACT,
	    ACT_EDIT, owner, team));
	ctx_set_int(c, "Can.contact_delete", perm_allows(c, RT_CONTACT,
	    ACT_DELETE, owner, team));
	ctx_set_int(c, "Can.followup_create", perm_allows(c, RT_FOLLOWUP,
	    ACT_CREATE, owner, team));
	ctx_set_int(c, "Can.followup_edit", perm_allows(c, RT_FOLLOWUP,
	    ACT_EDIT, owner, team));
	ctx_set_int(c, "Can.order_create", perm_allows(c, RT_ORDER,
	    ACT_CREATE, owner, team));
	if (hdf_get_obj(c->hdf, "Form.fu_at") == NULL) {
		time_t		now = time(NULL);
		struct tm	tm;
		char		stamp[32];

		localtime_r(&now, &tm);
		strftime(stamp, sizeof(stamp), "%Y-%m-%dT%H:%M", &tm);
		form_fill(c, "fu_at", stamp);
	}
	if (field_audit_reads(c, "customer", cu->id) == -1)
		return 500;
	return http_page(c, "customers/detail.cs");
}

int
customer_detail(struct ctx *c)
{
	struct customer	cu;
	int		rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = customer_load(c, RT_CUSTOMER, ACT_VIEW, &cu)) != 0)
		return rc;
	return detail_render(c, &cu);
}

/* Re-show the detail page with a sub-form's errors beside its fields. */
int
detail_invalid(struct ctx *c, const struct customer *cu)
{
	c->status = 422;
	return detail_render(c, cu);
}

int
back_to(struct ctx *c, long long id, const char *anchor)
{
	return http_redirect(c, arena_printf(c->arena, "/customers/%lld#%s",
	    id, anchor));
}
