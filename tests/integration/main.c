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
#include "perm.h"
#include "suite.h"

static int
action_known(const char *action)
{
	size_t	i;

	for (i = 0; i < audit_nactions; i++)
		if (strcmp(audit_actions[i], action) == 0)
			return 1;
	return 0;
}

/* "-": a denial of a request whose route names no record type. */
static int
type_known(const char *type)
{
	size_t	i;

	if (strcmp(type, "-") == 0 || rtype_from_name(type) >= 0)
		return 1;
	for (i = 0; i < audit_nother_types; i++)
		if (strcmp(audit_other_types[i], type) == 0)
			return 1;
	return 0;
}

/*
 * After a full run the audit log holds every action and record type the
 * suites made the programs write: each must be in the registries
 * (lib/audit.c, lib/perm.c), or the audit viewer cannot name it or
 * filter on it. sql lists the distinct values, space-separated.
 */
static int
audit_registered(const char *sql, int (*known)(const char *),
    const char *what)
{
	struct arena	*a = arena_new();
	char		*list, *value, *save;
	int		 rc = EXIT_SUCCESS;

	list = tdb_str(a, sql, "");
	if (list == NULL)
		list = "";
	for (value = strtok_r(list, " ", &save); value != NULL;
	    value = strtok_r(NULL, " ", &save))
		if (!known(value)) {
			fprintf(stderr, "audit %s \"%s\" is written but not"
			    " registered\n", what, value);
			rc = EXIT_FAILURE;
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
	if (getenv("CK_RUN_SUITE") == NULL && (audit_registered(
	    "SELECT GROUP_CONCAT(DISTINCT action SEPARATOR ' ')"
	    " FROM audit_log", action_known, "action") != EXIT_SUCCESS ||
	    audit_registered("SELECT GROUP_CONCAT(DISTINCT record_type"
	    " SEPARATOR ' ') FROM audit_log", type_known, "record type") !=
	    EXIT_SUCCESS))
		rc = EXIT_FAILURE;
	it_finish();
	return rc;
}
