/*
 * admin.h - the administration area: one program, one file per screen.
 *
 * cgi-bin/admin.c holds the route table; every route needs an admin grant
 * and a recently confirmed password (ROUTE_REAUTH). Each handler below
 * follows the route table's contract (route.h).
 */
#ifndef CRM_ADMIN_H
#define CRM_ADMIN_H

struct ctx;

/* users.c */
int	admin_users(struct ctx *);
int	admin_user_new(struct ctx *);
int	admin_user_create(struct ctx *);
int	admin_user_edit(struct ctx *);
int	admin_user_update(struct ctx *);
int	admin_user_disable(struct ctx *);
int	admin_user_enable(struct ctx *);
int	admin_user_reset(struct ctx *);

/* teams.c */
int	admin_teams(struct ctx *);
int	admin_team_create(struct ctx *);
int	admin_team_edit(struct ctx *);
int	admin_team_update(struct ctx *);
/* Move a user into team (0: none), with the records the user owns. */
int	admin_user_move(struct ctx *, long long user_id, long long team_id);

/* roles.c */
struct role {
	long long	 id;
	const char	*code;
	const char	*name;		/* in the response language */
};
/* Load role id; 1 found, 0 not, -1 error. */
int	role_get(struct ctx *, long long id, struct role *);
/* Lock role id for the rest of the transaction; 1, 0 if gone, -1. */
int	role_lock(struct ctx *, long long id);
int	admin_roles(struct ctx *);
int	admin_role_create(struct ctx *);
int	admin_role_edit(struct ctx *);
int	admin_role_update(struct ctx *);
int	admin_role_copy(struct ctx *);
int	admin_role_delete(struct ctx *);
int	admin_role_preview(struct ctx *);
int	admin_preview_end(struct ctx *);
/* field_access.c */
int	admin_role_fields(struct ctx *);
int	admin_role_fields_update(struct ctx *);

/* choices.c */
int	admin_choices(struct ctx *);
int	admin_choice_list(struct ctx *);
int	admin_choice_add(struct ctx *);
int	admin_choice_edit(struct ctx *);
int	admin_choice_rename(struct ctx *);
int	admin_choice_up(struct ctx *);
int	admin_choice_down(struct ctx *);
int	admin_choice_deactivate(struct ctx *);
int	admin_choice_reactivate(struct ctx *);

/* audit.c */
int	admin_audit(struct ctx *);

#endif
