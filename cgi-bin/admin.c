/*
 * admin.c - the administration area: users, teams, roles and their
 * permission matrix, choice lists, custom fields, and the audit log.
 *
 * Every route needs its admin grant and, because a hijacked session must
 * not be enough to change who may do what, a password confirmed within
 * the last SESSION_REAUTH_SECONDS (ROUTE_REAUTH, checked by the
 * dispatcher); the one exception ends a "preview as", which must work
 * whatever the previewed role may do. The screens live in cgi-bin/admin/.
 */
#include "admin/admin.h"
#include "ctx.h"
#include "http.h"
#include "perm.h"
#include "route.h"
#include "server.h"

#define ADMIN	ROUTE_REAUTH

static int
admin_home(struct ctx *c)
{
	return http_page(c, "admin/index.cs");
}

static const struct route routes[] = {
	{ METHOD_GET, "/admin", admin_home, RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_GET, "/admin/users", admin_users, RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_GET, "/admin/users/new", admin_user_new, RT_USER, ACT_CREATE,
	    ADMIN },
	{ METHOD_POST, "/admin/users", admin_user_create, RT_USER, ACT_CREATE,
	    ADMIN },
	{ METHOD_GET, "/admin/users/%d", admin_user_edit, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_POST, "/admin/users/%d", admin_user_update, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/users/%d/disable", admin_user_disable, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/users/%d/enable", admin_user_enable, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/users/%d/password", admin_user_reset, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_GET, "/admin/teams", admin_teams, RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/teams", admin_team_create, RT_USER, ACT_CREATE,
	    ADMIN },
	{ METHOD_GET, "/admin/teams/%d", admin_team_edit, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_POST, "/admin/teams/%d", admin_team_update, RT_USER,
	    ACT_EDIT, ADMIN },
	/* Choice lists by their name in the registry (choice_lists.c). */
	{ METHOD_GET, "/admin/choices", admin_choices, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_GET, "/admin/choices/%s", admin_choice_list, RT_USER,
	    ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/choices/%s", admin_choice_add, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_GET, "/admin/choices/%s/options/%d", admin_choice_edit,
	    RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/choices/%s/options/%d", admin_choice_rename,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/choices/%s/options/%d/up", admin_choice_up,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/choices/%s/options/%d/down", admin_choice_down,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/choices/%s/options/%d/deactivate",
	    admin_choice_deactivate, RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/choices/%s/options/%d/reactivate",
	    admin_choice_reactivate, RT_USER, ACT_EDIT, ADMIN },
	/* Custom fields; a choice field's options at .../options/<id>. */
	{ METHOD_GET, "/admin/fields", admin_fields, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_GET, "/admin/fields/new", admin_field_new, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_POST, "/admin/fields", admin_field_create, RT_USER, ACT_EDIT,
	    ADMIN },
	{ METHOD_GET, "/admin/fields/%d", admin_field_edit, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_POST, "/admin/fields/%d", admin_field_update, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/up", admin_field_up, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/down", admin_field_down, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/deactivate", admin_field_deactivate,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/reactivate", admin_field_reactivate,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_GET, "/admin/fields/%d/options", admin_field_options,
	    RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options", admin_field_option_add,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_GET, "/admin/fields/%d/options/%d", admin_field_option_edit,
	    RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options/%d",
	    admin_field_option_rename, RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options/%d/up", admin_field_option_up,
	    RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options/%d/down",
	    admin_field_option_down, RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options/%d/deactivate",
	    admin_field_option_deactivate, RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/fields/%d/options/%d/reactivate",
	    admin_field_option_reactivate, RT_USER, ACT_EDIT, ADMIN },
	{ METHOD_GET, "/admin/audit", admin_audit, RT_AUDIT, ACT_VIEW, ADMIN },
	{ METHOD_GET, "/admin/roles", admin_roles, RT_USER, ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/roles", admin_role_create, RT_USER, ACT_CREATE,
	    ADMIN },
	{ METHOD_GET, "/admin/roles/%d", admin_role_edit, RT_USER, ACT_VIEW,
	    ADMIN },
	{ METHOD_POST, "/admin/roles/%d", admin_role_update, RT_USER,
	    ACT_EDIT, ADMIN },
	{ METHOD_POST, "/admin/roles/%d/copy", admin_role_copy, RT_USER,
	    ACT_CREATE, ADMIN },
	{ METHOD_POST, "/admin/roles/%d/delete", admin_role_delete, RT_USER,
	    ACT_DELETE, ADMIN },
	{ METHOD_GET, "/admin/roles/%d/fields", admin_role_fields, RT_USER,
	    ACT_VIEW, ADMIN },
	{ METHOD_POST, "/admin/roles/%d/fields", admin_role_fields_update,
	    RT_USER, ACT_EDIT, ADMIN },
	/*
	 * Previewing a role shows whatever it may see: only those who could
	 * give themselves any role (user edit) may do it.
	 */
	{ METHOD_POST, "/admin/roles/%d/preview", admin_role_preview, RT_USER,
	    ACT_EDIT, ADMIN },
	/* Ending a preview must work whatever the previewed role may do. */
	{ METHOD_POST, "/admin/preview/end", admin_preview_end, RT_NONE,
	    ACT_VIEW, ROUTE_PREVIEW_EXIT },
};

static const struct program admin = {
	"admin", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &admin);
}
