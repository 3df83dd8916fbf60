/*
 * edit.c - creating and editing an opportunity; every change is audited
 * in the transaction that makes it. A change of the expected amount by
 * more than AMOUNT_NOTE_PCT percent needs a note, which the audit keeps.
 */
#include <stddef.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "code.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "owner.h"
#include "report_sum.h"
#include "str.h"
#include "opportunities.h"

/* The fields of both forms, first in each. */
#define OPP_FIELDS							\
	{ "name", FT_TEXT, FIELD_REQUIRED, 200, NULL, 0, 0 },		\
	{ "amount", FT_MONEY, FIELD_REQUIRED, 20, NULL, 0, 0 },		\
	{ "expected_close", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },	\
	{ "lead_source", FT_CHOICE, FIELD_REQUIRED, 0, "lead_source", 0, 0 }, \
	{ "lead_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },	\
	{ "competitors", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },		\
	{ "advantages", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },		\
	{ "risks", FT_LONGTEXT, 0, 2000, NULL, 0, 0 }

/* What the statements write of a form, in their order. */
static const struct field opp_fields[] = { OPP_FIELDS };

/* A new one names its customer by code and starts in an open stage. */
static const struct field create_fields[] = {
	OPP_FIELDS,
	{ "customer", FT_TEXT, FIELD_REQUIRED, 20, NULL, 0, 0 },
	{ "stage", FT_CHOICE, FIELD_REQUIRED, 0, "opp_open_stage", 0, 0 },
};

/* The stage changes by stage.c only, so that its history is complete. */
static const struct field edit_fields[] = {
	OPP_FIELDS,
	{ "probability", FT_INT, FIELD_REQUIRED, 3, NULL, 0, 100 },
	{ "amount_note", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },
};

static const char sql_customer_by_code[] =
    "SELECT id, owner_id, COALESCE(team_id, 0), name FROM customer"
    " WHERE code = ? AND deleted_at IS NULL";
static const char sql_customer_by_id[] =
    "SELECT code, owner_id, COALESCE(team_id, 0), name FROM customer"
    " WHERE id = ? AND deleted_at IS NULL";
static const char sql_opp_insert[] =
    "INSERT INTO opportunity (code, customer_id, owner_id, team_id, name,"
    " amount, expected_close, lead_source, lead_date, competitors,"
    " advantages, risks, stage, stage_entered_at, probability, created_by)"
    " VALUES (?, ?, ?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?, ?, ?, ?, NOW(), ?, ?)";
/* A changed probability is no longer the one a director confirmed. */
static const char sql_opp_update[] =
    "UPDATE opportunity SET"
    " probability_confirmed_by ="
    "  IF(probability = ?, probability_confirmed_by, NULL),"
    " probability_confirmed_at ="
    "  IF(probability = ?, probability_confirmed_at, NULL),"
    " name = ?, amount = ?, expected_close = ?, lead_source = ?,"
    " lead_date = ?, competitors = ?, advantages = ?, risks = ?,"
    " probability = ?, owner_id = ?, team_id = NULLIF(?, 0),"
    " version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND version = ? AND deleted_at IS NULL";

/*
 * The opportunity's contract and its instalments carry its owner and team
 * (sql/015_contracts.sql): they follow a reassignment, so that the new
 * owner sees the contract and its overdue instalments and the old one no
 * longer does.
 */
static const char sql_contract_of[] =
    "SELECT id FROM contract WHERE opportunity_id = ?";
static const char sql_contract_set_owner[] =
    "UPDATE contract SET owner_id = ?, team_id = NULLIF(?, 0),"
    " version = version + 1, updated_at = NOW() WHERE id = ?";
static const char sql_instalments_set_owner[] =
    "UPDATE contract_instalment SET owner_id = ?, team_id = NULLIF(?, 0)"
    " WHERE contract_id = ?";

/* Bind the fields both statements write, in OPP_FIELDS order. */
static void
bind_fields(struct dbq *q, unsigned *i, struct form *f)
{
	size_t	n;

	for (n = 0; n < NFIELDS(opp_fields); n++)
		db_bind_text(q, (*i)++, form_value(f, opp_fields[n].name));
}

static int
form_page(struct ctx *c, const char *tmpl)
{
	if (choice_load(c) == -1 || owner_choices(c, RT_OPPORTUNITY) == -1 ||
	    open_stages(c) == -1)
		return 500;
	return http_page(c, tmpl);
}

/*
 * Whether the user may see the customer sql finds by key (its code or
 * id): 1 with its first column (its id or code) in *first and its name
 * on the page, 0 if not, -1 on error.
 */
static int
customer_find(struct ctx *c, const char *sql, const char *key,
    const char **first)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql) == -1)
		return -1;
	db_bind_text(&q, 0, key);
	if (db_step(&q) == DB_ROW && perm_allows(c, RT_CUSTOMER, ACT_VIEW,
	    db_int(&q, 1), db_int(&q, 2))) {
		found = 1;
		*first = db_str(&q, 0);
		ctx_set(c, "Customer.name", db_str(&q, 3));
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	return found;
}

