/*
 * choice_lists.c - the choice lists an administrator may edit.
 *
 * A module that stores a new list adds its name here, its seed rows in a
 * migration and choice_list.<name> to both language files. The name is
 * the list's address in the admin area, /admin/choices/<name>, so it is
 * never changed; the order here is the order of that area. A list some
 * form requires an option of is marked required: its last active option
 * cannot be deactivated.
 */
#include <stddef.h>

#include "choice.h"

const struct choice_list choice_lists[] = {
	{ "industry", 1 },
	{ "grade", 1 },
	{ "followup_method", 1 },
	{ "next_action", 1 },
	{ "product", 0 },
	{ "budget", 0 },
	{ "satisfaction", 0 },
	{ "opp_stage", 1 },
	{ "lead_source", 1 },
	{ "close_reason", 1 },	/* required when an opportunity closes */
	{ "payment_method", 1 },	/* every payment received has one */
};

const size_t choice_nlists = sizeof(choice_lists) / sizeof(choice_lists[0]);
