/*
 * reports.c - the reports of the sales pipeline (SPEC 5): the sales
 * funnel, the weighted forecast, win and loss reasons, rep and team
 * performance; each as a page with filters and a chart, an A4 print
 * view and a CSV export.
 *
 * The route table says which action each page needs; the report grant's
 * scope says whose figures it covers (cgi-bin/reports/filter.c). A
 * report's name in the path picks it; an unknown one answers 404.
 */
#include "reports/reports.h"
#include "route.h"
#include "server.h"

static const struct route routes[] = {
	{ METHOD_GET, "/reports", reports_index, RT_REPORT, ACT_VIEW, 0 },
	{ METHOD_GET, "/reports/%s", report_page, RT_REPORT, ACT_VIEW, 0 },
	{ METHOD_GET, "/reports/%s/print", report_print, RT_REPORT, ACT_VIEW,
	    0 },
	{ METHOD_GET, "/reports/%s/export", report_export, RT_REPORT,
	    ACT_EXPORT, 0 },
};

static const struct program reports = {
	"reports", routes, sizeof(routes) / sizeof(routes[0])
};

int
main(int argc, char *argv[])
{
	return server_main(argc, argv, &reports);
}
