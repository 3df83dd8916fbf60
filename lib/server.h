/*
 * server.h - the FastCGI program: master, workers and the request loop.
 *
 * Standalone:	prog --config FILE --socket PATH [--workers N] [--pidfile F]
 *		A master opens the socket, pre-forks N workers and replaces any
 *		that die; SIGTERM stops them all.
 * mod_fcgid:	prog --config FILE
 *		The web server passes the listening socket as fd 0 and manages
 *		the processes itself, so the program does not fork.
 * Listing:	prog --routes
 *		Prints the route table (method, pattern, record type, action,
 *		flags; tab-separated) and exits, for the access matrix test.
 */
#ifndef CRM_SERVER_H
#define CRM_SERVER_H

struct program;

int	server_main(int argc, char *argv[], const struct program *);
/*
 * Write our pid to path, refusing (-1, said on stderr) when a live
 * process already owns it; tools/scheduler.c shares it.
 */
int	pidfile_claim(const char *path);

#endif