int
opp_new(struct ctx *c)
{
	const char	*id = req_query(&c->req, "customer"), *code;
	int		 found;

	if (str_to_id(id) > 0) {
		if ((found = customer_find(c, sql_customer_by_id, id,
		    &code)) == -1)
			return 500;
		if (found) {
			form_fill(c, "customer", code);
			ctx_set(c, "Customer.id", id);
		}
	}
	ctx_set_int(c, "Form.owner", c->user->id);
	return form_page(c, "opportunities/new.cs");
}

int
opp_create(struct ctx *c)
{
	struct form	 f;
	struct dbq	 q;
	struct stage	 st;
	const char	*code, *cid = NULL;
	long long	 id, owner, team, customer = 0;
	unsigned	 i = 0;

	if (choice_load(c) == -1 || open_stages(c) == -1)
		return 500;
	form_read(c, create_fields, NFIELDS(create_fields), &f);
	if (owner_pick(c, RT_OPPORTUNITY, &f, c->user->id, &owner, &team) ==
	    -1 || f.nerrors > 0)
		goto invalid;
	if (customer_find(c, sql_customer_by_code, form_value(&f, "customer"),
	    &cid) == -1 || stage_get(c, form_value(&f, "stage"), &st) == -1)
		return 500;
	if ((customer = str_to_id(cid)) <= 0) {
		form_error(c, &f, "customer", "opp.customer_unknown");
		goto invalid;
	}
	if (db_begin(c->db) == -1 ||
	    (code = code_next(c->db, c->arena, "SO", CODE_MONTHLY)) == NULL ||
	    db_prepare(&q, c->db, c->arena, sql_opp_insert) == -1)
		return 500;
	db_bind_text(&q, i++, code);
	db_bind_int(&q, i++, customer);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	bind_fields(&q, &i, &f);
	db_bind_text(&q, i++, form_value(&f, "stage"));
	/* A stage without settings starts the probability at 0. */
	db_bind_int(&q, i++, st.probability < 0 ? 0 : st.probability);
	db_bind_int(&q, i++, c->user->id);
	db_step(&q);
	id = db_insert_id(&q);
	if (db_finish(&q) == DB_ERROR ||
	    stage_enter(c, id, NULL, form_value(&f, "stage"), NULL) == -1 ||
	    audit_log(c, "create", "opportunity", id, "code", NULL, code) ==
	    -1 || report_sum_update(c->db, c->arena, id) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/opportunities/%lld",
	    id));
invalid:
	c->status = 422;
	return form_page(c, "opportunities/new.cs");
}

static void
fill_from(struct ctx *c, const struct opportunity *o)
{
	form_fill(c, "name", o->name);
	form_fill(c, "amount", o->amount);
	form_fill(c, "expected_close", o->expected_close);
	form_fill(c, "lead_source", o->lead_source);
	form_fill(c, "lead_date", o->lead_date);
	form_fill(c, "probability", o->probability);
	form_fill(c, "competitors", o->competitors);
	form_fill(c, "advantages", o->advantages);
	form_fill(c, "risks", o->risks);
	ctx_set_int(c, "Form.owner", o->owner_id);
	ctx_set_int(c, "Form.version", o->version);
}

/* The page of an opportunity being edited, its own values shown. */
static int
edit_setup(struct ctx *c, struct opportunity *o)
{
	int	rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_EDIT, o)) != 0)
		return rc;
	/* An option deactivated since it was chosen stays on its form. */
	choice_keep(c, "lead_source", o->lead_source);
	opp_to_hdf(c, o);
	return 0;
}

int
opp_edit(struct ctx *c)
{
	struct opportunity	o;
	int			rc;

	if ((rc = edit_setup(c, &o)) != 0)
		return rc;
	fill_from(c, &o);
	return form_page(c, "opportunities/edit.cs");
}

