# The CRM: FastCGI programs in cgi-bin/, shared code in lib/.
#
#   make          build the programs (build/rel)
#   make run      install what is missing, set up a local instance, start it
#   make stop     stop the local instance
#   make check    set up a throw-away instance and run every test
#   make bench    load a million customers and measure (not part of check)

CC	?= gcc
B	?= build/rel
MODE	?= rel

PKGS	 = fcgi libmariadb libgcrypt libcurl
CS_CFLAGS = -I/usr/include/ClearSilver
CS_LIBS	 = -lneo_cgi -lneo_cs -lneo_utl -lz

WARN	 = -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes \
	   -Wmissing-prototypes -Wformat=2 -Werror=format-security
BASE	 = -std=c11 -D_GNU_SOURCE -g -fPIE -fstack-protector-strong
ifeq ($(MODE),san)
OPT	 = -O1 -fno-omit-frame-pointer -fsanitize=address,undefined \
	   -fno-sanitize-recover=undefined
SANLD	 = -fsanitize=address,undefined
else
OPT	 = -O2 -D_FORTIFY_SOURCE=2
SANLD	 =
endif
CFLAGS	 = $(BASE) $(OPT) $(WARN) -Ilib $(CS_CFLAGS) \
	   $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
LDFLAGS	 = -pie -Wl,-z,relro,-z,now $(SANLD)
LDLIBS	 = $(CS_LIBS) $(shell pkg-config --libs $(PKGS) 2>/dev/null)
CHECKLIBS = $(shell pkg-config --libs check 2>/dev/null)

LIB_SRC	 = $(wildcard lib/*.c)
LIB_OBJ	 = $(LIB_SRC:%.c=$(B)/%.o)
PROGS	 = $(patsubst cgi-bin/%.c,$(B)/cgi-bin/%,$(wildcard cgi-bin/*.c))
TOOLS	 = $(patsubst tools/%.c,$(B)/tools/%,$(wildcard tools/*.c))
UNIT_SRC = $(wildcard tests/unit/*.c)
INTEG_SRC = $(wildcard tests/integration/*.c)

all: $(PROGS) $(TOOLS)

define compile
@mkdir -p $(dir $@)
$(CC) $(CFLAGS) -MMD -MP -c -o $@ $<
endef

$(B)/%.o: %.c
	$(compile)

# An area too big for one file keeps its parts in cgi-bin/NAME/, linked
# into the program cgi-bin/NAME.c (objects under parts/: the program itself
# is $(B)/cgi-bin/NAME).
area_parts = $(patsubst cgi-bin/%.c,$(B)/parts/%.o,$(wildcard cgi-bin/$(1)/*.c))

$(B)/parts/%.o: cgi-bin/%.c
	$(compile)

-include $(shell find $(B) -name '*.d' 2>/dev/null)

$(B)/libcrm.a: $(LIB_OBJ)
	rm -f $@
	ar rcs $@ $^

.SECONDEXPANSION:
$(B)/cgi-bin/%: $(B)/cgi-bin/%.o $$(call area_parts,$$*) $(B)/libcrm.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(B)/tools/%: $(B)/tools/%.o $(B)/libcrm.a
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# Both test programs share the suite runner in tests/suite.c.
$(B)/tests/%.o: CFLAGS += -Itests

$(B)/tests/unit/run: $(UNIT_SRC:%.c=$(B)/%.o) $(B)/tests/suite.o $(B)/libcrm.a
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECKLIBS) $(LDLIBS)

$(B)/tests/integration/run: $(INTEG_SRC:%.c=$(B)/%.o) $(B)/tests/suite.o \
    $(B)/libcrm.a
	$(CC) $(LDFLAGS) -o $@ $^ $(CHECKLIBS) $(LDLIBS)

tests: $(B)/tests/unit/run $(B)/tests/integration/run

unit: $(B)/tests/unit/run
	$(B)/tests/unit/run

deps:
	scripts/deps.sh

run: deps
	$(MAKE) all
	scripts/run.sh

stop:
	scripts/stop.sh

check: deps
	scripts/check.sh

bench: deps
	$(MAKE) all
	bench/run.sh

clean:
	rm -rf build

.PHONY: all tests unit deps run stop check bench clean
.SECONDARY:
