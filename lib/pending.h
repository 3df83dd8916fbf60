/*
 * pending.h - what waits for the user's decision: quotes and contracts
 * submitted for approval (SPEC 1: directors approve contracts and quotes)
 * within the scope of the user's approve grants, not submitted by the user,
 * longest waiting first. The home page shows them.
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

#endif
