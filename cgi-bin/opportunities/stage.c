/*
 * stage.c - moving an opportunity to another stage, and a director's
 * confirmation of its win probability.
 *
 * A stage change locks the row, sets the stage's entry time, records
 * who moved it from where to where (opportunity_stage_change) and
 * audits it, all in one transaction. Entering a stage sets its default
 * probability unless a director confirmed the current one; won and lost
 * always take theirs (100 and 0 by default), and need a close reason.
 * Entering a stage, here or at creation (edit.c), goes through
 * stage_enter, which keeps the history and runs the stage rules.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "report_sum.h"
#include "stagerule.h"
#include "opportunities.h"

static const struct field stage_fields[] = {
	{ "stage", FT_CHOICE, FIELD_REQUIRED, 0, "opp_stage", 0, 0 },
	{ "close_reason", FT_CHOICE, 0, 0, "close_reason", 0, 0 },
	{ "note", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },
};

static const struct field confirm_fields[] = {
	{ "probability", FT_INT, FIELD_REQUIRED, 3, NULL, 0, 100 },
};

/* What the change starts from, read under the row's lock. */
static const char sql_opp_lock[] =
    "SELECT stage, probability, probability_confirmed_by IS NOT NULL,"
    " COALESCE(close_reason, '') FROM opportunity"
    " WHERE id = ? AND deleted_at IS NULL FOR UPDATE";
static const char sql_opp_stage[] =
    "UPDATE opportunity SET"
    " probability_confirmed_by ="
    "  IF(probability = ?, probability_confirmed_by, NULL),"
    " probability_confirmed_at ="
    "  IF(probability = ?, probability_confirmed_at, NULL),"
    " stage = ?, stage_entered_at = NOW(), probability = ?,"
    " close_reason = ?, stale_notice_at = NULL, version = version + 1,"
    " updated_at = NOW() WHERE id = ?";
static const char sql_stage_change_insert[] =
    "INSERT INTO opportunity_stage_change (opportunity_id, user_id,"
    " from_stage, to_stage, note) VALUES (?, ?, ?, ?, ?)";
static const char sql_opp_confirm[] =
    "UPDATE opportunity SET probability = ?,"
    " probability_confirmed_by = ?, probability_confirmed_at = NOW(),"
    " version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND deleted_at IS NULL";

/* The row as the change finds it. */
struct current {
	const char	*stage, *probability, *close_reason;
	int		 confirmed;
};

static int
lock_current(struct ctx *c, long long id, struct current *cur)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_opp_lock) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		cur->stage = db_str(&q, 0);
		cur->probability = db_str(&q, 1);
		cur->confirmed = (int)db_int(&q, 2);
		cur->close_reason = db_str(&q, 3);
	}
	if (db_finish(&q) == DB_ERROR || !found)
		return -1;
	return 0;
}

int
stage_enter(struct ctx *c, long long id, const char *from, const char *to,
    const char *note)
{
	if (db_exec(c->db, c->arena, sql_stage_change_insert, "iisss", id,
	    c->user->id, from, to, note) != 1)
		return -1;
	return stagerule_entered(c->db, c->arena, id, from, to, c->user->id);
}

/* Whether the move was made on the board, which it returns to. */
static int
from_board(struct ctx *c)
{
	const char	*back = req_form(&c->req, "back");

	return back != NULL && strcmp(back, "board") == 0;
}

/* Where a move returns: the board it came from, or the timeline. */
static int
moved(struct ctx *c, long long id)
{
	if (from_board(c))
		return http_redirect(c, "/opportunities/board");
	return http_redirect(c, arena_printf(c->arena,
	    "/opportunities/%lld#timeline", id));
}

int
opp_stage_change(struct ctx *c)
{
	struct opportunity	 o;
	struct form		 f;
	struct stage		 st;
	struct current		 cur;
	const char		*to, *reason, *prob;
	int			 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_EDIT, &o)) != 0)
		return rc;
	choice_keep(c, "opp_stage", o.stage);
	form_read(c, stage_fields, NFIELDS(stage_fields), &f);
	to = form_value(&f, "stage");
	if (stage_get(c, to, &st) == -1)
		return 500;
	reason = stage_closed(&st) ? form_value(&f, "close_reason") : NULL;
	if (to != NULL && stage_closed(&st) && reason == NULL)
		form_error(c, &f, "close_reason", "opp.close_reason_required");
	if (f.nerrors > 0)
		return from_board(c) ? opp_board_invalid(c, &o) :
		    opp_detail_invalid(c, &o);
	if (db_begin(c->db) == -1 || lock_current(c, o.id, &cur) == -1)
		return 500;
	if (strcmp(cur.stage, to) == 0 && strcmp(cur.close_reason,
	    reason ? reason : "") == 0) {
		db_rollback(c->db);
		return moved(c, o.id);
	}
	/* A confirmed probability holds while the opportunity is open. */
	prob = cur.probability;
	if (st.probability >= 0 && (stage_closed(&st) || !cur.confirmed))
		prob = arena_printf(c->arena, "%d", st.probability);
	if (db_exec(c->db, c->arena, sql_opp_stage, "sssssi", prob, prob, to,
	    prob, reason, o.id) != 1 ||
	    stage_enter(c, o.id, cur.stage, to, form_value(&f, "note")) ==
	    -1 ||
	    audit_field(c, "opportunity", o.id, "stage", cur.stage, to) == -1 ||
	    audit_field(c, "opportunity", o.id, "probability",
	    cur.probability, prob) == -1 ||
	    audit_field(c, "opportunity", o.id, "close_reason",
	    cur.close_reason, reason) == -1 ||
	    report_sum_update(c->db, c->arena, o.id) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return moved(c, o.id);
}

int
opp_confirm(struct ctx *c)
{
	struct opportunity	 o;
	struct form		 f;
	const char		*prob;
	int			 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = opp_load(c, ACT_APPROVE, &o)) != 0)
		return rc;
	if (form_read(c, confirm_fields, NFIELDS(confirm_fields), &f) != 0)
		return f.nerrors > 0 ? opp_detail_invalid(c, &o) : 500;
	prob = form_value(&f, "probability");
	if (db_begin(c->db) == -1 ||
	    db_exec(c->db, c->arena, sql_opp_confirm, "sii", prob,
	    c->user->id, o.id) != 1 ||
	    audit_field(c, "opportunity", o.id, "probability", o.probability,
	    prob) == -1 ||
	    audit_log(c, "confirm", "opportunity", o.id, "probability", NULL,
	    prob) == -1 || report_sum_update(c->db, c->arena, o.id) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena, "/opportunities/%lld",
	    o.id));
}
