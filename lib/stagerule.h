/*
 * stagerule.h - the stage rules of the pipeline (SPEC 2.2), configured by
 * the administrator at /opportunities/rules: who is told when an
 * opportunity enters a stage (stage_recipient: a role's active members or
 * one user), and after how many hours without an update an opportunity
 * in an open stage is stale (stage_rule, default STALE_HOURS_DEFAULT).
 *
 * Every path that puts an opportunity in a stage (created in it, moved
 * there from its page or the board) calls stagerule_entered in its own
 * transaction. Staleness is computed when shown (STALE_SQL); the
 * scheduler tells each owner once per stage entry (stagerule_stale_scan).
 */
#ifndef CRM_STAGERULE_H
#define CRM_STAGERULE_H

struct arena;
struct db;

#define STALE_HOURS_DEFAULT	24
#define STALE_HOURS_MAX		8760	/* a year */

#define STAGERULE_STR(x)	#x
#define STAGERULE_XSTR(x)	STAGERULE_STR(x)
/*
 * 1 when the opportunity of alias o (its columns stage and updated_at)
 * is stale: its stage is open and it was not updated (entering the
 * stage is an update) within the stage's limit. The statement joins
 * the stage's settings with STALE_JOIN(o): two primary-key lookups of
 * small tables per row, cheaper as joins than as subqueries.
 */
#define STALE_JOIN(o)							\
    " LEFT JOIN opportunity_stage stale_s ON stale_s.code = " o ".stage"	\
    " LEFT JOIN stage_rule stale_r ON stale_r.stage = " o ".stage"
#define STALE_SQL(o)							\
    "(COALESCE(stale_s.outcome, 'open') = 'open'"			\
    " AND " o ".updated_at <= NOW() - INTERVAL"				\
    " COALESCE(stale_r.stale_hours, "					\
    STAGERULE_XSTR(STALE_HOURS_DEFAULT) ") HOUR)"

/*
 * Opportunity opp has just entered stage to from from (NULL: it was
 * created there), moved by actor: tell everyone the rules name for to,
 * but the actor. Call inside the change's transaction. 0, or -1.
 */
int	stagerule_entered(struct db *, struct arena *, long long opp,
	    const char *from, const char *to, long long actor);
/*
 * Tell the owner of each opportunity that has gone stale and was not
 * told so since it entered its stage; each in a transaction of its own,
 * claimed first, so that two schedulers never tell anyone twice. At most
 * batch opportunities per stage (0: all). The number told, or -1.
 */
long long stagerule_stale_scan(struct db *, struct arena *, int batch);

#endif
