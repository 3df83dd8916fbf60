/*
 * approval.c - a contract's way to approval: draft (or rejected) ->
 * pending, submitted by whoever may edit it; pending -> approved or
 * rejected, decided by a user whose role has approve on contracts within
 * the contract's scope, never by the one who submitted it. A rejection
 * needs a comment. Each step is a row of contract_approval and an audit
 * row, written with the change; approving makes its instalments count
 * for the overdue lists. A submission is told to those who may decide on
 * it (pending_tell).
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "pending.h"
#include "contracts.h"

static const struct field decide_fields[] = {
	{ "comment", FT_LONGTEXT, 0, 1000, NULL, 0, 0 },
};

static const char sql_submit[] =
    "UPDATE contract SET status = 'pending', submitted_by = ?,"
    " version = version + 1, updated_at = NOW()"
    " WHERE id = ? AND status IN ('draft', 'rejected')";
/* The submitter's own decision is refused here too, whatever raced. */
static const char sql_decide[] =
    "UPDATE contract SET status = ?, version = version + 1,"
    " updated_at = NOW()"
    " WHERE id = ? AND status = 'pending' AND submitted_by <> ?";
static const char sql_instalments_live[] =
    "UPDATE contract_instalment SET live = 1 WHERE contract_id = ?";
static const char sql_approval_insert[] =
    "INSERT INTO contract_approval (contract_id, user_id, decision, comment)"
    " VALUES (?, ?, ?, ?)";

static int
page(struct ctx *c, long long id)
{
	return http_redirect(c, arena_printf(c->arena, "/contracts/%lld", id));
}

int
contract_submit(struct ctx *c)
{
	struct contract		k;
	struct pending_record	r;
	long long		changed;
	int			rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_EDIT, &k)) != 0)
		return rc;
	if (!contract_editable(&k))
		return contract_refused(c, &k, 409, "contract.bad_transition");
	r = (struct pending_record){ "contract", k.opportunity_id, 0, k.id,
	    k.owner_id, k.team_id, k.code, k.title };
	if (db_begin(c->db) == -1 || (changed = db_exec(c->db, c->arena,
	    sql_submit, "ii", c->user->id, k.id)) == -1)
		return 500;
	if (changed != 1) {
		db_rollback(c->db);
		return contract_refused(c, &k, 409, "contract.bad_transition");
	}
	if (db_exec(c->db, c->arena, sql_approval_insert, "iisn", k.id,
	    c->user->id, "submitted") != 1 ||
	    audit_log(c, "submit", "contract", k.id, "status", k.status,
	    "pending") == -1 || pending_tell(c, &r) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return page(c, k.id);
}

int
contract_decide(struct ctx *c)
{
	struct contract	 k;
	struct form	 f;
	const char	*decision = req_form(&c->req, "decision");
	const char	*to, *comment;
	long long	 changed;
	int		 rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_APPROVE, &k)) != 0)
		return rc;
	if (strcmp(k.status, "pending") != 0)
		return contract_refused(c, &k, 409, "contract.bad_transition");
	if (k.submitted_by == c->user->id)
		return contract_refused(c, &k, 403, "contract.own_submission");
	if (decision == NULL || (strcmp(decision, "approve") != 0 &&
	    strcmp(decision, "reject") != 0))
		return contract_refused(c, &k, 409, "contract.bad_transition");
	to = strcmp(decision, "approve") == 0 ? "approved" : "rejected";
	if (form_read(c, decide_fields, NFIELDS(decide_fields), &f) > 0)
		return contract_invalid(c, &k);
	comment = form_value(&f, "comment");
	if (comment == NULL && strcmp(to, "rejected") == 0) {
		form_error(c, &f, "comment", "contract.reject_needs_comment");
		return contract_invalid(c, &k);
	}
	if (db_begin(c->db) == -1 || (changed = db_exec(c->db, c->arena,
	    sql_decide, "sii", to, k.id, c->user->id)) == -1)
		return 500;
	if (changed != 1) {
		/* Decided, or submitted again by this user, in between. */
		db_rollback(c->db);
		return contract_refused(c, &k, 409, "contract.bad_transition");
	}
	if ((strcmp(to, "approved") == 0 && db_exec(c->db, c->arena,
	    sql_instalments_live, "i", k.id) == -1) ||
	    db_exec(c->db, c->arena, sql_approval_insert, "iiss", k.id,
	    c->user->id, to, comment) != 1 ||
	    audit_log(c, decision, "contract", k.id, "status", "pending", to) ==
	    -1 || (comment != NULL && audit_log(c, decision, "contract", k.id,
	    "comment", NULL, comment) == -1) || db_commit(c->db) == -1)
		return 500;
	return page(c, k.id);
}
