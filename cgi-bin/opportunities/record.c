/*
 * record.c - one opportunity as loaded for a check or a page, and what
 * each stage means to the pipeline.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "money.h"
#include "stagerule.h"
#include "opportunities.h"

static const char sql_opp_get[] =
    "SELECT o.id, o.code, o.name, o.customer_id, c.code, c.name,"
    " o.owner_id, COALESCE(o.team_id, 0), u.name, o.amount,"
    " o.expected_close, o.lead_source, o.lead_date, o.stage,"
    " DATE_FORMAT(o.stage_entered_at, '%Y-%m-%d %H:%i'),"
    " DATEDIFF(CURDATE(), o.stage_entered_at), o.probability,"
    " COALESCE(o.probability_confirmed_by, 0), p.name,"
    " DATE_FORMAT(o.probability_confirmed_at, '%Y-%m-%d %H:%i'),"
    " o.competitors, o.advantages, o.risks, o.close_reason, o.version,"
    " DATE_FORMAT(o.created_at, '%Y-%m-%d %H:%i'),"
    " COALESCE(s.outcome, 'open'), " STALE_SQL("o")
    " FROM opportunity o JOIN customer c ON c.id = o.customer_id"
    " JOIN app_user u ON u.id = o.owner_id"
    " LEFT JOIN app_user p ON p.id = o.probability_confirmed_by"
    " LEFT JOIN opportunity_stage s ON s.code = o.stage" STALE_JOIN("o")
    " WHERE o.id = ? AND o.deleted_at IS NULL";
static const char sql_contract_of[] =
    "SELECT id, code FROM contract WHERE opportunity_id = ?";
/* A handful of rows, read whole by its primary key. */
static const char sql_stages[] =
    "SELECT code, probability, outcome FROM opportunity_stage";

/* Load opportunity ids[0] if the user may do act on it; else 404. */
int
opp_load(struct ctx *c, enum action act, struct opportunity *o)
{
	struct dbq	q;
	int		found = 0;

	memset(o, 0, sizeof(*o));
	if (db_prepare(&q, c->db, c->arena, sql_opp_get) == -1)
		return 500;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		o->id = db_int(&q, 0);
		o->code = db_str(&q, 1);
		o->name = db_str(&q, 2);
		o->customer_id = db_int(&q, 3);
		o->customer_code = db_str(&q, 4);
		o->customer_name = db_str(&q, 5);
		o->owner_id = db_int(&q, 6);
		o->team_id = db_int(&q, 7);
		o->owner_name = db_str(&q, 8);
		o->amount = db_str(&q, 9);
		o->expected_close = db_str(&q, 10);
		o->lead_source = db_str(&q, 11);
		o->lead_date = db_str(&q, 12);
		o->stage = db_str(&q, 13);
		o->stage_entered = db_str(&q, 14);
		o->days_in_stage = db_str(&q, 15);
		o->probability = db_str(&q, 16);
		o->confirmed_by = db_int(&q, 17);
		o->confirmer = db_str(&q, 18);
		o->confirmed_at = db_str(&q, 19);
		o->competitors = db_str(&q, 20);
		o->advantages = db_str(&q, 21);
		o->risks = db_str(&q, 22);
		o->close_reason = db_str(&q, 23);
		o->version = db_int(&q, 24);
		o->created = db_str(&q, 25);
		o->outcome = db_str(&q, 26);
		o->stale = (int)db_int(&q, 27);
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	if (!found || !perm_allows(c, RT_OPPORTUNITY, act, o->owner_id,
	    o->team_id))
		return 404;
	return 0;
}

