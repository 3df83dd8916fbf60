/*
 * contracts.h - contracts (SPEC 2.2): one program, one file per part.
 *
 * cgi-bin/contracts.c holds the route table. A contract is made from a
 * won opportunity or an accepted quote and keeps the opportunity's
 * owner and team; each handler loads it with contract_load, which
 * checks them against the user's scope and answers 404 for one out of
 * scope, so that its existence does not leak. Lists apply the same
 * scope in SQL.
 */
#ifndef CRM_CONTRACTS_H
#define CRM_CONTRACTS_H

#include "perm.h"

struct ctx;

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

/* The most instalments a schedule has, and the empty rows "add" gives. */
#define SCHEDULE_ROWS_MAX	60
#define SCHEDULE_ROWS_ADD	4

/* A contract as loaded for a check or a page; amounts are DECIMAL text. */
struct contract {
	long long	 id, opportunity_id, quote_id, customer_id;
	long long	 owner_id, team_id, submitted_by, version;
	const char	*code, *title, *status, *total, *paid;
	const char	*opp_code, *opp_name, *quote_code;
	const char	*quote_subtotal, *quote_discount;
	const char	*customer_code, *customer_name, *owner_name;
	const char	*sign_date, *start_date, *end_date, *terms;
	const char	*creator, *created;
};

/* What a new contract is made from: an opportunity, maybe its quote. */
struct source {
	long long	 opp_id, quote_id, customer_id, owner_id, team_id;
	const char	*opp_code, *opp_name, *outcome, *amount;
	const char	*quote_code, *quote_status, *quote_total;
	const char	*quote_subtotal, *quote_discount;
	const char	*customer_code, *customer_name, *owner_name;
};

/* An instalment as read from a form or the database. */
struct instalment_row {
	const char	*due, *note;
	long long	 amount, paid;	/* cents */
	int		 overdue;
};

/* record.c */
/* Load contract ids[0] if the user may do act on it; else 404. */
int	 contract_load(struct ctx *, enum action, struct contract *);
void	 contract_to_hdf(struct ctx *, const struct contract *);
/*
 * The contract's instalments in their order, at most SCHEDULE_ROWS_MAX:
 * their number, or -1.
 */
int	 schedule_load(struct ctx *, long long id, struct instalment_row **);
/* The date days from today, in the company's time zone: YYYY-MM-DD. */
const char *day_from_today(struct ctx *, int days);
/* Draft and rejected contracts are edited; the others are not. */
int	 contract_editable(const struct contract *);
/*
 * A quote's lines and totals as Lines.N and Quote.*, for the template
 * opportunities/quote_lines.cs. 0, or -1 on a database error.
 */
int	 quote_lines_to_hdf(struct ctx *, long long quote, const char *code,
	    const char *subtotal, const char *discount, const char *total);

/* list.c */
int	 contract_list(struct ctx *);

/* overdue.c */
int	 contract_overdue(struct ctx *);
int	 contract_overdue_export(struct ctx *);

/* detail.c */
int	 contract_detail(struct ctx *);
int	 contract_print(struct ctx *);
/* The contract's page with a status and the message of msg_key. */
int	 contract_refused(struct ctx *, const struct contract *, int status,
	    const char *msg_key);
/* The contract's page again, with a form's errors beside its fields. */
int	 contract_invalid(struct ctx *, const struct contract *);

/* form.c */
int	 contract_new(struct ctx *);
int	 contract_create(struct ctx *);
int	 contract_edit(struct ctx *);
int	 contract_update(struct ctx *);
int	 contract_delete(struct ctx *);

/* approval.c */
int	 contract_submit(struct ctx *);
int	 contract_decide(struct ctx *);

/* payment.c */
int	 contract_payment(struct ctx *);
int	 contract_payment_reverse(struct ctx *);

#endif
