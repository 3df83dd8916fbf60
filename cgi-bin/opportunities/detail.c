/*
 * detail.c - an opportunity's page: its fields, the timeline of its
 * stages, its quotes, its audit history, and the forms that change its
 * stage and confirm its win probability.
 */
#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "opportunities.h"

static const char sql_timeline[] =
    "SELECT DATE_FORMAT(h.at, '%Y-%m-%d %H:%i'), u.name, h.from_stage,"
    " h.to_stage, h.note"
    " FROM opportunity_stage_change h JOIN app_user u ON u.id = h.user_id"
    " WHERE h.opportunity_id = ? ORDER BY h.id DESC LIMIT 100";

static int
timeline_to_hdf(struct ctx *c, long long id)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Timeline"), *row;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_timeline) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "at", db_text(&q, 0));
		node_set(row, "user", db_text(&q, 1));
		if (!db_is_null(&q, 2))
			node_set(row, "from", choice_label(c, "opp_stage",
			    db_text(&q, 2)));
		node_set(row, "to", choice_label(c, "opp_stage",
		    db_text(&q, 3)));
		node_set(row, "note", db_text(&q, 4));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* Everything the page shows; its forms keep what Form.* holds. */
static int
detail_render(struct ctx *c, const struct opportunity *o)
{
	opp_to_hdf(c, o);
	if (timeline_to_hdf(c, o->id) == -1 ||
	    audit_history(c, "opportunity", o->id) == -1 ||
	    quotes_to_hdf(c, o->id) == -1 || opp_contract_to_hdf(c, o) == -1)
		return 500;
	/* The stage form offers the current stage and close reason. */
	choice_keep(c, "opp_stage", o->stage);
	choice_keep(c, "close_reason", o->close_reason);
	if (hdf_get_obj(c->hdf, "Form.stage") == NULL) {
		form_fill(c, "stage", o->stage);
		form_fill(c, "close_reason", o->close_reason);
	}
	if (hdf_get_obj(c->hdf, "Form.probability") == NULL)
		form_fill(c, "probability", o->probability);
	ctx_set_int(c, "Can.edit", perm_allows(c, RT_OPPORTUNITY, ACT_EDIT,
	    o->owner_id, o->team_id));
	ctx_set_int(c, "Can.approve", perm_allows(c, RT_OPPORTUNITY,
	    ACT_APPROVE, o->owner_id, o->team_id));
	/* The customer page checks its own scope. */
	ctx_set_int(c, "Can.customer", perm_scope(c, RT_CUSTOMER, ACT_VIEW) !=
	    SCOPE_NONE);
	return http_page(c, "opportunities/detail.cs");
}

int
opp_detail(struct ctx *c)
{
	struct opportunity	o;
	int			rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_VIEW, &o)) != 0)
		return rc;
	return detail_render(c, &o);
}

int
opp_detail_invalid(struct ctx *c, const struct opportunity *o)
{
	c->status = 422;
	return detail_render(c, o);
}
