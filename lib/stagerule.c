/*
 * stagerule.c - running the stage rules: who hears of an opportunity
 * entering a stage, and who hears that one has gone stale.
 */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "notify.h"
#include "stagerule.h"

/* Enough for any company's role; a rule cannot flood the database. */
#define RECIPIENTS_MAX	"1000"
#define STALE_BATCH	100
#define STALE_BATCH_SQL	"100"
#define STAGES_MAX	64	/* open stages scanned; a list has a handful */

/*
 * A role's active members and the users named for the stage, each once,
 * in id order (the order their rows are locked in), but the actor, and
 * only those whose roles let them view the opportunity: a notice names
 * it, so it must not reach anyone the opportunity's page would refuse
 * (scopes 1 own, 2 team, 3 all, as in lib/perm.h).
 */
#define MAY_VIEW_OPPORTUNITY						\
    " AND EXISTS (SELECT 1 FROM user_role vr JOIN role_permission vp"	\
    " ON vp.role_id = vr.role_id AND vp.record_type = 'opportunity'"	\
    " AND vp.action = 'view' WHERE vr.user_id = u.id"			\
    " AND (vp.scope = 3 OR (vp.scope = 2 AND o.team_id = u.team_id)"	\
    " OR (vp.scope = 1 AND o.owner_id = u.id)))"
static const char sql_recipients[] =
    "SELECT u.id, u.lang, u.email FROM opportunity o"
    " JOIN stage_recipient r ON r.stage = ?"
    " JOIN app_user u ON u.id = r.user_id"
    " WHERE o.id = ? AND u.active = 1 AND u.id <> ?" MAY_VIEW_OPPORTUNITY
    " UNION SELECT u.id, u.lang, u.email FROM opportunity o"
    " JOIN stage_recipient r ON r.stage = ?"
    " JOIN user_role ur ON ur.role_id = r.role_id"
    " JOIN app_user u ON u.id = ur.user_id"
    " WHERE o.id = ? AND u.active = 1 AND u.id <> ?" MAY_VIEW_OPPORTUNITY
    " ORDER BY 1 LIMIT " RECIPIENTS_MAX;
static const char sql_stage_facts[] =
    "SELECT o.code, o.name, a.name, f.label_en, f.label_zh, t.label_en,"
    " t.label_zh FROM opportunity o LEFT JOIN app_user a ON a.id = ?"
    " LEFT JOIN choice f ON f.list = 'opp_stage' AND f.code = ?"
    " LEFT JOIN choice t ON t.list = 'opp_stage' AND t.code = ?"
    " WHERE o.id = ?";
/* Every stage that can hold an open opportunity, with its limit. */
static const char sql_open_stages[] =
    "SELECT c.code, COALESCE(r.stale_hours, "
    STAGERULE_XSTR(STALE_HOURS_DEFAULT) ") FROM choice c"
    " LEFT JOIN opportunity_stage s ON s.code = c.code"
    " LEFT JOIN stage_rule r ON r.stage = c.code"
    " WHERE c.list = 'opp_stage' AND COALESCE(s.outcome, 'open') = 'open'";
/* Index opportunity_stale: only those not yet told, oldest first. */
static const char sql_stale_due[] =
    "SELECT id FROM opportunity WHERE stage = ? AND deleted_at IS NULL"
    " AND stale_notice_at IS NULL"
    " AND updated_at <= NOW() - INTERVAL ? HOUR"
    " ORDER BY updated_at LIMIT " STALE_BATCH_SQL;
/* The claim: only one transaction turns stale_notice_at from NULL. */
static const char sql_stale_claim[] =
    "UPDATE opportunity SET stale_notice_at = NOW() WHERE id = ?"
    " AND stage = ? AND deleted_at IS NULL AND stale_notice_at IS NULL"
    " AND updated_at <= NOW() - INTERVAL ? HOUR";
static const char sql_stale_facts[] =
    "SELECT o.code, o.name, o.owner_id, u.lang, u.email, u.active,"
    " t.label_en, t.label_zh FROM opportunity o"
    " JOIN app_user u ON u.id = o.owner_id"
    " LEFT JOIN choice t ON t.list = 'opp_stage' AND t.code = o.stage"
    " WHERE o.id = ?";

struct recipients {
	struct recipient	*v;
	size_t			 n;
};

