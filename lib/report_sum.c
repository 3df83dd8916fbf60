/*
 * report_sum.c - the report summaries, kept one opportunity at a time,
 * or rebuilt whole.
 *
 * An opportunity adds to three summaries:
 *  - report_funnel, under its lead month: to the stage it is in, one
 *    opportunity, its amount and its entry time; to every stage its
 *    history ever entered, one "reached"; and for every stage change
 *    followed by another, one visit of that stage with its length;
 *  - report_forecast, while open, under its expected close month: one,
 *    its amount, and amount x probability;
 *  - report_outcome, once won or lost, under the month it closed and its
 *    close reason: one and its amount.
 * An update works out the part before (the remembered row and the stage
 * changes it had counted) and after (the row and its whole history now),
 * merges the two into differences per summary row and adds those. Rows
 * are written in key order, so that two updates lock them in the same
 * order. The rebuild computes the same parts with GROUP BY over the base
 * tables; the integration tests compare the two.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "money.h"
#include "report_sum.h"

#define NITEMS(a)	(sizeof(a) / sizeof((a)[0]))

/* The opportunity as now stored. Its row is the caller's, locked. */
static const char sql_opp_now[] =
    "SELECT COALESCE(team_id, 0), owner_id,"
    " DATE_FORMAT(lead_date, '%Y-%m-01'),"
    " DATE_FORMAT(expected_close, '%Y-%m-01'),"
    " DATE_FORMAT(stage_entered_at, '%Y-%m-01'), stage,"
    " COALESCE(close_reason, ''), amount, probability,"
    " TIMESTAMPDIFF(SECOND, '1970-01-01', stage_entered_at)"
    " FROM opportunity WHERE id = ? AND deleted_at IS NULL FOR UPDATE";
/* Not in the statement above: FOR UPDATE would lock the stage's row. */
static const char sql_stage_outcome[] =
    "SELECT outcome FROM opportunity_stage WHERE code = ?";
/* Shared locks: read the latest, whatever this transaction read before. */
static const char sql_history[] =
    "SELECT id, to_stage, TIMESTAMPDIFF(SECOND, '1970-01-01', at)"
    " FROM opportunity_stage_change WHERE opportunity_id = ?"
    " ORDER BY id LOCK IN SHARE MODE";
static const char sql_counted[] =
    "SELECT team_id, owner_id, lead_month, close_month, closed_month,"
    " stage, close_reason, cents, probability, entered_secs, outcome,"
    " last_change_id"
    " FROM report_opportunity WHERE opportunity_id = ? FOR UPDATE";
static const char sql_counted_save[] =
    "INSERT INTO report_opportunity (team_id, owner_id, lead_month,"
    " close_month, closed_month, stage, close_reason, cents, probability,"
    " entered_secs, outcome, last_change_id, opportunity_id)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE team_id = VALUES(team_id),"
    " owner_id = VALUES(owner_id), lead_month = VALUES(lead_month),"
    " close_month = VALUES(close_month),"
    " closed_month = VALUES(closed_month), stage = VALUES(stage),"
    " close_reason = VALUES(close_reason), cents = VALUES(cents),"
    " probability = VALUES(probability),"
    " entered_secs = VALUES(entered_secs), outcome = VALUES(outcome),"
    " last_change_id = VALUES(last_change_id)";
static const char sql_counted_drop[] =
    "DELETE FROM report_opportunity WHERE opportunity_id = ?";
static const char sql_funnel_add[] =
    "INSERT INTO report_funnel (month, team_id, owner_id, stage,"
    " open_count, open_cents, entered_secs, reached, visits, visit_secs)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
    " open_count = open_count + VALUES(open_count),"
    " open_cents = open_cents + VALUES(open_cents),"
    " entered_secs = entered_secs + VALUES(entered_secs),"
    " reached = reached + VALUES(reached),"
    " visits = visits + VALUES(visits),"
    " visit_secs = visit_secs + VALUES(visit_secs)";
static const char sql_forecast_add[] =
    "INSERT INTO report_forecast (month, team_id, owner_id, open_count,"
    " open_cents, weighted) VALUES (?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE open_count = open_count + VALUES(open_count),"
    " open_cents = open_cents + VALUES(open_cents),"
    " weighted = weighted + VALUES(weighted)";
static const char sql_outcome_add[] =
    "INSERT INTO report_outcome (month, team_id, owner_id, outcome,"
    " close_reason, closed_count, closed_cents) VALUES (?, ?, ?, ?, ?, ?, ?)"
    " ON DUPLICATE KEY UPDATE"
    " closed_count = closed_count + VALUES(closed_count),"
    " closed_cents = closed_cents + VALUES(closed_cents)";

