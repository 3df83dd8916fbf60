/*
 * pending.h - what waits for the user's decision: quotes and contracts
 * submitted for approval (SPEC 1: directors approve contracts and quotes)
 * within the scope of the user's approve grants, not submitted by the user,
 * longest waiting first. The home page shows them; a submission is told
 * to those who may decide on it.
 */
#ifndef CRM_PENDING_H
#define CRM_PENDING_H

struct ctx;

/* How many the home page shows. */
#define PENDING_HOME_ROWS	20

/*
 * Pending.N (kind, href, code, customer, submitter, total, since) and
 * Can.pending for a user with approve on opportunities or contracts;
 * PendingMore when more wait than are shown. 0, or -1 on a database error.
 */
int	 pending_home(struct ctx *);

/* A record submitted for approval, as its approvers are told of it. */
struct pending_record {
	const char	*rtype;		/* whose approve grants decide */
	long long	 opp_id, quote_id, contract_id;	/* the record */
	long long	 owner_id, team_id;
	const char	*code, *name;	/* its code; its title or opportunity's */
};

/*
 * In the caller's transaction: tell those who may decide on r that the
 * user submitted it (notify_approvers). 0, or -1.
 */
int	 pending_tell(struct ctx *, const struct pending_record *r);

#endif
