/*
 * suite.c - runs every suite registered with UNIT_SUITE.
 */
#include <stdlib.h>

#include "suite.h"

#define MAX_SUITES	64

static unit_suite_fn	suites[MAX_SUITES];
static int		nsuites;

void
unit_register(unit_suite_fn fn)
{
	if (nsuites == MAX_SUITES)
		abort();
	suites[nsuites++] = fn;
}

int
suites_run(void)
{
	SRunner	*sr;
	int	 i, failed;

	if (nsuites == 0)
		return EXIT_FAILURE;
	sr = srunner_create(suites[0]());
	for (i = 1; i < nsuites; i++)
		srunner_add_suite(sr, suites[i]());
	srunner_run_all(sr, CK_NORMAL);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
