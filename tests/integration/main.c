/*
 * main.c - runs every integration suite registered with UNIT_SUITE
 * against the running instance named by CRM_TEST_BASE and
 * CRM_TEST_DB_SOCKET.
 */
#include <stdlib.h>

#include "fixture.h"
#include "suite.h"

#define IT_MAX_SUITES	32

static it_suite_fn	suites[IT_MAX_SUITES];
static int		nsuites;

void
it_register(it_suite_fn fn)
{
	if (nsuites == IT_MAX_SUITES)
		abort();
	suites[nsuites++] = fn;
}

int
main(void)
{
	SRunner	*sr;
	int	 i, failed;

	if (nsuites == 0 || it_init() == -1)
		return EXIT_FAILURE;
	sr = srunner_create(suites[0]());
	for (i = 1; i < nsuites; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	it_finish();
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
