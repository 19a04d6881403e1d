# neongraph — PGXS build, plus the README's targets (demo, test, bench).

EXTENSION  = neongraph
EXTVERSION = 1.0

MODULE_big = neongraph
OBJS = \
	src/neongraph.o \
	src/deadline_core.o \
	src/deadline.o \
	src/docref_core.o \
	src/docref.o \
	src/status.o \
	src/rollup.o

# Install script: the pieces under sql/install/, concatenated in name order.
INSTALL_PIECES = $(sort $(wildcard sql/install/*.sql))
DATA_built = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA = $(filter-out $(DATA_built),$(wildcard sql/$(EXTENSION)--*--*.sql))

# pg_regress tests, one per feature, run against the cluster started by test/run.sh
# Every sql/<name>.sql but the install and upgrade scripts is a test; they run
# in name order, each independent of the others.
REGRESS = $(sort $(basename $(notdir $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=$(EXTENSION) --encoding=UTF8 --no-locale

PG_CPPFLAGS = -Isrc -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
EXTRA_CLEAN = sql/$(EXTENSION)--$(EXTVERSION).sql

PG_CONFIG ?= pg_config
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifeq ($(PGXS),)
# No server headers yet: the README targets install them first.
.DEFAULT_GOAL := all
all:
	bash test/prereqs.sh
	$(MAKE) all
else
include $(PGXS)
endif

sql/$(EXTENSION)--$(EXTVERSION).sql: $(INSTALL_PIECES)
	{ echo '-- neongraph $(EXTVERSION) install script, built from sql/install/*.sql'; \
	  printf '%s\n' '\echo Use "CREATE EXTENSION neongraph" to load this file. \quit'; \
	  for f in $(INSTALL_PIECES); do echo; echo "-- ---- $$f"; cat $$f; done; } > $@

$(OBJS): src/neongraph.h src/deadline_core.h

.PHONY: test demo demo-stop bench prereqs
prereqs:
	bash test/prereqs.sh

test: prereqs
	bash test/run.sh

demo: prereqs
	bash test/demo.sh start

demo-stop:
	bash test/demo.sh stop

bench: prereqs
	bash test/bench/run.sh
