/*
 * report_sum.h - the summaries the pipeline reports read
 * (sql/016_reports.sql): per month, team, owner and stage or close
 * reason, kept in step with the opportunities.
 *
 * Each opportunity's part in the summaries is remembered
 * (report_opportunity). After any change to an opportunity, in the
 * transaction that made it, report_sum_update takes that part away and
 * adds the opportunity's part as it now stands: whatever changed (stage,
 * amount, probability, owner, dates, a new stage change, deletion), the
 * summaries follow. Every write path of an opportunity calls it once.
 * report_sum_rebuild makes all of them again from the base tables: bulk
 * loaders and the demo data run it (crmctl report-rebuild).
 */
#ifndef CRM_REPORT_SUM_H
#define CRM_REPORT_SUM_H

struct arena;
struct db;

/*
 * Bring the summaries in line with opportunity id, inside the caller's
 * transaction, after its row was inserted, updated or deleted there (so
 * that this transaction holds its lock). 0, or -1 on a database error.
 */
int	 report_sum_update(struct db *, struct arena *, long long id);
/*
 * Count all of owner's part under the owner's team, after the owner
 * moved to another team and took their opportunities along, inside the
 * caller's transaction. 0, or -1 on a database error.
 */
int	 report_sum_follow_owner(struct db *, struct arena *, long long owner);
/*
 * Empty the summaries and make them again from every opportunity and
 * its stage history, inside the caller's transaction. Programs that
 * write meanwhile wait for it. 0, or -1 on a database error.
 */
int	 report_sum_rebuild(struct db *, struct arena *);

#endif