/*
 * The rebuild first takes shared locks on every opportunity and stage
 * change, as a writer takes its opportunity's before the rest: a writer
 * under way finishes first, the next waits for the commit and then
 * finds the parts the rebuild counted, and neither holds what the other
 * waits for. By the primary keys, where a writer locks its row and
 * where an insert starts: a scan of another index would pass a row a
 * writer holds and meet it later.
 */
static const char *const sql_rebuild_locks[] = {
	"SELECT COUNT(*) FROM opportunity FORCE INDEX (PRIMARY)"
	" LOCK IN SHARE MODE",
	"SELECT COUNT(*) FROM opportunity_stage_change FORCE INDEX (PRIMARY)"
	" LOCK IN SHARE MODE",
};
/* Then, in order: */
static const char *const sql_rebuild[] = {
	"DELETE FROM report_funnel",
	"DELETE FROM report_forecast",
	"DELETE FROM report_outcome",
	"DELETE FROM report_opportunity",
	"INSERT INTO report_opportunity (opportunity_id, team_id, owner_id,"
	" lead_month, close_month, closed_month, stage, close_reason, cents,"
	" probability, entered_secs, outcome, last_change_id)"
	" SELECT o.id, COALESCE(o.team_id, 0), o.owner_id,"
	" DATE_FORMAT(o.lead_date, '%Y-%m-01'),"
	" DATE_FORMAT(o.expected_close, '%Y-%m-01'),"
	" DATE_FORMAT(o.stage_entered_at, '%Y-%m-01'), o.stage,"
	" COALESCE(o.close_reason, ''), ROUND(o.amount * 100), o.probability,"
	" TIMESTAMPDIFF(SECOND, '1970-01-01', o.stage_entered_at),"
	" COALESCE(s.outcome, 'open'), COALESCE(h.last_id, 0)"
	" FROM opportunity o"
	" LEFT JOIN opportunity_stage s ON s.code = o.stage"
	" LEFT JOIN (SELECT opportunity_id, MAX(id) AS last_id"
	"  FROM opportunity_stage_change GROUP BY opportunity_id) h"
	"  ON h.opportunity_id = o.id"
	" WHERE o.deleted_at IS NULL",
	"INSERT INTO report_forecast (month, team_id, owner_id, open_count,"
	" open_cents, weighted)"
	" SELECT close_month, team_id, owner_id, COUNT(*), SUM(cents),"
	" SUM(cents * probability) FROM report_opportunity"
	" WHERE outcome = 'open' GROUP BY close_month, team_id, owner_id",
	"INSERT INTO report_outcome (month, team_id, owner_id, outcome,"
	" close_reason, closed_count, closed_cents)"
	" SELECT closed_month, team_id, owner_id, outcome, close_reason,"
	" COUNT(*), SUM(cents) FROM report_opportunity"
	" WHERE outcome <> 'open'"
	" GROUP BY closed_month, team_id, owner_id, outcome, close_reason",
	"INSERT INTO report_funnel (month, team_id, owner_id, stage,"
	" open_count, open_cents, entered_secs)"
	" SELECT lead_month, team_id, owner_id, stage, COUNT(*), SUM(cents),"
	" SUM(entered_secs) FROM report_opportunity"
	" GROUP BY lead_month, team_id, owner_id, stage",
	/* A visit ends where the next stage change of the same one starts. */
	"INSERT INTO report_funnel (month, team_id, owner_id, stage, reached,"
	" visits, visit_secs)"
	" SELECT r.lead_month, r.team_id, r.owner_id, v.to_stage,"
	" COUNT(DISTINCT v.opportunity_id), COUNT(v.secs),"
	" COALESCE(SUM(v.secs), 0)"
	" FROM (SELECT opportunity_id, to_stage, TIMESTAMPDIFF(SECOND, at,"
	"  LEAD(at) OVER (PARTITION BY opportunity_id ORDER BY id)) AS secs"
	"  FROM opportunity_stage_change) v"
	" JOIN report_opportunity r ON r.opportunity_id = v.opportunity_id"
	" GROUP BY r.lead_month, r.team_id, r.owner_id, v.to_stage"
	" ON DUPLICATE KEY UPDATE reached = VALUES(reached),"
	" visits = VALUES(visits), visit_secs = VALUES(visit_secs)",
};

enum sum_table { SUM_FUNNEL, SUM_FORECAST, SUM_OUTCOME };

