/*
 * choice_lists.c - the choice lists an administrator may edit.
 *
 * A module that stores a new list adds its name here, its seed rows in a
 * migration and choice_list.<name> to both language files. Append only:
 * a list's place in this array (from 1) is its address in the admin area,
 * /admin/choices/<place>.
 */
#include <stddef.h>

#include "choice.h"

const char *const choice_lists[] = {
	"industry",
	"grade",
	"followup_method",
	"next_action",
	"product",
	"budget",
	"satisfaction",
	"opp_stage",
	"lead_source",
	"close_reason",
};

const size_t choice_nlists = sizeof(choice_lists) / sizeof(choice_lists[0]);
