/*
 * customers.c - the customer profile: list and search, detail, create,
 * edit, soft delete, and the contacts, follow-ups and orders on it.
 *
 * The route table says which action each page needs at all; the handlers,
 * in cgi-bin/customers/, check each record against the user's scope.
 */
#include "customers/customers.h"
#include "route.h"
#include "server.h"

static const struct route routes[] = {
	{ METHOD_GET, "/customers", customer_list, RT_CUSTOMER, ACT_VIEW, 0 },
	{ METHOD_GET, "/customers/new", customer_new, RT_CUSTOMER, ACT_CREATE,
	    0 },
	{ METHOD_GET, "/customers/export", customer_export, RT_CUSTOMER,
	    ACT_EXPORT, 0 },
	/* The custom fields a user shows as list columns. */
	{ METHOD_POST, "/customers/columns", customer_columns_save, RT_CUSTOMER,
	    ACT_VIEW, 0 },
	{ METHOD_POST, "/customers", customer_create, RT_CUSTOMER, ACT_CREATE,
	    0 },
	{ METHOD_GET, "/customers/%d", customer_detail, RT_CUSTOMER, ACT_VIEW,
	    0 },
	{ METHOD_GET, "/customers/%d/edit", customer_edit, RT_CUSTOMER,
	    ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d", customer_update, RT_CUSTOMER, ACT_EDIT,
	    0 },
	{ METHOD_POST, "/customers/%d/delete", customer_delete, RT_CUSTOMER,
	    ACT_DELETE, 0 },
	{ METHOD_POST, "/customers/%d/contacts", contact_create, RT_CONTACT,
	    ACT_CREATE, 0 },
	{ METHOD_GET, "/customers/%d/contacts/%d/edit", contact_edit,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d", contact_update,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d/delete", contact_delete,
	    RT_CONTACT, ACT_DELETE, 0 },
	{ METHOD_POST, "/customers/%d/contacts/%d/key", contact_make_key,
	    RT_CONTACT, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/followups", followup_create, RT_FOLLOWUP,
	    ACT_CREATE, 0 },
	{ METHOD_POST, "/customers/%d/followups/%d/done", followup_done,
	    RT_FOLLOWUP, ACT_EDIT, 0 },
	{ METHOD_POST, "/customers/%d/orders", order_create, RT_ORDER,
	    ACT_CREATE, 0 },
};

static const struct program customers = {
	"customers", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &customers);
}
