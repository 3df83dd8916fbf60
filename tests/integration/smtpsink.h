/*
 * smtpsink.h - a tiny SMTP server for the mail tests: it listens on a
 * loopback port, accepts every message and appends what it was told to a
 * file: "MAIL FROM:<...>", "RCPT TO:<...>", the DATA lines, then a line
 * ".". It lives in a child process that dies with the test.
 */
#ifndef IT_SMTPSINK_H
#define IT_SMTPSINK_H

#include <sys/types.h>

/* Listen on 127.0.0.1:port, recording into path: the child, or -1. */
pid_t	 sink_start(int port, const char *path);
void	 sink_stop(pid_t);

#endif