/* The note a big change of the amount needs. */
static void
amount_rule(struct ctx *c, struct form *f, const struct opportunity *o)
{
	const char	*amount = form_value(f, "amount");

	if (amount == NULL || form_value(f, "amount_note") != NULL)
		return;
	if (money_change_over(money_cents(o->amount), money_cents(amount),
	    AMOUNT_NOTE_PCT))
		form_error(c, f, "amount_note", "opp.amount_note_required");
}

static int
audit_update(struct ctx *c, const struct opportunity *o, struct form *f,
    long long owner)
{
	static const struct audited cols[] = {
		{ "name", offsetof(struct opportunity, name), 0 },
		{ "amount", offsetof(struct opportunity, amount), 0 },
		{ "expected_close", offsetof(struct opportunity,
		    expected_close), 0 },
		{ "lead_source", offsetof(struct opportunity, lead_source), 0 },
		{ "lead_date", offsetof(struct opportunity, lead_date), 0 },
		{ "probability", offsetof(struct opportunity, probability), 0 },
		{ "competitors", offsetof(struct opportunity, competitors), 0 },
		{ "advantages", offsetof(struct opportunity, advantages), 0 },
		{ "risks", offsetof(struct opportunity, risks), 0 },
	};
	const char	*note = form_value(f, "amount_note");

	if (audit_changes(c, "opportunity", o->id, cols, NFIELDS(cols), o,
	    f) == -1)
		return -1;
	if (owner != o->owner_id && audit_field(c, "opportunity", o->id,
	    "owner", arena_printf(c->arena, "%lld", o->owner_id),
	    arena_printf(c->arena, "%lld", owner)) == -1)
		return -1;
	if (note != NULL && audit_log(c, "update", "opportunity", o->id,
	    "amount_note", NULL, note) == -1)
		return -1;
	return 0;
}

/* Within the update's transaction: the contract follows its owner. */
static int
contract_follow(struct ctx *c, const struct opportunity *o, long long owner,
    long long team)
{
	long long	k;

	if (owner == o->owner_id && team == o->team_id)
		return 0;
	if ((k = db_int_query(c->db, c->arena, sql_contract_of, 0, "i",
	    o->id)) <= 0)
		return k;
	if (db_exec(c->db, c->arena, sql_contract_set_owner, "iii", owner,
	    team, k) != 1 || db_exec(c->db, c->arena,
	    sql_instalments_set_owner, "iii", owner, team, k) == -1)
		return -1;
	return owner == o->owner_id ? 0 : audit_field(c, "contract", k,
	    "owner", arena_printf(c->arena, "%lld", o->owner_id),
	    arena_printf(c->arena, "%lld", owner));
}

int
opp_update(struct ctx *c)
{
	struct opportunity	 o;
	struct form		 f;
	struct dbq		 q;
	const char		*probability;
	long long		 owner, team, version, changed;
	unsigned		 i = 0;
	int			 rc;

	if ((rc = edit_setup(c, &o)) != 0)
		return rc;
	version = str_to_id(req_form(&c->req, "version"));
	ctx_set_int(c, "Form.version", version);
	form_read(c, edit_fields, NFIELDS(edit_fields), &f);
	amount_rule(c, &f, &o);
	if (owner_pick(c, RT_OPPORTUNITY, &f, o.owner_id, &owner, &team) ==
	    -1 || f.nerrors > 0)
		goto invalid;
	probability = form_value(&f, "probability");
	if (db_begin(c->db) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_opp_update) == -1)
		return 500;
	db_bind_text(&q, i++, probability);
	db_bind_text(&q, i++, probability);
	bind_fields(&q, &i, &f);
	db_bind_text(&q, i++, probability);
	db_bind_int(&q, i++, owner);
	db_bind_int(&q, i++, team);
	db_bind_int(&q, i++, o.id);
	db_bind_int(&q, i++, version);
	if ((changed = db_changes(&q)) == -1)
		return 500;
	if (changed != 1) {
		form_conflict(c, "opp.conflict", o.version);
		goto invalid;
	}
	if (audit_update(c, &o, &f, owner) == -1 ||
	    contract_follow(c, &o, owner, team) == -1 ||
	    report_sum_update(c->db, c->arena, o.id) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/opportunities/%lld",
	    o.id));
invalid:
	c->status = c->status == 200 ? 422 : c->status;
	return form_page(c, "opportunities/edit.cs");
}
