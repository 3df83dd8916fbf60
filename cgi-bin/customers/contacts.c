/*
 * contacts.c - a customer's contacts; exactly one is the key decision
 * maker, whose personal preferences are sealed.
 */
#include <stddef.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "fieldsec.h"
#include "form.h"
#include "http.h"
#include "sealed.h"
#include "customers.h"

static const struct field contact_fields[] = {
	{ "contact_name", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "contact_title", FT_TEXT, 0, 100, NULL, 0, 0 },
	{ "contact_mobile", FT_MOBILE, FIELD_REQUIRED, 20, NULL, 0, 0 },
	{ "contact_email", FT_EMAIL, 0, 254, NULL, 0, 0 },
	{ "contact_key", FT_INT, 0, 0, NULL, 0, 1 },
	{ "contact_preferences", FT_LONGTEXT, 0, 2000, NULL, 0, 0 },
};

void
contact_form_prepare(struct ctx *c)
{
	field_form_prepare(c, RT_CONTACT, contact_fields,
	    NFIELDS(contact_fields));
}

/*
 * A new contact needs its mobile number: a user who may not set one
 * cannot add contacts, nor customers, which come with their key contact.
 */
int
contact_can_add(struct ctx *c)
{
	return field_access_named(c, RT_CONTACT, "contact_mobile") == FA_EDIT;
}

int
contact_form_read(struct ctx *c, struct form *f)
{
	return field_form_read(c, RT_CONTACT, contact_fields,
	    NFIELDS(contact_fields), f);
}

static const char sql_contact_get[] =
    "SELECT id, name, mobile, is_key, title, email, preferences FROM contact"
    " WHERE id = ? AND customer_id = ?";
static const char sql_contact_update[] =
    "UPDATE contact SET name = ?, title = ?, mobile = ?, email = ?"
    " WHERE id = ? AND customer_id = ?";
static const char sql_contact_insert[] =
    "INSERT INTO contact (customer_id, name, title, mobile, email, is_key)"
    " VALUES (?, ?, ?, ?, ?, ?)";
static const char sql_contact_unkey[] =
    "UPDATE contact SET is_key = 0 WHERE customer_id = ? AND is_key = 1";
static const char sql_contact_key[] =
    "UPDATE contact SET is_key = 1 WHERE id = ? AND customer_id = ?";
static const char sql_contact_delete[] =
    "DELETE FROM contact WHERE id = ? AND customer_id = ?";

long long
contact_insert(struct ctx *c, long long customer, struct form *f, int key)
{
	struct dbq	q;
	long long	id;

	if (db_prepare(&q, c->db, c->arena, sql_contact_insert) == -1)
		return -1;
	db_bind_int(&q, 0, customer);
	db_bind_text(&q, 1, form_value(f, "contact_name"));
	db_bind_text(&q, 2, form_value(f, "contact_title"));
	db_bind_text(&q, 3, form_value(f, "contact_mobile"));
	db_bind_text(&q, 4, form_value(f, "contact_email"));
	db_bind_int(&q, 5, key);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR) {
		if (db_last_was_duplicate(c->db))
			form_error(c, f, "contact_mobile", "contact.mobile_taken");
		return -1;
	}
	if (sealed_write(c->db, c->arena, SEALED_CONTACT_PREFERENCES, id,
	    form_value(f, "contact_preferences")) == -1)
		return -1;
	return id;
}

struct contact {
	const char	*name, *mobile, *title, *email, *preferences;
	int		 key;
};

/* The stored value of each field, for the edit form and the audit. */
static const struct audited contact_columns[] = {
	{ "contact_name", offsetof(struct contact, name), 0 },
	{ "contact_title", offsetof(struct contact, title), 0 },
	{ "contact_mobile", offsetof(struct contact, mobile), 0 },
	{ "contact_email", offsetof(struct contact, email), 0 },
	{ "contact_preferences", offsetof(struct contact, preferences), 1 },
};

/*
 * A new contact: its name, and its number as a field of its own, which
 * the history then shows only to those who may see numbers.
 */
static int
audit_contact_added(struct ctx *c, long long customer, struct form *f)
{
	if (audit_log(c, "contact_add", "customer", customer, "contact", NULL,
	    form_value(f, "contact_name")) == -1)
		return -1;
	return audit_field(c, "customer", customer, "contact_mobile", NULL,
	    form_value(f, "contact_mobile"));
}