/* The values of a summary row, in the order of its INSERT. */
enum { V_COUNT, V_CENTS, V_ENTERED, V_REACHED, V_VISITS, V_VISIT_SECS,
    V__MAX };
#define V_WEIGHTED	V_ENTERED	/* forecast: the third value */

/* One summary row's key and what to add to it. */
struct cell {
	enum sum_table	 table;
	const char	*month;
	long long	 team, owner;
	const char	*k1, *k2;	/* stage; or outcome and reason */
	long long	 v[V__MAX];
};

/* What an opportunity adds, before or after the change. */
struct part {
	int		 present;	/* stored and not deleted */
	long long	 team, owner, cents, probability, entered, last_change;
	const char	*lead_month, *close_month, *closed_month;
	const char	*stage, *reason, *outcome;
};

struct change {
	long long	 id, at;	/* at: seconds since 1970 */
	const char	*stage;
};

struct cells {
	struct cell	*c;
	size_t		 n, max;
};

static struct cell *
cell_add(struct cells *cs, enum sum_table t, const struct part *p,
    const char *month, const char *k1, const char *k2)
{
	struct cell	*c;

	if (cs->n == cs->max)
		abort();	/* sized by the caller: cannot happen */
	c = &cs->c[cs->n++];
	memset(c, 0, sizeof(*c));
	c->table = t;
	c->month = month;
	c->team = p->team;
	c->owner = p->owner;
	c->k1 = k1;
	c->k2 = k2 ? k2 : "";
	return c;
}

/* Whether history entry i is the first that entered its stage. */
static int
first_entry(const struct change *h, size_t i)
{
	size_t	j;

	for (j = 0; j < i; j++)
		if (strcmp(h[j].stage, h[i].stage) == 0)
			return 0;
	return 1;
}

/*
 * Add sign x the part of p, with the first nh entries of its history,
 * to the cells.
 */
static void
part_cells(struct cells *cs, const struct part *p, const struct change *h,
    size_t nh, long long sign)
{
	struct cell	*c;
	size_t		 i;

	if (!p->present)
		return;
	c = cell_add(cs, SUM_FUNNEL, p, p->lead_month, p->stage, NULL);
	c->v[V_COUNT] = sign;
	c->v[V_CENTS] = sign * p->cents;
	c->v[V_ENTERED] = sign * p->entered;
	for (i = 0; i < nh; i++) {
		c = cell_add(cs, SUM_FUNNEL, p, p->lead_month, h[i].stage,
		    NULL);
		c->v[V_REACHED] = first_entry(h, i) ? sign : 0;
		if (i + 1 < nh) {
			c->v[V_VISITS] = sign;
			c->v[V_VISIT_SECS] = sign * (h[i + 1].at - h[i].at);
		}
	}
	if (strcmp(p->outcome, "open") == 0) {
		c = cell_add(cs, SUM_FORECAST, p, p->close_month, "", NULL);
		c->v[V_COUNT] = sign;
		c->v[V_CENTS] = sign * p->cents;
		c->v[V_WEIGHTED] = sign * p->cents * p->probability;
	} else {
		c = cell_add(cs, SUM_OUTCOME, p, p->closed_month, p->outcome,
		    p->reason);
		c->v[V_COUNT] = sign;
		c->v[V_CENTS] = sign * p->cents;
	}
}

static int
cell_cmp(const void *a, const void *b)
{
	const struct cell	*x = a, *y = b;
	int			 d;

	if (x->table != y->table)
		return x->table < y->table ? -1 : 1;
	if ((d = strcmp(x->month, y->month)) != 0)
		return d;
	if (x->team != y->team)
		return x->team < y->team ? -1 : 1;
	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	if ((d = strcmp(x->k1, y->k1)) != 0)
		return d;
	return strcmp(x->k2, y->k2);
}

static int
cell_write(struct db *db, struct arena *a, const struct cell *c)
{
	const long long	*v = c->v;

	switch (c->table) {
	case SUM_FUNNEL:
		return db_exec(db, a, sql_funnel_add, "siisiiiiii", c->month,
		    c->team, c->owner, c->k1, v[0], v[1], v[2], v[3], v[4],
		    v[5]) < 0 ? -1 : 0;
	case SUM_FORECAST:
		return db_exec(db, a, sql_forecast_add, "siiiii", c->month,
		    c->team, c->owner, v[V_COUNT], v[V_CENTS],
		    v[V_WEIGHTED]) < 0 ? -1 : 0;
	case SUM_OUTCOME:
		return db_exec(db, a, sql_outcome_add, "siissii", c->month,
		    c->team, c->owner, c->k1, c->k2, v[V_COUNT],
		    v[V_CENTS]) < 0 ? -1 : 0;
	}
	return -1;
}

