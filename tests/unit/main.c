/*
 * main.c - the unit tests: every suite under tests/unit.
 */
#include "suite.h"

int
main(void)
{
	return suites_run();
}
