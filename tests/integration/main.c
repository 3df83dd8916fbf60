/*
 * main.c - the integration tests: every suite under tests/integration,
 * against the running instance named by CRM_TEST_BASE and
 * CRM_TEST_DB_SOCKET.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "dbtest.h"
#include "fixture.h"
#include "suite.h"

/*
 * After a full run the audit log holds every action the suites made the
 * programs write: each must have a label in the registry (lib/audit.c),
 * or the audit viewer and the record histories cannot name it.
 */
static int
audit_actions_registered(void)
{
	struct arena	*a = arena_new();
	char		*list, *action, *save;
	size_t		 i;
	int		 rc = EXIT_SUCCESS;

	list = tdb_str(a, "SELECT GROUP_CONCAT(DISTINCT action SEPARATOR ' ')"
	    " FROM audit_log", "");
	if (list == NULL)
		list = "";
	for (action = strtok_r(list, " ", &save); action != NULL;
	    action = strtok_r(NULL, " ", &save)) {
		for (i = 0; i < audit_nactions; i++)
			if (strcmp(audit_actions[i], action) == 0)
				break;
		if (i == audit_nactions) {
			fprintf(stderr, "audit action \"%s\" is written but not"
			    " in audit_actions (lib/audit.c)\n", action);
			rc = EXIT_FAILURE;
		}
	}
	arena_free(a);
	return rc;
}

int
main(void)
{
	int	rc;

	if (it_init() == -1)
		return EXIT_FAILURE;
	rc = suites_run();
	if (getenv("CK_RUN_SUITE") == NULL && audit_actions_registered() !=
	    EXIT_SUCCESS)
		rc = EXIT_FAILURE;
	it_finish();
	return rc;
}