/* Merge the cells of equal keys and write the ones that changed. */
static int
cells_write(struct db *db, struct arena *a, struct cells *cs)
{
	size_t	i, j, k;
	int	zero;

	qsort(cs->c, cs->n, sizeof(cs->c[0]), cell_cmp);
	for (i = 0; i < cs->n; i = j) {
		for (j = i + 1; j < cs->n && cell_cmp(&cs->c[i],
		    &cs->c[j]) == 0; j++)
			for (k = 0; k < V__MAX; k++)
				cs->c[i].v[k] += cs->c[j].v[k];
		for (zero = 1, k = 0; k < V__MAX; k++)
			zero = zero && cs->c[i].v[k] == 0;
		if (!zero && cell_write(db, a, &cs->c[i]) == -1)
			return -1;
	}
	return 0;
}

/*
 * The columns both readings of a part share: sql_opp_now and sql_counted
 * list them in the same order; column 7 is the amount, as each keeps it.
 */
static void
part_read(const struct dbq *q, struct part *p)
{
	p->present = 1;
	p->team = db_int(q, 0);
	p->owner = db_int(q, 1);
	p->lead_month = db_str(q, 2);
	p->close_month = db_str(q, 3);
	p->closed_month = db_str(q, 4);
	p->stage = db_str(q, 5);
	p->reason = db_str(q, 6);
	p->probability = db_int(q, 8);
	p->entered = db_int(q, 9);
}

