/*
 * teams.c - teams and their leaders.
 *
 * "Team" scope means the records of the leader's team. Records carry their
 * owner's team (so that a team's list is one index range), which is why
 * moving a user to another team moves the user's records with them, in
 * the same transaction.
 */
#include <string.h>

#include "admin.h"
#include "arena.h"
#include "audit.h"
#include "choice.h"
#include "ctx.h"
#include "db.h"
#include "form.h"
#include "http.h"
#include "report_sum.h"
#include "str.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

static const char sql_teams[] =
    "SELECT t.id, t.name, COALESCE(u.name, ''),"
    " (SELECT COUNT(*) FROM app_user m WHERE m.team_id = t.id)"
    " FROM team t LEFT JOIN app_user u ON u.id = t.leader_id"
    " ORDER BY t.name";
static const char sql_team_get[] =
    "SELECT name, COALESCE(leader_id, 0) FROM team WHERE id = ?";
static const char sql_team_insert[] =
    "INSERT INTO team (name, leader_id) VALUES (?, ?)";
static const char sql_team_update[] =
    "UPDATE team SET name = ?, leader_id = ? WHERE id = ?";
static const char sql_members[] =
    "SELECT id, login, name FROM app_user WHERE team_id = ? ORDER BY login";
static const char sql_leader_options[] =
    "SELECT id, name, login FROM app_user WHERE active = 1 ORDER BY login";
static const char sql_user_team[] =
    "SELECT COALESCE(team_id, 0) FROM app_user WHERE id = ?";
static const char sql_user_set_team[] =
    "UPDATE app_user SET team_id = NULLIF(?, 0) WHERE id = ?";
/* The owner's records, each of the tables that carry the owner's team. */
static const char *const sql_records_set_team[] = {
	"UPDATE customer SET team_id = NULLIF(?, 0) WHERE owner_id = ?",
	"UPDATE opportunity SET team_id = NULLIF(?, 0) WHERE owner_id = ?",
	"UPDATE contract SET team_id = NULLIF(?, 0) WHERE owner_id = ?",
	"UPDATE contract_instalment SET team_id = NULLIF(?, 0)"
	" WHERE owner_id = ?",
};

static const struct field team_fields[] = {
	{ "name", FT_TEXT, FIELD_REQUIRED, 100, NULL, 0, 0 },
	{ "leader", FT_CHOICE, FIELD_REQUIRED, 0, "leader", 0, 0 },
};

/*
 * The board's totals follow the opportunities by trigger (sql/017); the
 * reports' summaries are moved here.
 */
int
admin_user_move(struct ctx *c, long long uid, long long team)
{
	long long	old;
	size_t		i;

	old = db_int_query(c->db, c->arena, sql_user_team, -1, "i", uid);
	if (old < 0)
		return -1;
	if (old == team)
		return 0;
	if (db_exec(c->db, c->arena, sql_user_set_team, "ii", team, uid) < 0)
		return -1;
	for (i = 0; i < NITEMS(sql_records_set_team); i++)
		if (db_exec(c->db, c->arena, sql_records_set_team[i], "ii",
		    team, uid) < 0)
			return -1;
	if (report_sum_follow_owner(c->db, c->arena, uid) == -1)
		return -1;
	return audit_field(c, "user", uid, "team",
	    arena_printf(c->arena, "%lld", old),
	    arena_printf(c->arena, "%lld", team));
}

/* Active users as the options of the "leader" list. */
static int
leader_options(struct ctx *c)
{
	struct dbq	q;
	int		n;

	if (choice_load(c) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_leader_options) == -1)
		return -1;
	for (n = 0; db_step(&q) == DB_ROW; n++)
		choice_option(c, "leader", n, db_text(&q, 0),
		    arena_printf(c->arena, "%s (%s)", db_str(&q, 1),
		    db_str(&q, 2)));
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
admin_teams(struct ctx *c)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Rows"), *row;
	int		 n = 0;

	if (leader_options(c) == -1 ||
	    db_prepare(&q, c->db, c->arena, sql_teams) == -1)
		return 500;
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "name", db_text(&q, 1));
		node_set(row, "leader", db_text(&q, 2));
		node_set(row, "members", db_text(&q, 3));
	}
	if (db_finish(&q) == DB_ERROR)
		return 500;
	return http_page(c, "admin/teams.cs");
}

