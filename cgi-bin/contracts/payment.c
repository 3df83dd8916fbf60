/*
 * payment.c - recording a payment received on an approved contract, and
 * reversing one recorded by mistake.
 *
 * Under the contract's lock the payment is applied to its instalments
 * oldest due first (lib/schedule.c) and each instalment's paid is
 * stored, so the overdue lists read what is owed from an index; a
 * payment beyond what is still owed is refused beside its amount. The
 * payment, the instalments, the contract's paid and the audit row are
 * one transaction.
 *
 * A payment is never changed or deleted: a reversal is a row of the
 * negative amount naming the payment, with the reason, written the same
 * way. Since payments fill the instalments oldest due first, what each
 * has paid depends only on the sum received; a reversal spreads the new
 * sum over them again, which takes it from the latest filled.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "money.h"
#include "schedule.h"
#include "contracts.h"

static const struct field pay_fields[] = {
	{ "pay_date", FT_DATE, FIELD_REQUIRED, 0, NULL, 0, 0 },
	{ "pay_amount", FT_MONEY, FIELD_REQUIRED, 20, NULL, 0, 0 },
	{ "pay_method", FT_CHOICE, FIELD_REQUIRED, 0, "payment_method", 0, 0 },
	{ "pay_reference", FT_TEXT, 0, 100, NULL, 0, 0 },
	{ "pay_note", FT_TEXT, 0, 500, NULL, 0, 0 },
};

/* Payments on one contract queue here, so each sees the last one's. */
static const char sql_contract_lock[] =
    "SELECT id FROM contract WHERE id = ? AND status = 'approved'"
    " FOR UPDATE";
static const char sql_owed_lock[] =
    "SELECT id, amount, paid FROM contract_instalment"
    " WHERE contract_id = ? ORDER BY due_date, position FOR UPDATE";
static const char sql_instalment_paid[] =
    "UPDATE contract_instalment SET paid = ? WHERE id = ?";
static const char sql_payment_insert[] =
    "INSERT INTO contract_payment (contract_id, paid_on, amount, method,"
    " reference, note, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)";
static const struct field reverse_fields[] = {
	{ "reason", FT_TEXT, FIELD_REQUIRED, 500, NULL, 0, 0 },
};

/* The payment, locked, and whether a reversal of it exists already. */
static const char sql_payment_lock[] =
    "SELECT p.paid_on, p.amount, p.method, p.reference, r.id IS NOT NULL"
    " FROM contract_payment p"
    " LEFT JOIN contract_payment r ON r.reverses_id = p.id"
    " WHERE p.id = ? AND p.contract_id = ? AND p.reverses_id IS NULL"
    " FOR UPDATE";
static const char sql_reversal_insert[] =
    "INSERT INTO contract_payment (contract_id, reverses_id, paid_on,"
    " amount, method, reference, note, created_by)"
    " VALUES (?, ?, CURDATE(), ?, ?, ?, ?, ?)";
static const char sql_contract_paid[] =
    "UPDATE contract SET paid = paid + ?, version = version + 1,"
    " updated_at = NOW() WHERE id = ?";

/* The instalments, locked, oldest due first: their number, or -1. */
static int
owed_lock(struct ctx *c, long long id, long long *ids, struct instalment *in)
{
	struct dbq	q;
	int		n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_owed_lock) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		if (n == SCHEDULE_ROWS_MAX)
			continue;
		ids[n] = db_int(&q, 0);
		in[n].amount = money_cents(db_str(&q, 1));
		in[n].paid = money_cents(db_str(&q, 2));
		n++;
	}
	return db_finish(&q) == DB_ERROR ? -1 : n;
}

/* Store what the payment changed of each instalment. */
static int
paid_write(struct ctx *c, const long long *ids, const struct instalment *was,
    const struct instalment *now, int n)
{
	int	i;

	for (i = 0; i < n; i++)
		if (now[i].paid != was[i].paid && db_exec(c->db, c->arena,
		    sql_instalment_paid, "si", money_decimal(c->arena,
		    now[i].paid), ids[i]) != 1)
			return -1;
	return 0;
}