static int
part_now(struct db *db, struct arena *a, long long id, struct part *p)
{
	struct dbq	q;

	memset(p, 0, sizeof(*p));
	if (db_prepare(&q, db, a, sql_opp_now) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	if (db_step(&q) == DB_ROW) {
		part_read(&q, p);
		p->cents = money_cents(db_str(&q, 7));
	}
	if (db_finish(&q) == DB_ERROR || p->cents < 0)
		return -1;
	p->outcome = "open";
	if (!p->present)
		return 0;
	if (db_prepare(&q, db, a, sql_stage_outcome) == -1)
		return -1;
	db_bind_text(&q, 0, p->stage);
	if (db_step(&q) == DB_ROW)
		p->outcome = db_str(&q, 0);
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

static int
part_counted(struct db *db, struct arena *a, long long id, struct part *p)
{
	struct dbq	q;

	memset(p, 0, sizeof(*p));
	if (db_prepare(&q, db, a, sql_counted) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	if (db_step(&q) == DB_ROW) {
		part_read(&q, p);
		p->cents = db_int(&q, 7);
		p->outcome = db_str(&q, 10);
		p->last_change = db_int(&q, 11);
	}
	return db_finish(&q) == DB_ERROR ? -1 : 0;
}

/* The stage history, oldest first; its length, or -1. */
static long long
history(struct db *db, struct arena *a, long long id, struct change **out)
{
	struct dbq	 q;
	struct change	*h = NULL, *grown;
	size_t		 n = 0, max = 0;

	if (db_prepare(&q, db, a, sql_history) == -1)
		return -1;
	db_bind_int(&q, 0, id);
	while (db_step(&q) == DB_ROW) {
		if (n == max) {
			max = max ? max * 2 : 16;
			grown = arena_calloc(a, max, sizeof(*h));
			if (n > 0)
				memcpy(grown, h, n * sizeof(*h));
			h = grown;
		}
		h[n].id = db_int(&q, 0);
		h[n].stage = db_str(&q, 1);
		h[n].at = db_int(&q, 2);
		n++;
	}
	if (db_finish(&q) == DB_ERROR)
		return -1;
	*out = h;
	return (long long)n;
}

static int
counted_save(struct db *db, struct arena *a, long long id,
    const struct part *p)
{
	if (!p->present)
		return db_exec(db, a, sql_counted_drop, "i", id) < 0 ? -1 : 0;
	return db_exec(db, a, sql_counted_save, "iisssssiiisii", p->team,
	    p->owner, p->lead_month, p->close_month, p->closed_month, p->stage,
	    p->reason, p->cents, p->probability, p->entered, p->outcome,
	    p->last_change, id) < 0 ? -1 : 0;
}

/*
 * An owner's rows under a team other than the owner's, merged into the
 * rows of the owner's team (the same key but the team: such a row may be
 * there already) and then deleted. The parameter: the owner.
 */
#define OWNER_ELSEWHERE(r)						\
    " JOIN app_user u ON u.id = " r ".owner_id WHERE " r ".owner_id = ?"	\
    " AND " r ".team_id <> COALESCE(u.team_id, 0)"
static const char *const sql_follow_owner[] = {
	"INSERT INTO report_funnel (month, team_id, owner_id, stage,"
	" open_count, open_cents, entered_secs, reached, visits, visit_secs)"
	" SELECT r.month, COALESCE(u.team_id, 0), r.owner_id, r.stage,"
	" r.open_count, r.open_cents, r.entered_secs, r.reached, r.visits,"
	" r.visit_secs FROM report_funnel r" OWNER_ELSEWHERE("r")
	" ON DUPLICATE KEY UPDATE"
	" open_count = report_funnel.open_count + VALUES(open_count),"
	" open_cents = report_funnel.open_cents + VALUES(open_cents),"
	" entered_secs ="
	" report_funnel.entered_secs + VALUES(entered_secs),"
	" reached = report_funnel.reached + VALUES(reached),"
	" visits = report_funnel.visits + VALUES(visits),"
	" visit_secs ="
	" report_funnel.visit_secs + VALUES(visit_secs)",
	"DELETE r FROM report_funnel r" OWNER_ELSEWHERE("r"),
	"INSERT INTO report_forecast (month, team_id, owner_id, open_count,"
	" open_cents, weighted)"
	" SELECT r.month, COALESCE(u.team_id, 0), r.owner_id, r.open_count,"
	" r.open_cents, r.weighted FROM report_forecast r" OWNER_ELSEWHERE("r")
	" ON DUPLICATE KEY UPDATE"
	" open_count = report_forecast.open_count + VALUES(open_count),"
	" open_cents ="
	" report_forecast.open_cents + VALUES(open_cents),"
	" weighted = report_forecast.weighted + VALUES(weighted)",
	"DELETE r FROM report_forecast r" OWNER_ELSEWHERE("r"),
	"INSERT INTO report_outcome (month, team_id, owner_id, outcome,"
	" close_reason, closed_count, closed_cents)"
	" SELECT r.month, COALESCE(u.team_id, 0), r.owner_id, r.outcome,"
	" r.close_reason, r.closed_count, r.closed_cents"
	" FROM report_outcome r" OWNER_ELSEWHERE("r")
	" ON DUPLICATE KEY UPDATE"
	" closed_count ="
	" report_outcome.closed_count + VALUES(closed_count),"
	" closed_cents ="
	" report_outcome.closed_cents + VALUES(closed_cents)",
	"DELETE r FROM report_outcome r" OWNER_ELSEWHERE("r"),
	"UPDATE report_opportunity r JOIN app_user u ON u.id = r.owner_id"
	" SET r.team_id = COALESCE(u.team_id, 0) WHERE r.owner_id = ?",
};

int
report_sum_follow_owner(struct db *db, struct arena *a, long long owner)
{
	size_t	i;

	for (i = 0; i < NITEMS(sql_follow_owner); i++)
		if (db_exec(db, a, sql_follow_owner[i], "i", owner) < 0)
			return -1;
	return 0;
}

int
report_sum_update(struct db *db, struct arena *a, long long id)
{
	struct part	 before, after;
	struct change	*h = NULL;
	struct cells	 cs;
	long long	 nh;
	size_t		 nbefore;

	if (part_now(db, a, id, &after) == -1 ||
	    (nh = history(db, a, id, &h)) == -1 ||
	    part_counted(db, a, id, &before) == -1)
		return -1;
	after.last_change = nh > 0 ? h[nh - 1].id : 0;
	for (nbefore = 0; nbefore < (size_t)nh &&
	    h[nbefore].id <= before.last_change; nbefore++)
		;
	/* Each part: a funnel row per history entry, its stage, one more. */
	cs.n = 0;
	cs.max = 2 * ((size_t)nh + 2);
	cs.c = arena_calloc(a, cs.max, sizeof(*cs.c));
	part_cells(&cs, &before, h, nbefore, -1);
	part_cells(&cs, &after, h, (size_t)nh, 1);
	if (cells_write(db, a, &cs) == -1)
		return -1;
	return counted_save(db, a, id, &after);
}

int
report_sum_rebuild(struct db *db, struct arena *a)
{
	size_t	i;

	for (i = 0; i < NITEMS(sql_rebuild_locks); i++)
		if (db_int_query(db, a, sql_rebuild_locks[i], -1, "") < 0)
			return -1;
	for (i = 0; i < NITEMS(sql_rebuild); i++)
		if (db_exec(db, a, sql_rebuild[i], "") < 0)
			return -1;
	return 0;
}