static int
recipients_load(struct db *db, struct arena *a, long long opp,
    const char *stage, long long actor, struct recipients *rs)
{
	struct dbq		 q;
	struct recipient	*r;
	size_t			 cap = 8;

	rs->n = 0;
	rs->v = arena_calloc(a, cap, sizeof(*rs->v));
	if (db_prepare(&q, db, a, sql_recipients) == -1)
		return -1;
	db_bind_text(&q, 0, stage);
	db_bind_int(&q, 1, opp);
	db_bind_int(&q, 2, actor);
	db_bind_text(&q, 3, stage);
	db_bind_int(&q, 4, opp);
	db_bind_int(&q, 5, actor);
	while (db_step(&q) == DB_ROW) {
		if (rs->n == cap) {
			r = arena_calloc(a, cap * 2, sizeof(*r));
			memcpy(r, rs->v, cap * sizeof(*r));
			rs->v = r;
			cap *= 2;
		}
		r = &rs->v[rs->n++];
		r->id = db_int(&q, 0);
		r->lang = db_str(&q, 1);
		r->email = db_text(&q, 2);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

int
stagerule_entered(struct db *db, struct arena *a, long long opp,
    const char *from, const char *to, long long actor)
{
	struct recipients	 rs;
	struct notice		 n;
	struct dbq		 q;
	size_t			 i;
	int			 found = 0;

	if (recipients_load(db, a, opp, to, actor, &rs) == -1)
		return -1;
	if (rs.n == 0)
		return 0;
	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_STAGE;
	n.opp_id = opp;
	n.actor_id = actor;
	n.from = from;
	n.to = to;
	if (db_prepare(&q, db, a, sql_stage_facts) == -1)
		return -1;
	db_bind_int(&q, 0, actor);
	db_bind_text(&q, 1, from);
	db_bind_text(&q, 2, to);
	db_bind_int(&q, 3, opp);
	if (db_step(&q) == DB_ROW) {
		found = 1;
		n.code = db_str(&q, 0);
		n.name = db_str(&q, 1);
		n.actor = db_str(&q, 2);
		n.from_label[0] = db_text(&q, 3);
		n.from_label[1] = db_text(&q, 4);
		n.to_label[0] = db_text(&q, 5);
		n.to_label[1] = db_text(&q, 6);
	}
	if (db_finish(&q) == DB_ERROR || !found)
		return -1;
	for (i = 0; i < rs.n; i++)
		if (notify(db, a, &rs.v[i], &n) == -1)
			return -1;
	return 0;
}

/*
 * Claim opportunity id as stale in stage after hours and tell its owner,
 * in one transaction: 1 if told (or claimed for an inactive owner), 0
 * if another scheduler or an update came first, -1 on error.
 */
static int
stale_tell(struct db *db, struct arena *a, long long id, const char *stage,
    int hours)
{
	struct notice		 n;
	struct recipient	 owner;
	struct dbq		 q;
	long long		 claimed;
	int			 active = 0;

	if (db_begin(db) == -1)
		return -1;
	if ((claimed = db_exec(db, a, sql_stale_claim, "isi", id, stage,
	    (long long)hours)) != 1) {
		db_rollback(db);
		return claimed == 0 ? 0 : -1;
	}
	memset(&n, 0, sizeof(n));
	n.kind = NOTICE_STALE;
	n.opp_id = id;
	n.to = stage;
	n.hours = hours;
	if (db_prepare(&q, db, a, sql_stale_facts) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	if (db_step(&q) == DB_ROW) {
		n.code = db_str(&q, 0);
		n.name = db_str(&q, 1);
		owner.id = db_int(&q, 2);
		owner.lang = db_str(&q, 3);
		owner.email = db_text(&q, 4);
		active = db_int(&q, 5) == 1;
		n.to_label[0] = db_text(&q, 6);
		n.to_label[1] = db_text(&q, 7);
	}
	if (db_finish(&q) == DB_ERROR ||
	    (active && notify(db, a, &owner, &n) == -1) ||
	    db_commit(db) == -1) {
		db_rollback(db);
		return -1;
	}
	return 1;
}

/* One stage: up to batch (0: every) stale opportunities told. */
static long long
stale_stage(struct db *db, struct arena *a, const char *stage, int hours,
    int batch)
{
	long long	 ids[STALE_BATCH], told = 0;
	struct dbq	 q;
	size_t		 n, i;
	int		 rc;

	do {
		n = 0;
		if (db_prepare(&q, db, a, sql_stale_due) == -1)
			return -1;
		db_bind_text(&q, 0, stage);
		db_bind_int(&q, 1, hours);
		while (db_step(&q) == DB_ROW && n < STALE_BATCH)
			ids[n++] = db_int(&q, 0);
		if (db_finish(&q) == DB_ERROR)
			return -1;
		/* Read whole before writing: one statement at a time. */
		for (i = 0; i < n; i++) {
			if ((rc = stale_tell(db, a, ids[i], stage, hours)) ==
			    -1)
				return -1;
			told += rc;
		}
	} while (n == STALE_BATCH && (batch == 0 || told < batch));
	return told;
}

long long
stagerule_stale_scan(struct db *db, struct arena *a, int batch)
{
	struct dbq	 q;
	const char	*stages[STAGES_MAX];
	int		 hours[STAGES_MAX];
	size_t		 n = 0, i;
	long long	 told = 0, t;

	if (db_prepare(&q, db, a, sql_open_stages) == -1)
		return -1;
	while (db_step(&q) == DB_ROW && n < STAGES_MAX) {
		stages[n] = db_str(&q, 0);
		hours[n++] = (int)db_int(&q, 1);
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	for (i = 0; i < n; i++) {
		if ((t = stale_stage(db, a, stages[i], hours[i], batch)) == -1)
			return -1;
		told += t;
	}
	return told;
}