int
contact_create(struct ctx *c)
{
	struct customer	cu;
	struct form	f;
	long long	id;
	int		rc, key;

	if ((rc = customer_load(c, RT_CONTACT, ACT_CREATE, &cu)) != 0)
		return rc;
	if (!contact_can_add(c))
		return 403;
	if (choice_load(c) == -1)
		return 500;
	if (contact_form_read(c, &f) > 0)
		return detail_invalid(c, &cu);
	key = form_value(&f, "contact_key") != NULL &&
	    strcmp(form_value(&f, "contact_key"), "1") == 0;
	if (db_begin(c->db) == -1 || (key && db_exec(c->db, c->arena,
	    sql_contact_unkey, "i", cu.id) < 0))
		return 500;
	if ((id = contact_insert(c, cu.id, &f, key)) == -1) {
		db_rollback(c->db);
		return f.nerrors ? detail_invalid(c, &cu) : 500;
	}
	if (audit_contact_added(c, cu.id, &f) == -1 || db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}

/* Load contact ids[1] of customer ids[0]. */
static int
contact_load(struct ctx *c, struct contact *k)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_contact_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[1]);
	db_bind_int(&q, 1, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		k->name = db_str(&q, 1);
		k->mobile = db_str(&q, 2);
		k->key = (int)db_int(&q, 3);
		k->title = db_str(&q, 4);
		k->email = db_str(&q, 5);
		k->preferences = sealed_read(c->arena,
		    SEALED_CONTACT_PREFERENCES, c->ids[1], &q, 6);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	return found ? 0 : 404;
}

/* Customer ids[0] and its contact ids[1], if the user may do act on them. */
static int
contact_of_customer(struct ctx *c, enum action act, struct customer *cu,
    struct contact *k)
{
	int	rc;

	if ((rc = customer_load(c, RT_CONTACT, act, cu)) != 0)
		return rc;
	return contact_load(c, k);
}

int
contact_edit(struct ctx *c)
{
	struct customer	cu;
	struct contact	k;
	int		rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	ctx_set_int(c, "Contact.id", c->ids[1]);
	fill_form(c, RT_CONTACT, contact_fields, NFIELDS(contact_fields),
	    contact_columns, NFIELDS(contact_columns), &k, 0);
	contact_form_prepare(c);
	if (field_audit_reads(c, "customer", cu.id) == -1)
		return 500;
	return http_page(c, "customers/contact_edit.cs");
}

/* Audit each changed contact field as contact.<field> of the customer. */
static int
audit_contact(struct ctx *c, long long customer, const struct contact *k,
    struct form *f)
{
	return audit_changes(c, "customer", customer, contact_columns,
	    NFIELDS(contact_columns), k, f);
}

int
contact_update(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	struct form	 f;
	struct dbq	 q;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	customer_to_hdf(c, &cu);
	ctx_set_int(c, "Contact.id", c->ids[1]);
	if (contact_form_read(c, &f) != 0)
		goto invalid;
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_contact_update) == -1)
		return 500;
	db_bind_text(&q, 0, form_value(&f, "contact_name"));
	db_bind_text(&q, 1, form_value_or(&f, "contact_title", k.title));
	db_bind_text(&q, 2, form_value_or(&f, "contact_mobile", k.mobile));
	db_bind_text(&q, 3, form_value_or(&f, "contact_email", k.email));
	db_bind_int(&q, 4, c->ids[1]);
	db_bind_int(&q, 5, cu.id);
	db_step(&q);
	if (db_finish(&q) == DB_ERROR) {
		db_rollback(c->db);
		if (!db_last_was_duplicate(c->db))
			return 500;
		form_error(c, &f, "contact_mobile", "contact.mobile_taken");
		goto invalid;
	}
	if (sealed_update(c->db, c->arena, SEALED_CONTACT_PREFERENCES,
	    c->ids[1], k.preferences, form_value_or(&f, "contact_preferences",
	    k.preferences)) == -1 || audit_contact(c, cu.id, &k, &f) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
invalid:
	c->status = 422;
	fill_form(c, RT_CONTACT, contact_fields, NFIELDS(contact_fields),
	    contact_columns, NFIELDS(contact_columns), &k, 1);
	contact_form_prepare(c);
	return http_page(c, "customers/contact_edit.cs");
}

int
contact_delete(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_DELETE, &cu, &k)) != 0)
		return rc;
	if (k.key) {
		/* The key decision maker is required: name another first. */
		if (choice_load(c) == -1)
			return 500;
		ctx_set(c, "Error", ctx_msg(c, "contact.key_required"));
		return detail_invalid(c, &cu);
	}
	if (db_begin(c->db) == -1 || db_exec(c->db, c->arena,
	    sql_contact_delete, "ii", c->ids[1], cu.id) != 1 ||
	    audit_log(c, "contact_delete", "customer", cu.id, "contact",
	    k.name, NULL) == -1 || audit_field(c, "customer", cu.id,
	    "contact_mobile", k.mobile, NULL) == -1 || db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}

int
contact_make_key(struct ctx *c)
{
	struct customer	 cu;
	struct contact	 k;
	int		 rc;

	if ((rc = contact_of_customer(c, ACT_EDIT, &cu, &k)) != 0)
		return rc;
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_contact_unkey, "i", cu.id) < 0 ||
	    db_exec(c->db, c->arena, sql_contact_key, "ii", c->ids[1],
	    cu.id) != 1 ||
	    audit_log(c, "contact_key", "customer", cu.id, "key_contact", NULL,
	    k.name) == -1 || db_commit(c->db) == -1)
		return 500;
	return back_to(c, cu.id, "contacts");
}