/* Insert or update team id (0: a new team) from the form; -1 on error. */
static int
team_save(struct ctx *c, long long id, const struct form *f,
    const char *old_name, long long old_leader)
{
	const char	*name = form_value(f, "name");
	long long	 leader = str_to_id(form_value(f, "leader"));

	if (db_begin(c->db) == -1)
		return -1;
	if (id == 0) {
		if (db_exec(c->db, c->arena, sql_team_insert, "si", name,
		    leader) != 1)
			return -1;
		id = db_int_query(c->db, c->arena, "SELECT LAST_INSERT_ID()",
		    0, "");
		if (id <= 0 || audit_log(c, "create", "team", id, "name", NULL,
		    name) == -1)
			return -1;
	} else if (db_exec(c->db, c->arena, sql_team_update, "sii", name,
	    leader, id) < 0 ||
	    audit_field(c, "team", id, "name", old_name, name) == -1)
		return -1;
	if (leader != old_leader && audit_field(c, "team", id, "leader",
	    arena_printf(c->arena, "%lld", old_leader),
	    arena_printf(c->arena, "%lld", leader)) == -1)
		return -1;
	/* The leader belongs to the team they lead. */
	if (admin_user_move(c, leader, id) == -1)
		return -1;
	return db_commit(c->db);
}

/*
 * Save the posted form over team id (0: a new one). Returns what to answer,
 * or -1 when the form must be shown again with its errors (status 422).
 */
static int
team_submit(struct ctx *c, long long id, const char *old_name,
    long long old_leader)
{
	struct form	f;

	if (form_read(c, team_fields, NITEMS(team_fields), &f) == 0) {
		if (team_save(c, id, &f, old_name, old_leader) == 0)
			return http_redirect(c, "/admin/teams");
		if (!db_last_was_duplicate(c->db))
			return 500;
		db_rollback(c->db);
		form_error(c, &f, "name", "admin.team.name_taken");
	}
	c->status = 422;
	return -1;
}

int
admin_team_create(struct ctx *c)
{
	int	rc;

	if (leader_options(c) == -1)
		return 500;
	rc = team_submit(c, 0, NULL, 0);
	return rc == -1 ? admin_teams(c) : rc;
}

/* Load team c->ids[0] into the page; 1 found, 0 not, -1 error. */
static int
team_load(struct ctx *c, const char **name, long long *leader)
{
	struct dbq	 q;
	HDF		*rows = ctx_node(c, "Members"), *row;
	int		 found = 0, n = 0;

	if (db_prepare(&q, c->db, c->arena, sql_team_get) == -1)
		return -1;
	db_bind_int(&q, 0, c->ids[0]);
	if (db_step(&q) == DB_ROW) {
		*name = db_str(&q, 0);
		*leader = db_int(&q, 1);
		found = 1;
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	if (!found)
		return 0;
	if (db_prepare(&q, c->db, c->arena, sql_members) == -1)
		return -1;
	db_bind_int(&q, 0, c->ids[0]);
	while (db_step(&q) == DB_ROW) {
		row = node_item(rows, n++);
		node_set(row, "id", db_text(&q, 0));
		node_set(row, "login", db_text(&q, 1));
		node_set(row, "name", db_text(&q, 2));
	}
	if (db_finish(&q) == DB_ERROR || leader_options(c) == -1)
		return -1;
	ctx_set_int(c, "Team.id", c->ids[0]);
	ctx_set(c, "Team.name", *name);
	return 1;
}

int
admin_team_edit(struct ctx *c)
{
	const char	*name;
	long long	 leader;
	int		 rc;

	if ((rc = team_load(c, &name, &leader)) != 1)
		return rc == 0 ? 404 : 500;
	form_fill(c, "name", name);
	if (leader != 0)
		form_fill(c, "leader", arena_printf(c->arena, "%lld", leader));
	return http_page(c, "admin/team_edit.cs");
}

int
admin_team_update(struct ctx *c)
{
	const char	*name;
	long long	 leader;
	int		 rc;

	if ((rc = team_load(c, &name, &leader)) != 1)
		return rc == 0 ? 404 : 500;
	rc = team_submit(c, c->ids[0], name, leader);
	return rc == -1 ? http_page(c, "admin/team_edit.cs") : rc;
}
