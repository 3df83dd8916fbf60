/*
 * opportunities.h - the sales pipeline: one program, one file per part.
 *
 * cgi-bin/opportunities.c holds the route table. Each handler loads the
 * opportunity with opp_load, which checks its owner and team against the
 * user's scope and answers 404 for one out of scope, so that its
 * existence does not leak. Lists and the board apply the same scope in
 * SQL.
 */
#ifndef CRM_OPPORTUNITIES_H
#define CRM_OPPORTUNITIES_H

#include "perm.h"

struct ctx;

#define NFIELDS(a)	(sizeof(a) / sizeof((a)[0]))

/* The share of the amount a change may move without a note (SPEC 2.2). */
#define AMOUNT_NOTE_PCT	20

/* An opportunity as loaded for a check or a page. */
struct opportunity {
	long long	 id, customer_id, owner_id, team_id, version;
	long long	 confirmed_by;	/* 0: probability not confirmed */
	const char	*code, *name, *customer_code, *customer_name;
	const char	*owner_name, *amount, *expected_close, *lead_source;
	const char	*lead_date, *stage, *stage_entered, *days_in_stage;
	const char	*probability, *confirmer, *confirmed_at;
	const char	*competitors, *advantages, *risks, *close_reason;
	const char	*created, *outcome;
	int		 stale;		/* lib/stagerule.h: computed when read */
};

/* What a stage means to the pipeline (opportunity_stage). */
struct stage {
	const char	*outcome;	/* "open", "won" or "lost" */
	int		 probability;	/* default on entry; -1: none set */
};

/* The most lines a quote has, and the empty rows a new form offers. */
#define QUOTE_ROWS_MAX	50
#define QUOTE_ROWS_ADD	5

/* A quote as loaded for a check or a page; amounts are DECIMAL text. */
struct quote {
	long long	 id, version;
	long long	 submitted_by;	/* for approval; 0: never submitted */
	int		 free_pct;	/* discount % sent without approval */
	const char	*code, *status, *valid_until, *note;
	const char	*subtotal, *discount, *total, *creator, *created;
};

/* A quote's line, as read from a form or the database. */
struct quote_line {
	const char	*product, *description;
	long long	 qty_milli, price_cents, discount_bp;	/* 1/100 % */
	long long	 gross, net;	/* cents, before and after discount */
};

/* record.c */
int	 opp_load(struct ctx *, enum action, struct opportunity *);
void	 opp_to_hdf(struct ctx *, const struct opportunity *);
/*
 * The opportunity's contract, when the user may view it, as
 * Contract.{id,code}; Can.contract when the user may make one. 0, or -1.
 */
int	 opp_contract_to_hdf(struct ctx *, const struct opportunity *);
/* The stage of code; an unknown stage is open without a default. */
int	 stage_get(struct ctx *, const char *code, struct stage *);
int	 stage_closed(const struct stage *);
/*
 * The active open stages as the choice list "opp_open_stage": a new
 * opportunity starts in one, a board has a column for each; the closed
 * ones of "opp_stage" are marked "closes". Their number, or -1. Call
 * after choice_load().
 */
int	 open_stages(struct ctx *);
/* Scope of act on opportunities for list queries: team without a team
 * is own. */
enum scope list_scope(struct ctx *, enum action);

/* list.c */
int	 opp_list(struct ctx *);

/* board.c */
int	 opp_board(struct ctx *);
/* The board again, the form's error beside the card of o. */
int	 opp_board_invalid(struct ctx *, const struct opportunity *);

/* detail.c */
int	 opp_detail(struct ctx *);
/* The detail page again, with a form's errors beside its fields. */
int	 opp_detail_invalid(struct ctx *, const struct opportunity *);

/* edit.c */
int	 opp_new(struct ctx *);
int	 opp_create(struct ctx *);
int	 opp_edit(struct ctx *);
int	 opp_update(struct ctx *);

/* stage.c */
/*
 * Opportunity id has entered stage to from from (NULL: created in it):
 * its history row and the stage rules (lib/stagerule.h), in the
 * caller's transaction. 0, or -1.
 */
int	 stage_enter(struct ctx *, long long id, const char *from,
	    const char *to, const char *note);
int	 opp_stage_change(struct ctx *);
int	 opp_confirm(struct ctx *);

/* quote.c */
/*
 * Load quote ids[1] of opportunity ids[0] if the user may do act on
 * the opportunity; else 404.
 */
int	 quote_load(struct ctx *, enum action, struct opportunity *,
	    struct quote *);
/* A quote's lines, at most QUOTE_ROWS_MAX, in order: their number or -1. */
int	 quote_lines_load(struct ctx *, long long id, struct quote_line **);
/* The opportunity's quotes as Quotes.N, newest first. */
int	 quotes_to_hdf(struct ctx *, long long opp);
int	 quote_detail(struct ctx *);
int	 quote_print(struct ctx *);
int	 quote_status(struct ctx *);
/*
 * In a transaction: lock opportunity opp and read q's status, amounts,
 * submitter and the discount allowed without approval again, as they are
 * now; -1 if that fails or q is gone.
 */
int	 quote_lock(struct ctx *, long long opp, struct quote *q);
/* Does q give more discount than a quote may without a director? */
int	 quote_needs_approval(const struct quote *q);
/* The quote's page with a status and the message of msg_key. */
int	 quote_refused(struct ctx *, const struct opportunity *,
	    const struct quote *, int status, const char *msg_key);
/* The quote's page again, 422, with the form's errors. */
int	 quote_invalid(struct ctx *, const struct opportunity *,
	    const struct quote *);
/* Redirect to quote id's page. */
int	 quote_page(struct ctx *, long long opp, long long id);

/* quote_approval.c */
int	 quote_submit(struct ctx *);
int	 quote_decide(struct ctx *);

/* quote_form.c */
int	 quote_new(struct ctx *);
int	 quote_create(struct ctx *);
int	 quote_edit(struct ctx *);
int	 quote_copy(struct ctx *);
int	 quote_update(struct ctx *);

/* stages.c */
int	 opp_stages(struct ctx *);
int	 opp_stages_save(struct ctx *);

/* rules.c */
int	 opp_rules(struct ctx *);
int	 opp_rules_save(struct ctx *);
int	 opp_rule_add(struct ctx *);
int	 opp_rule_remove(struct ctx *);

#endif
