/*
 * owner.h - who may own a record: the owner select of a form and the
 * check of what it sent, within the user's assign scope for the record
 * type. A record carries its owner's team (team scope is the record's).
 */
#ifndef CRM_OWNER_H
#define CRM_OWNER_H

#include "perm.h"

struct ctx;
struct form;

/*
 * The users the signed-in user may make owners of a record of this
 * type, as Owners.N.{id,name}, and Can.assign; nothing without the
 * assign grant. 0, or -1 on a database error.
 */
int		 owner_choices(struct ctx *, enum rtype);
/*
 * The users whose records of this type the signed-in user may view, for
 * a list's owner filter, as Owners.N.{id,name}, and Can.owner_filter;
 * nothing for one who sees only their own. 0, or -1 on a database error.
 */
int		 owner_filter_choices(struct ctx *, enum rtype);
/* The team of an active user (0: none), or -1 if there is no such user. */
long long	 owner_team(struct ctx *, long long owner);
/*
 * The owner a form sets: its "owner" field when the user may assign
 * (only then is the field on the form), else current; an owner POSTed
 * without the grant is ignored. Sets *team to the owner's. -1 with the
 * error beside the field when the user may not give the record to
 * that owner.
 */
int		 owner_pick(struct ctx *, enum rtype, struct form *,
		    long long current, long long *owner, long long *team);

#endif
