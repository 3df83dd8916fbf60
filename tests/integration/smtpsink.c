/*
 * smtpsink.c - the tests' SMTP sink: one session at a time, every
 * command accepted, the envelope and message appended to a file.
 */
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "smtpsink.h"

static void
say(int fd, const char *line)
{
	char	buf[128];
	int	n = snprintf(buf, sizeof(buf), "%s\r\n", line);

	if (write(fd, buf, (size_t)n) != n)
		return;
}

/* One connection: the conversation, recorded into out. */
static void
session(int fd, FILE *out)
{
	FILE	*in = fdopen(fd, "r");
	char	 line[2048];
	int	 data = 0;

	if (in == NULL) {
		close(fd);
		return;
	}
	say(fd, "220 sink ESMTP");
	while (fgets(line, sizeof(line), in) != NULL) {
		if (data) {
			if (strcmp(line, ".\r\n") == 0) {
				data = 0;
				fputs(".\n", out);
				fflush(out);
				say(fd, "250 OK queued");
			} else
				fputs(line, out);
			continue;
		}
		line[strcspn(line, "\r\n")] = '\0';
		if (strncasecmp(line, "EHLO", 4) == 0 ||
		    strncasecmp(line, "HELO", 4) == 0)
			say(fd, "250 sink");
		else if (strncasecmp(line, "MAIL FROM:", 10) == 0 ||
		    strncasecmp(line, "RCPT TO:", 8) == 0) {
			fprintf(out, "%s\n", line);
			say(fd, "250 OK");
		} else if (strncasecmp(line, "DATA", 4) == 0) {
			data = 1;
			say(fd, "354 go ahead");
		} else if (strncasecmp(line, "QUIT", 4) == 0) {
			say(fd, "221 bye");
			break;
		} else if (strncasecmp(line, "RSET", 4) == 0 ||
		    strncasecmp(line, "NOOP", 4) == 0)
			say(fd, "250 OK");
		else
			say(fd, "502 not here");
	}
	fclose(in);
}

pid_t
sink_start(int port, const char *path)
{
	struct sockaddr_in	 sin;
	FILE			*out;
	pid_t			 pid;
	int			 s, fd, on = 1;

	if ((s = socket(AF_INET, SOCK_STREAM, 0)) == -1)
		return -1;
	memset(&sin, 0, sizeof(sin));
	sin.sin_family = AF_INET;
	sin.sin_port = htons((unsigned short)port);
	sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on));
	if (bind(s, (struct sockaddr *)&sin, sizeof(sin)) == -1 ||
	    listen(s, 8) == -1 || (pid = fork()) == -1) {
		close(s);
		return -1;
	}
	if (pid > 0) {
		close(s);
		return pid;
	}
	/* Whatever ends the test ends the sink. */
	prctl(PR_SET_PDEATHSIG, SIGKILL);
	if ((out = fopen(path, "a")) == NULL)
		_exit(1);
	for (;;)
		if ((fd = accept(s, NULL, NULL)) != -1)
			session(fd, out);
}

void
sink_stop(pid_t pid)
{
	if (pid <= 0)
		return;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
}
