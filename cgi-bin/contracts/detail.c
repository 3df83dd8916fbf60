/*
 * detail.c - a contract's page: its terms, the quote's lines when it was
 * made from one, the schedule with what is paid and outstanding of each
 * instalment, the payments, the approval history, the audit history,
 * and the forms that submit it, decide on it and record a payment; and
 * its A4 print view.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "rows.h"
#include "contracts.h"

/* Each payment, whether it is a reversal and whether it was reversed. */
static const char sql_payments[] =
    "SELECT p.paid_on, p.amount, p.method, COALESCE(p.reference, ''),"
    " COALESCE(p.note, ''), u.name, p.id, p.reverses_id IS NOT NULL,"
    " r.id IS NOT NULL"
    " FROM contract_payment p JOIN app_user u ON u.id = p.created_by"
    " LEFT JOIN contract_payment r ON r.reverses_id = p.id"
    " WHERE p.contract_id = ? ORDER BY p.id LIMIT 500";
static const char sql_approvals[] =
    "SELECT DATE_FORMAT(a.at, '%Y-%m-%d %H:%i'), u.name, a.decision,"
    " COALESCE(a.comment, '')"
    " FROM contract_approval a JOIN app_user u ON u.id = a.user_id"
    " WHERE a.contract_id = ? ORDER BY a.id DESC LIMIT 100";

static int
schedule_to_hdf(struct ctx *c, long long id)
{
	struct instalment_row	*in;
	HDF			*rows = ctx_node(c, "Schedule"), *row;
	long long		 sum = 0;
	int			 n, i;

	if ((n = schedule_load(c, id, &in)) == -1)
		return -1;
	for (i = 0; i < n; i++) {
		row = node_item(rows, i);
		node_set_int(row, "n", i + 1);
		node_set(row, "due", in[i].due);
		node_set(row, "amount", money_format(c->arena, in[i].amount));
		node_set(row, "paid", money_format(c->arena, in[i].paid));
		node_set(row, "owed", money_format(c->arena, in[i].amount -
		    in[i].paid));
		node_set_int(row, "overdue", in[i].overdue);
		node_set(row, "note", in[i].note);
		sum += in[i].amount;
	}
	ctx_set(c, "ScheduleSum", money_format(c->arena, sum));
	return 0;
}

static int
payments_to_hdf(struct ctx *c, long long id)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Payments"), *row;
	int		 n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_payments) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "date", db_text(&q, 0));
		node_set(row, "amount", money_format(c->arena,
		    money_cents(db_str(&q, 1))));
		node_set(row, "method", choice_label(c, "payment_method",
		    db_text(&q, 2)));
		node_set(row, "reference", db_text(&q, 3));
		node_set(row, "note", db_text(&q, 4));
		node_set(row, "by", db_text(&q, 5));
		node_set(row, "id", db_text(&q, 6));
		node_set(row, "reversal", db_text(&q, 7));
		node_set(row, "reversed", db_text(&q, 8));
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static const char *const approval_cols[] = {
	"at", "user", "decision", "comment"
};

/* What the user may do on the page, as Can.*. */
static void
abilities(struct ctx *c, const struct contract *k)
{
	int	edit = perm_allows(c, RT_CONTRACT, ACT_EDIT, k->owner_id,
	    k->team_id);
	int	approver = perm_allows(c, RT_CONTRACT, ACT_APPROVE,
	    k->owner_id, k->team_id);
	int	pending = strcmp(k->status, "pending") == 0;

	ctx_set_int(c, "Can.edit", edit && contract_editable(k));
	ctx_set_int(c, "Can.submit", edit && contract_editable(k));
	ctx_set_int(c, "Can.decide", approver && pending &&
	    k->submitted_by != c->user->id);
	ctx_set_int(c, "Can.own_submission", approver && pending &&
	    k->submitted_by == c->user->id);
	ctx_set_int(c, "Can.waiting", pending && !approver);
	ctx_set_int(c, "Can.pay", edit && strcmp(k->status, "approved") ==
	    0 && money_cents(k->paid) < money_cents(k->total));
	ctx_set_int(c, "Can.reverse", edit && strcmp(k->status, "approved") ==
	    0);
	ctx_set_int(c, "Can.delete", strcmp(k->status, "draft") == 0 &&
	    perm_allows(c, RT_CONTRACT, ACT_DELETE, k->owner_id, k->team_id));
	ctx_set_int(c, "Can.opportunity", perm_allows(c, RT_OPPORTUNITY,
	    ACT_VIEW, k->owner_id, k->team_id));
}

/* The contract's page, or with print its A4 print view. */
static int
render(struct ctx *c, const struct contract *k, int print)
{
	char		 now[32];
	struct tm	 tm;
	time_t		 t = time(NULL);

	contract_to_hdf(c, k);
	if (schedule_to_hdf(c, k->id) == -1 ||
	    payments_to_hdf(c, k->id) == -1 ||
	    rows_to_hdf(c, sql_approvals, k->id, "Approvals",
	    approval_cols, NFIELDS(approval_cols), NULL, NULL) == -1)
		return 500;
	if (k->quote_id != 0 && quote_lines_to_hdf(c, k->quote_id,
	    k->quote_code, k->quote_subtotal, k->quote_discount, k->total) ==
	    -1)
		return 500;
	if (print) {
		strftime(now, sizeof(now), "%Y-%m-%d %H:%M",
		    localtime_r(&t, &tm));
		ctx_set(c, "Printed.at", now);
		ctx_set(c, "Printed.by", c->user->name);
		return http_page(c, "contracts/print.cs");
	}
	if (audit_history(c, "contract", k->id) == -1)
		return 500;
	abilities(c, k);
	if (hdf_get_obj(c->hdf, "Form.pay_date") == NULL)
		form_fill(c, "pay_date", day_from_today(c, 0));
	return http_page(c, "contracts/detail.cs");
}

static int
show(struct ctx *c, int print)
{
	struct contract	k;
	int		rc;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_VIEW, &k)) != 0)
		return rc;
	return render(c, &k, print);
}

int
contract_detail(struct ctx *c)
{
	return show(c, 0);
}

int
contract_print(struct ctx *c)
{
	return show(c, 1);
}

int
contract_refused(struct ctx *c, const struct contract *k, int status,
    const char *msg_key)
{
	c->status = status;
	ctx_set(c, "Error", ctx_msg(c, msg_key));
	return render(c, k, 0);
}

int
contract_invalid(struct ctx *c, const struct contract *k)
{
	c->status = 422;
	return render(c, k, 0);
}
