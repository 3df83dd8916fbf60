/*
 * server.c - process model and the per-request cycle.
 *
 * Everything that is the same for every request is done once before fork:
 * configuration, crypto and ClearSilver initialisation, the language
 * catalogues. Each worker then opens its own database connection and serves
 * requests one at a time: a fresh arena, context and HDF per request, all
 * released before the next accept.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcgiapp.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "config.h"
#include "ctx.h"
#include "db.h"
#include "fieldcrypt.h"
#include "http.h"
#include "log.h"
#include "route.h"
#include "server.h"
#include "tmpl.h"
#include "token.h"

#define MAX_WORKERS	64

static volatile sig_atomic_t	stopping;

/* libfcgi retries an interrupted accept() unless told we are stopping. */
static void
on_term(int sig)
{
	(void)sig;
	stopping = 1;
	FCGX_ShutdownPending();
}

/* Without SA_RESTART, so a blocked accept() returns and the loop ends. */
static void
catch_term(void)
{
	struct sigaction	sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_term;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

static long
body_reader(void *ctx, char *p, size_t n)
{
	int	got;

	if (n > 65536)
		n = 65536;
	got = FCGX_GetStr(p, (int)n, ctx);
	return got < 0 ? -1 : got;
}

static void
serve_one(const struct program *p, FCGX_Request *fr, struct arena *a,
    struct db *db)
{
	struct ctx	c;
	enum req_err	e;

	ctx_init(&c, a, db);
	e = req_parse(&c.req, a, fr->envp, body_reader, fr->in);
	if (e == REQ_OK)
		route_dispatch(p, &c);
	else if (e == REQ_ERR_TOO_LARGE)
		http_error(&c, 413, NULL);
	else if (e == REQ_ERR_BAD_UTF8) {
		ctx_set(&c, "Error.detail", ctx_msg(&c, "error.bad_utf8"));
		http_error(&c, 400, NULL);
	} else
		http_error(&c, 400, NULL);
	http_send(&c, fr->out);
	ctx_end(&c);
}

/* The worker loop: returns when asked to stop or the listener fails. */
static void
worker_loop(const struct program *p, int listen_fd)
{
	FCGX_Request	 fr;
	struct arena	*a;
	struct db	*db;

	if ((db = db_open()) == NULL)
		return;
	a = arena_new();
	FCGX_InitRequest(&fr, listen_fd, 0);
	while (!stopping && FCGX_Accept_r(&fr) >= 0) {
		serve_one(p, &fr, a, db);
		FCGX_Finish_r(&fr);
		arena_reset(a);
	}
	FCGX_Free(&fr, 1);
	arena_free(a);
	db_close(db);
	tmpl_shutdown();
}

static pid_t
spawn(const struct program *p, int fd)
{
	pid_t	pid;

	if ((pid = fork()) == -1) {
		log_error(NULL, "fork: %s", strerror(errno));
		return -1;
	}
	if (pid == 0) {
		catch_term();
		signal(SIGINT, SIG_DFL);
		worker_loop(p, fd);
		_exit(0);
	}
	return pid;
}

int
pidfile_claim(const char *path)
{
	FILE	*f;
	long	 pid;

	if ((f = fopen(path, "r")) != NULL) {
		if (fscanf(f, "%ld", &pid) == 1 && pid > 0 &&
		    kill((pid_t)pid, 0) == 0) {
			fclose(f);
			fprintf(stderr, "already running as pid %ld (%s)\n",
			    pid, path);
			return -1;
		}
		fclose(f);
	}
	if ((f = fopen(path, "w")) == NULL) {
		fprintf(stderr, "%s: %s\n", path, strerror(errno));
		return -1;
	}
	fprintf(f, "%ld\n", (long)getpid());
	fclose(f);
	return 0;
}

static int
master(const struct program *p, const char *sock, int nworkers,
    const char *pidfile)
{
	pid_t		 kids[MAX_WORKERS], pid;
	int		 fd, i, status;

	if (pidfile != NULL && pidfile_claim(pidfile) == -1)
		return 1;
	if ((fd = FCGX_OpenSocket(sock, 128)) < 0) {
		fprintf(stderr, "%s: cannot listen\n", sock);
		return 1;
	}
	/* The web server's worker runs as our user or group only. */
	if (sock[0] == '/' && chmod(sock, 0660) == -1) {
		fprintf(stderr, "chmod %s: %s\n", sock, strerror(errno));
		return 1;
	}
	catch_term();
	for (i = 0; i < nworkers; i++)
		kids[i] = spawn(p, fd);
	log_info("%s: %d workers on %s", p->name, nworkers, sock);
	while (!stopping) {
		if ((pid = wait(&status)) == -1) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (i = 0; i < nworkers; i++) {
			if (kids[i] != pid || stopping)
				continue;
			log_warn("%s: worker %ld ended (status %d), restarting",
			    p->name, (long)pid, status);
			/* Do not spin if workers die at once. */
			sleep(1);
			kids[i] = spawn(p, fd);
		}
	}
	for (i = 0; i < nworkers; i++)
		if (kids[i] > 0)
			kill(kids[i], SIGTERM);
	while (wait(&status) > 0 || errno == EINTR)
		;
	if (sock[0] == '/')
		unlink(sock);
	if (pidfile != NULL)
		unlink(pidfile);
	log_info("%s: stopped", p->name);
	return 0;
}

static void
usage(const char *name)
{
	fprintf(stderr, "usage: %s --config FILE [--socket PATH "
	    "[--workers N] [--pidfile FILE]]\n"
	    "       %s --routes\n", name, name);
}

/*
 * --routes: the route table, one route a line, tab-separated: method,
 * pattern, record type, action, flags (comma-separated names, "-" for
 * none). The access matrix test walks it, so a new route is tested.
 */
static int
routes_print(const struct program *p)
{
	static const struct { unsigned bit; const char *name; } flags[] = {
		{ ROUTE_PUBLIC, "public" },
		{ ROUTE_PWCHANGE, "pwchange" },
		{ ROUTE_REAUTH, "reauth" },
		{ ROUTE_PREVIEW_EXIT, "preview_exit" },
	};
	const struct route	*r;
	size_t			 i, j;
	unsigned		 rest;
	const char		*sep;

	for (i = 0; i < p->nroutes; i++) {
		r = &p->routes[i];
		printf("%s\t%s\t%s\t%s\t", r->method == METHOD_POST ?
		    "POST" : "GET", r->pattern, r->rtype == RT_NONE ? "none" :
		    rtype_names[r->rtype], action_names[r->action]);
		sep = "";
		rest = r->flags;
		for (j = 0; j < sizeof(flags) / sizeof(flags[0]); j++)
			if (rest & flags[j].bit) {
				printf("%s%s", sep, flags[j].name);
				rest &= ~flags[j].bit;
				sep = ",";
			}
		/* A flag without a name yet still shows. */
		if (rest != 0)
			printf("%s0x%x", sep, rest);
		else if (r->flags == 0)
			printf("-");
		printf("\n");
	}
	return fflush(stdout) == 0 ? 0 : 1;
}

int
server_main(int argc, char *argv[], const struct program *p)
{
	static const struct option longopts[] = {
		{ "config",	required_argument, NULL, 'c' },
		{ "socket",	required_argument, NULL, 's' },
		{ "workers",	required_argument, NULL, 'w' },
		{ "pidfile",	required_argument, NULL, 'p' },
		{ "routes",	no_argument, NULL, 'r' },
		{ NULL, 0, NULL, 0 }
	};
	const char	*conf = getenv("CRM_CONFIG"), *sock = NULL;
	const char	*pidfile = NULL;
	int		 ch, nworkers = 4;

	while ((ch = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c': conf = optarg; break;
		case 's': sock = optarg; break;
		case 'w': nworkers = atoi(optarg); break;
		case 'p': pidfile = optarg; break;
		case 'r': return routes_print(p);
		default: usage(argv[0]); return 2;
		}
	}
	if (conf == NULL || nworkers < 1 || nworkers > MAX_WORKERS) {
		usage(argv[0]);
		return 2;
	}
	if (config_load(conf) == -1 || config_apply_time_zone() == -1)
		return 1;
	log_open(config.log_file);
	signal(SIGPIPE, SIG_IGN);
	if (crypto_init() == -1 || fieldcrypt_load(config.key_file) == -1 ||
	    nerr_init() != STATUS_OK ||
	    FCGX_Init() != 0 || tmpl_init(config.templates) == -1) {
		fprintf(stderr, "%s: initialisation failed (see log)\n",
		    p->name);
		return 1;
	}
	if (sock == NULL) {
		/* Under mod_fcgid: the listener is fd 0, one process. */
		catch_term();
		worker_loop(p, 0);
		return 0;
	}
	return master(p, sock, nworkers, pidfile);
}