int
contract_payment(struct ctx *c)
{
	struct contract		 k;
	struct form		 f;
	struct instalment	 was[SCHEDULE_ROWS_MAX], now[SCHEDULE_ROWS_MAX];
	long long		 ids[SCHEDULE_ROWS_MAX], amount, over;
	const char		*day;
	int			 rc, n;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_EDIT, &k)) != 0)
		return rc;
	if (strcmp(k.status, "approved") != 0)
		return contract_refused(c, &k, 409, "contract.not_approved");
	if (form_read(c, pay_fields, NFIELDS(pay_fields), &f) > 0)
		return contract_invalid(c, &k);
	day = form_value(&f, "pay_date");
	if (strcmp(day, day_from_today(c, 0)) > 0) {
		form_error(c, &f, "pay_date", "contract.future_payment");
		return contract_invalid(c, &k);
	}
	if ((amount = money_cents(form_value(&f, "pay_amount"))) <= 0) {
		form_error(c, &f, "pay_amount", "contract.bad_amount");
		return contract_invalid(c, &k);
	}
	if (db_begin(c->db) == -1 || db_int_query(c->db, c->arena,
	    sql_contract_lock, 0, "i", k.id) != k.id ||
	    (n = owed_lock(c, k.id, ids, was)) == -1)
		return 500;
	memcpy(now, was, sizeof(was[0]) * (size_t)n);
	if ((over = schedule_apply(now, n, amount)) != 0) {
		db_rollback(c->db);
		if (over < 0)
			return 500;
		form_error(c, &f, "pay_amount", "contract.overpayment");
		return contract_invalid(c, &k);
	}
	if (paid_write(c, ids, was, now, n) == -1 ||
	    db_exec(c->db, c->arena, sql_payment_insert, "isssssi", k.id, day,
	    money_decimal(c->arena, amount), form_value(&f, "pay_method"),
	    form_value(&f, "pay_reference"), form_value(&f, "pay_note"),
	    c->user->id) != 1 ||
	    db_exec(c->db, c->arena, sql_contract_paid, "si",
	    money_decimal(c->arena, amount), k.id) != 1 ||
	    audit_log(c, "payment", "contract", k.id, "payment", NULL,
	    arena_printf(c->arena, "%s %s %s", day, money_decimal(c->arena,
	    amount), form_value(&f, "pay_method"))) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/contracts/%lld#payments", k.id));
}

/* The payment being reversed, as read under its lock. */
struct paid {
	const char	*day, *method, *reference;
	long long	 cents;
	int		 reversed;
};

/* Lock payment id of contract k: 1 found, 0 not (or a reversal), -1. */
static int
payment_lock(struct ctx *c, long long k, long long id, struct paid *p)
{
	struct dbq	q;
	int		found = 0;

	if (db_prepare(&q, c->db, c->arena, sql_payment_lock) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	db_bind_int(&q, 1, k);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		p->day = db_str(&q, 0);
		p->cents = money_cents(db_str(&q, 1));
		p->method = db_str(&q, 2);
		p->reference = db_text(&q, 3);
		p->reversed = (int)db_int(&q, 4);
	}
	return db_finish(&q) == DB_ERROR ? -1 : found;
}

/* The contract's page again with the reason's error beside payment id. */
static int
reverse_invalid(struct ctx *c, const struct contract *k, long long id)
{
	ctx_set_int(c, "Reverse.refused", id);
	return contract_invalid(c, k);
}

int
contract_payment_reverse(struct ctx *c)
{
	struct contract		 k;
	struct form		 f;
	struct paid		 p;
	struct instalment	 was[SCHEDULE_ROWS_MAX], now[SCHEDULE_ROWS_MAX];
	long long		 ids[SCHEDULE_ROWS_MAX], id = c->ids[1], sum = 0;
	const char		*reason;
	int			 rc, n, i;

	if (choice_load(c) == -1)
		return 500;
	if ((rc = contract_load(c, ACT_EDIT, &k)) != 0)
		return rc;
	if (strcmp(k.status, "approved") != 0)
		return contract_refused(c, &k, 409, "contract.not_approved");
	if (form_read(c, reverse_fields, NFIELDS(reverse_fields), &f) > 0)
		return reverse_invalid(c, &k, id);
	reason = form_value(&f, "reason");
	if (db_begin(c->db) == -1 || db_int_query(c->db, c->arena,
	    sql_contract_lock, 0, "i", k.id) != k.id ||
	    (rc = payment_lock(c, k.id, id, &p)) == -1)
		return 500;
	if (rc == 0 || p.reversed) {
		db_rollback(c->db);
		return rc == 0 ? 404 : contract_refused(c, &k, 409,
		    "contract.already_reversed");
	}
	if ((n = owed_lock(c, k.id, ids, was)) == -1)
		return 500;
	for (i = 0; i < n; i++) {
		sum += was[i].paid;
		now[i] = (struct instalment){ was[i].amount, 0 };
	}
	/* A sum the instalments cannot hold again means broken data. */
	if (sum < p.cents || (sum > p.cents &&
	    schedule_apply(now, n, sum - p.cents) != 0))
		return 500;
	if (paid_write(c, ids, was, now, n) == -1 ||
	    db_exec(c->db, c->arena, sql_reversal_insert, "iissssi", k.id, id,
	    money_decimal(c->arena, -p.cents), p.method, p.reference, reason,
	    c->user->id) != 1 ||
	    db_exec(c->db, c->arena, sql_contract_paid, "si",
	    money_decimal(c->arena, -p.cents), k.id) != 1 ||
	    audit_log(c, "reverse", "contract", k.id, "payment",
	    arena_printf(c->arena, "%s %s %s", p.day, money_decimal(c->arena,
	    p.cents), p.method), reason) == -1 ||
	    db_commit(c->db) == -1)
		return 500;
	return http_redirect(c, arena_printf(c->arena,
	    "/contracts/%lld#payments", k.id));
}