void
opp_to_hdf(struct ctx *c, const struct opportunity *o)
{
	HDF	*n = ctx_node(c, "Opp");

	node_set_int(n, "id", o->id);
	node_set(n, "code", o->code);
	node_set(n, "name", o->name);
	node_set_int(n, "customer_id", o->customer_id);
	node_set(n, "customer_code", o->customer_code);
	node_set(n, "customer", o->customer_name);
	node_set(n, "owner", o->owner_name);
	node_set(n, "amount", money_format(c->arena, money_cents(o->amount)));
	node_set(n, "expected_close", o->expected_close);
	node_set(n, "lead_source", choice_label(c, "lead_source",
	    o->lead_source));
	node_set(n, "lead_date", o->lead_date);
	node_set(n, "stage_code", o->stage);
	node_set(n, "stage", choice_label(c, "opp_stage", o->stage));
	node_set(n, "stage_entered", o->stage_entered);
	node_set(n, "days_in_stage", o->days_in_stage);
	node_set(n, "probability", o->probability);
	if (o->confirmed_by != 0) {
		node_set(n, "confirmer", o->confirmer);
		node_set(n, "confirmed_at", o->confirmed_at);
	}
	node_set(n, "competitors", o->competitors);
	node_set(n, "advantages", o->advantages);
	node_set(n, "risks", o->risks);
	if (*o->close_reason != '\0')
		node_set(n, "close_reason", choice_label(c, "close_reason",
		    o->close_reason));
	node_set(n, "outcome", o->outcome);
	node_set_int(n, "stale", o->stale);
	node_set(n, "created", o->created);
	node_set_int(n, "version", o->version);
}

int
opp_contract_to_hdf(struct ctx *c, const struct opportunity *o)
{
	struct dbq	q;
	int		view = perm_allows(c, RT_CONTRACT, ACT_VIEW, o->owner_id,
	    o->team_id);

	ctx_set_int(c, "Can.contract", perm_allows(c, RT_CONTRACT, ACT_CREATE,
	    o->owner_id, o->team_id));
	if (!view)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_contract_of) == -1)
		return -1;
	db_bind_int(&q, 0, o->id);
	if (db_step(&q) == DB_ROW) {
		ctx_set(c, "Contract.id", db_text(&q, 0));
		ctx_set(c, "Contract.code", db_text(&q, 1));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* Every stage's settings as StageInfo.<code>.{probability,outcome}. */
static int
stages_load(struct ctx *c)
{
	struct dbq	 q;
	HDF		*info, *row;
	const char	*code;

	if (hdf_get_obj(c->hdf, "StageInfo") != NULL)
		return 0;
	info = ctx_node(c, "StageInfo");
	if (db_prepare(&q, c->db, c->arena, sql_stages) == -1)
		return -1;
	while (db_step(&q) == DB_ROW) {
		if (!choice_code_ok(code = db_str(&q, 0)))
			continue;
		row = node_get(info, code);
		node_set(row, "probability", db_text(&q, 1));
		node_set(row, "outcome", db_text(&q, 2));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
stage_get(struct ctx *c, const char *code, struct stage *st)
{
	HDF	*row;

	st->outcome = "open";
	st->probability = -1;
	if (stages_load(c) == -1)
		return -1;
	if (code == NULL || !choice_code_ok(code) ||
	    (row = hdf_get_obj(c->hdf, "StageInfo")) == NULL ||
	    (row = hdf_get_obj(row, code)) == NULL)
		return 0;
	st->outcome = hdf_get_value(row, "outcome", "open");
	st->probability = atoi(hdf_get_value(row, "probability", "-1"));
	return 0;
}

int
stage_closed(const struct stage *st)
{
	return strcmp(st->outcome, "open") != 0;
}

int
open_stages(struct ctx *c)
{
	HDF		*o;
	struct stage	 st;
	const char	*code;
	int		 n = 0;

	for (o = hdf_get_child(c->hdf, "ChoiceList.opp_stage"); o != NULL;
	    o = hdf_obj_next(o)) {
		code = hdf_get_value(o, "code", NULL);
		if (stage_get(c, code, &st) == -1)
			return -1;
		/* For a move's form: a closed stage wants a close reason. */
		if (stage_closed(&st)) {
			node_set_int(o, "closes", 1);
			continue;
		}
		choice_option(c, "opp_open_stage", n++, code,
		    hdf_get_value(o, "label", code));
	}
	return n;
}

enum scope
list_scope(struct ctx *c, enum action act)
{
	enum scope	s = perm_scope(c, RT_OPPORTUNITY, act);

	/* Team scope without a team is the user's own records. */
	if (s == SCOPE_TEAM && c->user->team_id == 0)
		s = SCOPE_OWN;
	return s;
}
