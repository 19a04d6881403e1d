# neongraph — PGXS build, plus the README's targets (demo, test, bench).

EXTENSION  = neongraph
EXTVERSION = 1.2

MODULE_big = neongraph
OBJS = \
	src/neongraph.o \
	src/deadline_core.o \
	src/deadline.o \
	src/docref_core.o \
	src/docref.o \
	src/status.o \
	src/rollup.o \
	src/cascade.o

# Install and upgrade scripts, built from the pieces under sql/install/.
# Version 1.0 (the core: types, status, rollup) is the pieces numbered 0x-4x;
# version 1.1 adds the pieces numbered 5x-9x (the tracking model and what
# builds on it); version 1.2 the pieces under sql/install/1.2/. A version's
# install script is every piece up to it; its upgrade script from the
# version before is its own pieces alone. A released version's pieces never
# change: later changes go into new pieces of a new version.
PIECES_1.0 = $(sort $(wildcard sql/install/[0-4]*.sql))
PIECES_1.1 = $(sort $(filter-out $(PIECES_1.0),$(wildcard sql/install/*.sql)))
PIECES_1.2 = $(sort $(wildcard sql/install/1.2/*.sql))
DATA_built = sql/$(EXTENSION)--1.0.sql sql/$(EXTENSION)--1.0--1.1.sql sql/$(EXTENSION)--1.1.sql \
	sql/$(EXTENSION)--1.1--1.2.sql sql/$(EXTENSION)--1.2.sql

# pg_regress tests, one per feature, run against the cluster started by test/run.sh
# Every sql/<name>.sql but the install and upgrade scripts is a test; they run
# in name order, each independent of the others.
REGRESS = $(sort $(basename $(notdir $(filter-out sql/$(EXTENSION)--%,$(wildcard sql/*.sql)))))
REGRESS_OPTS = --load-extension=$(EXTENSION) --encoding=UTF8 --no-locale

PG_CPPFLAGS = -Isrc -Wall -Wextra -Werror -Wno-unused-parameter -Wno-missing-field-initializers
EXTRA_CLEAN = $(DATA_built)

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

# $(call build_script,header line,guard command,pieces)
build_script = { echo '-- $(1), built from sql/install/ by make'; \
	  printf '%s\n' '\echo Use "$(2)" to load this file. \quit'; \
	  for f in $(3); do echo; echo "-- ---- $$f"; cat $$f; done; } > $@

sql/$(EXTENSION)--1.0.sql: $(PIECES_1.0)
	$(call build_script,neongraph 1.0 install script,CREATE EXTENSION neongraph,$(PIECES_1.0))

sql/$(EXTENSION)--1.0--1.1.sql: $(PIECES_1.1)
	$(call build_script,neongraph upgrade from 1.0 to 1.1,ALTER EXTENSION neongraph UPDATE,$(PIECES_1.1))

sql/$(EXTENSION)--1.1.sql: $(PIECES_1.0) $(PIECES_1.1)
	$(call build_script,neongraph 1.1 install script,CREATE EXTENSION neongraph,$(PIECES_1.0) $(PIECES_1.1))

sql/$(EXTENSION)--1.1--1.2.sql: $(PIECES_1.2)
	$(call build_script,neongraph upgrade from 1.1 to 1.2,ALTER EXTENSION neongraph UPDATE,$(PIECES_1.2))

sql/$(EXTENSION)--1.2.sql: $(PIECES_1.0) $(PIECES_1.1) $(PIECES_1.2)
	$(call build_script,neongraph 1.2 install script,CREATE EXTENSION neongraph,$(PIECES_1.0) $(PIECES_1.1) $(PIECES_1.2))

$(OBJS): src/neongraph.h src/deadline_core.h

.PHONY: test demo demo-stop bench bench-scale prereqs fuzz fuzz-long load-long print-regress
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

# national load from the C generator at 1M and 10M assignments (about 40 minutes)
bench-scale: prereqs
	bash test/bench/scale.sh

# coverage-guided fuzzing of the deadline and docref parsers: short (also part
# of make test) and long, by hand
fuzz: prereqs
	NG_FUZZ_SECONDS=30 bash test/t/fuzz_libfuzzer.sh

fuzz-long: prereqs
	NG_FUZZ_SECONDS=$${NG_FUZZ_SECONDS:-1800} bash test/t/fuzz_libfuzzer.sh

# the whole suite with a long, wide concurrency load
load-long: prereqs
	NG_LOAD_SECONDS=$${NG_LOAD_SECONDS:-300} NG_LOAD_CLIENTS=$${NG_LOAD_CLIENTS:-16} bash test/run.sh

print-regress:
	@echo $(REGRESS)
