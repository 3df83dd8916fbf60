/*
 * opportunities.c - the sales pipeline (SPEC 2.2): opportunities in a
 * list and on a board by stage, their detail page with the stage
 * history, create and edit, stage changes, the confirmation of a win
 * probability, the default probability of each stage, the stage rules
 * (who is notified, when one is stale), and the quotes of an
 * opportunity with their print view and their approval.
 *
 * The route table says which action each page needs at all; the handlers,
 * in cgi-bin/opportunities/, check each record against the user's scope.
 */
#include "opportunities/opportunities.h"
#include "route.h"
#include "server.h"

static const struct route routes[] = {
	{ METHOD_GET, "/opportunities", opp_list, RT_OPPORTUNITY, ACT_VIEW,
	    0 },
	{ METHOD_GET, "/opportunities/board", opp_board, RT_OPPORTUNITY,
	    ACT_VIEW, 0 },
	{ METHOD_GET, "/opportunities/new", opp_new, RT_OPPORTUNITY,
	    ACT_CREATE, 0 },
	{ METHOD_POST, "/opportunities", opp_create, RT_OPPORTUNITY,
	    ACT_CREATE, 0 },
	{ METHOD_GET, "/opportunities/%d", opp_detail, RT_OPPORTUNITY,
	    ACT_VIEW, 0 },
	{ METHOD_GET, "/opportunities/%d/edit", opp_edit, RT_OPPORTUNITY,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d", opp_update, RT_OPPORTUNITY,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/stage", opp_stage_change,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/confirm", opp_confirm,
	    RT_OPPORTUNITY, ACT_APPROVE, 0 },
	/*
	 * Quotes belong to their opportunity: viewing one needs view on
	 * it, writing one edit, both within its scope.
	 */
	{ METHOD_GET, "/opportunities/%d/quotes/new", quote_new,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/quotes", quote_create,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_GET, "/opportunities/%d/quotes/%d", quote_detail,
	    RT_OPPORTUNITY, ACT_VIEW, 0 },
	{ METHOD_GET, "/opportunities/%d/quotes/%d/print", quote_print,
	    RT_OPPORTUNITY, ACT_VIEW, 0 },
	{ METHOD_GET, "/opportunities/%d/quotes/%d/edit", quote_edit,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_GET, "/opportunities/%d/quotes/%d/copy", quote_copy,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/quotes/%d", quote_update,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/quotes/%d/status", quote_status,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	{ METHOD_POST, "/opportunities/%d/quotes/%d/submit", quote_submit,
	    RT_OPPORTUNITY, ACT_EDIT, 0 },
	/* A quote that gives a discount needs a director's decision. */
	{ METHOD_POST, "/opportunities/%d/quotes/%d/decision", quote_decide,
	    RT_OPPORTUNITY, ACT_APPROVE, 0 },
	/*
	 * The stages' default probabilities are settings of the whole
	 * pipeline: administration, like the choice lists that name them.
	 */
	{ METHOD_GET, "/opportunities/stages", opp_stages, RT_USER, ACT_VIEW,
	    ROUTE_REAUTH },
	{ METHOD_POST, "/opportunities/stages", opp_stages_save, RT_USER,
	    ACT_EDIT, ROUTE_REAUTH },
	/* So are the stage rules: who is notified, when one is stale. */
	{ METHOD_GET, "/opportunities/rules", opp_rules, RT_USER, ACT_VIEW,
	    ROUTE_REAUTH },
	{ METHOD_POST, "/opportunities/rules", opp_rules_save, RT_USER,
	    ACT_EDIT, ROUTE_REAUTH },
	{ METHOD_POST, "/opportunities/rules/recipients", opp_rule_add,
	    RT_USER, ACT_EDIT, ROUTE_REAUTH },
	{ METHOD_POST, "/opportunities/rules/recipients/%d/delete",
	    opp_rule_remove, RT_USER, ACT_EDIT, ROUTE_REAUTH },
};

static const struct program opportunities = {
	"opportunities", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &opportunities);
}
