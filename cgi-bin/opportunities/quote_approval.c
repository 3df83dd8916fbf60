/*
 * quote_approval.c - a discount goes past a director (SPEC 1: directors
 * approve quotes). A draft that gives more discount than the sales
 * settings allow (any, by default) is submitted by whoever may edit the
 * opportunity (draft -> pending); a user with approve on the
 * opportunity within its scope, never the one who submitted it, approves
 * it (-> approved, after which it is sent) or returns it to draft with a
 * comment saying what to change. Only a draft is edited, so what was
 * approved is what is sent. Each step is a row of quote_approval and an
 * audit row, written with the change under the opportunity's lock; a
 * submission is told to those who may decide on it (pending_tell).
 */
#include <string.h>

#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "pending.h"
#include "opportunities.h"

static const struct field decide_fields[] = {
	{ "comment", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },
};

static const char sql_status_set[] =
    "UPDATE quote SET status = ?, submitted_by = ?, version = version + 1,"
    " updated_at = NOW() WHERE id = ?";
static const char sql_approval_insert[] =
    "INSERT INTO quote_approval (quote_id, user_id, decision, comment)"
    " VALUES (?, ?, ?, ?)";

/*
 * Within the open transaction: move q from its status to to, with the
 * step's row (decision, comment) and its audit rows (action).
 */
static int
step(struct ctx *c, const struct quote *q, long long submitter,
    const char *to, const char *decision, const char *action,
    const char *comment)
{
	if (db_exec(c->db, c->arena, sql_status_set, "sii", to, submitter,
	    q->id) != 1 ||
	    db_exec(c->db, c->arena, sql_approval_insert, "iiss", q->id,
	    c->user->id, decision, comment) != 1 ||
	    audit_log(c, action, "quote", q->id, "status", q->status, to) ==
	    -1 || (comment != NULL && audit_log(c, action, "quote", q->id,
	    "comment", NULL, comment) == -1))
		return -1;
	return 0;
}

int
quote_submit(struct ctx *c)
{
	struct opportunity	o;
	struct quote		q;
	struct pending_record	r;
	int			rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_EDIT, &o, &q)) != 0)
		return rc;
	if (db_begin(c->db) == -1 || quote_lock(c, o.id, &q) == -1)
		return 500;
	/* A quote that needs no approval is sent. */
	if (strcmp(q.status, "draft") != 0 || !quote_needs_approval(&q)) {
		db_rollback(c->db);
		return quote_refused(c, &o, &q, 409, "quote.bad_transition");
	}
	r = (struct pending_record){ "opportunity", o.id, q.id, 0, o.owner_id,
	    o.team_id, q.code, o.name };
	if (step(c, &q, c->user->id, "pending", "submitted", "submit",
	    NULL) == -1 || pending_tell(c, &r) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return quote_page(c, o.id, q.id);
}

int
quote_decide(struct ctx *c)
{
	struct opportunity	 o;
	struct quote		 q;
	struct form		 f;
	const char		*decision = req_form(&c->req, "decision");
	const char		*comment;
	int			 approve, rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = quote_load(c, ACT_APPROVE, &o, &q)) != 0)
		return rc;
	if (decision == NULL || (strcmp(decision, "approve") != 0 &&
	    strcmp(decision, "return") != 0))
		return quote_refused(c, &o, &q, 409, "quote.bad_transition");
	approve = strcmp(decision, "approve") == 0;
	if (form_read(c, decide_fields, NFIELDS(decide_fields), &f) > 0)
		return quote_invalid(c, &o, &q);
	if ((comment = form_value(&f, "comment")) == NULL && !approve) {
		form_error(c, &f, "comment", "quote.return_needs_comment");
		return quote_invalid(c, &o, &q);
	}
	if (db_begin(c->db) == -1 || quote_lock(c, o.id, &q) == -1)
		return 500;
	/* Decided, or submitted again by this user, since the page. */
	if (strcmp(q.status, "pending") != 0) {
		db_rollback(c->db);
		return quote_refused(c, &o, &q, 409, "quote.bad_transition");
	}
	if (q.submitted_by == c->user->id) {
		db_rollback(c->db);
		return quote_refused(c, &o, &q, 403, "quote.own_submission");
	}
	if (step(c, &q, q.submitted_by, approve ? "approved" : "draft",
	    approve ? "approved" : "returned", decision, comment) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return quote_page(c, o.id, q.id);
}
