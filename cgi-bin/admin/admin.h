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

/* order.c: lists an administrator orders, renumbered in these steps. */
#define ADMIN_SORT_STEP	10

struct reorder {
	const char	*sql_lock;	/* id, sort of list ?, in order, locked */
	const char	*sql_sort;	/* set sort ? of row id ? */
	const char	*record_type;	/* of the audit rows */
};

/*
 * Move row id of list key one place up (step -1) or down (+1), audited;
 * 0 when done or already at that end, else 404 or 500.
 */
int	admin_reorder(struct ctx *, const struct reorder *, const char *key,
	    long long id, int step);

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


/*
 * choices.c: the options of one choice list, on a page of their own: a
 * registered list's (/admin/choices/<name>) or a custom field's
 * (/admin/fields/N/options). Option id is at <options>/<id>.
 */
struct optlist {
	const char	*list;		/* choice.list */
	const char	*page;		/* the list's page; adding posts here */
	const char	*options;	/* the path of the options */
	const char	*title;		/* of the page, in its language */
	const char	*back;		/* a link above the options */
	const char	*back_label;
	int		 required;	/* keep an option active */
};

/* The page, with the rename form of option edit unless 0. */
int	optlist_page(struct ctx *, const struct optlist *, long long edit);
int	optlist_add(struct ctx *, const struct optlist *);
int	optlist_rename(struct ctx *, const struct optlist *, long long id);
int	optlist_move(struct ctx *, const struct optlist *, long long id,
	    int step);
int	optlist_set_active(struct ctx *, const struct optlist *, long long id,
	    int active);

int	admin_choices(struct ctx *);
int	admin_choice_list(struct ctx *);
int	admin_choice_add(struct ctx *);
int	admin_choice_edit(struct ctx *);
int	admin_choice_rename(struct ctx *);
int	admin_choice_up(struct ctx *);
int	admin_choice_down(struct ctx *);
int	admin_choice_deactivate(struct ctx *);
int	admin_choice_reactivate(struct ctx *);

/* fields.c: custom fields, and the options of the choice types */
int	admin_fields(struct ctx *);
int	admin_field_new(struct ctx *);
int	admin_field_create(struct ctx *);
int	admin_field_edit(struct ctx *);
int	admin_field_update(struct ctx *);
int	admin_field_up(struct ctx *);
int	admin_field_down(struct ctx *);
int	admin_field_deactivate(struct ctx *);
int	admin_field_reactivate(struct ctx *);
int	admin_field_options(struct ctx *);
int	admin_field_option_add(struct ctx *);
int	admin_field_option_edit(struct ctx *);
int	admin_field_option_rename(struct ctx *);
int	admin_field_option_up(struct ctx *);
int	admin_field_option_down(struct ctx *);
int	admin_field_option_deactivate(struct ctx *);
int	admin_field_option_reactivate(struct ctx *);

/* audit.c */
int	admin_audit(struct ctx *);

#endif
