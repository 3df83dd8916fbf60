/*
 * perm.h - record types, actions and scopes: the vocabulary of access control.
 *
 * Roles and their grants are rows (role_permission); this file only names
 * what can be granted. The registry of record types (the enum, its names
 * and the actions each declares) drives the admin matrix, so a new module
 * adds its line to each and no page.
 */
#ifndef CRM_PERM_H
#define CRM_PERM_H

enum rtype {
	RT_NONE = -1,	/* a route that needs only a signed-in user */
	RT_CUSTOMER = 0,
	RT_CONTACT,
	RT_FOLLOWUP,
	RT_ORDER,
	RT_USER,	/* administration of users and teams */
	RT_AUDIT,	/* the audit log */
	RT_OPPORTUNITY,	/* sales opportunities */
	RT_CONTRACT,	/* contracts, their schedules and payments */
	RT_REPORT,	/* the reports of the sales pipeline */
	RT__MAX
};

enum action {
	ACT_VIEW = 0,
	ACT_CREATE,
	ACT_EDIT,
	ACT_DELETE,
	ACT_EXPORT,
	ACT_APPROVE,
	ACT_ASSIGN,
	ACT__MAX
};

/* Ordered: a larger scope includes the smaller ones. */
enum scope {
	SCOPE_NONE = 0,
	SCOPE_OWN,
	SCOPE_TEAM,
	SCOPE_ALL
};

struct perms {
	unsigned char	 scope[RT__MAX][ACT__MAX];
};

extern const char *const rtype_names[RT__MAX];
extern const char *const action_names[ACT__MAX];
extern const char *const scope_names[];

#define ACT_BIT(a)	(1u << (a))
/*
 * The actions that mean something for each record type, as ACT_BIT()s:
 * the admin matrix shows and accepts only these cells.
 */
extern const unsigned rtype_actions[RT__MAX];
/* Whether the registry declares this action for this record type. */
int		 perm_declared(enum rtype, enum action);

/* Index of name in the registry, or -1. */
int		 rtype_from_name(const char *);
int		 action_from_name(const char *);
int		 scope_from_name(const char *);

/*
 * Add one grant row (record type and action by name, scope as stored) to a
 * user's grants; session_load() calls it for each of the user's grants.
 */
void		 perm_grant(struct perms *, const char *rtype,
		    const char *action, long long scope);

struct ctx;
/* The scope the user has for an action on a record type. */
enum scope	 perm_scope(const struct ctx *, enum rtype, enum action);
/*
 * The same as list queries apply it: team scope for a user without a
 * team is their own records.
 */
enum scope	 perm_list_scope(const struct ctx *, enum rtype, enum action);
/*
 * May the user act on a record with this owner and team? Team scope means
 * the record's team is the user's (records carry their owner's team); a
 * user without a team has only their own. Used after a record is loaded;
 * list queries apply the same rule in SQL.
 */
int		 perm_allows(const struct ctx *, enum rtype, enum action,
		    long long owner_id, long long team_id);

#endif
