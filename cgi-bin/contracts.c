/*
 * contracts.c - contracts (SPEC 2.2, 合同): made from a won opportunity
 * or an accepted quote, approved by a director, with a payment schedule
 * and the payments received; their list, page and A4 print view, and
 * the overdue instalments with their CSV export.
 *
 * The route table says which action each page needs at all; the handlers,
 * in cgi-bin/contracts/, check each record against the user's scope.
 */
#include "contracts/contracts.h"
#include "route.h"
#include "server.h"

static const struct route routes[] = {
	{ METHOD_GET, "/contracts", contract_list, RT_CONTRACT, ACT_VIEW, 0 },
	{ METHOD_GET, "/contracts/overdue", contract_overdue, RT_CONTRACT,
	    ACT_VIEW, 0 },
	{ METHOD_GET, "/contracts/overdue/export", contract_overdue_export,
	    RT_CONTRACT, ACT_EXPORT, 0 },
	{ METHOD_GET, "/contracts/new", contract_new, RT_CONTRACT, ACT_CREATE,
	    0 },
	{ METHOD_POST, "/contracts", contract_create, RT_CONTRACT, ACT_CREATE,
	    0 },
	{ METHOD_GET, "/contracts/%d", contract_detail, RT_CONTRACT, ACT_VIEW,
	    0 },
	{ METHOD_GET, "/contracts/%d/print", contract_print, RT_CONTRACT,
	    ACT_VIEW, 0 },
	{ METHOD_GET, "/contracts/%d/edit", contract_edit, RT_CONTRACT,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/contracts/%d", contract_update, RT_CONTRACT,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/contracts/%d/delete", contract_delete, RT_CONTRACT,
	    ACT_DELETE, 0 },
	{ METHOD_POST, "/contracts/%d/submit", contract_submit, RT_CONTRACT,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/contracts/%d/decision", contract_decide, RT_CONTRACT,
	    ACT_APPROVE, 0 },
	/* Payments are recorded, and reversed, by whoever may edit it. */
	{ METHOD_POST, "/contracts/%d/payments", contract_payment,
	    RT_CONTRACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/contracts/%d/payments/%d/reverse",
	    contract_payment_reverse, RT_CONTRACT, ACT_EDIT, 0 },
};

static const struct program contracts = {
	"contracts", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &contracts);
}
