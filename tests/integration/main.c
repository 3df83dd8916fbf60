/*
 * main.c - the integration tests: every suite under tests/integration,
 * against the running instance named by CRM_TEST_BASE and
 * CRM_TEST_DB_SOCKET.
 */
#include <stdlib.h>

#include "fixture.h"
#include "suite.h"

int
main(void)
{
	int	rc;

	if (it_init() == -1)
		return EXIT_FAILURE;
	rc = suites_run();
	it_finish();
	return rc;
}
