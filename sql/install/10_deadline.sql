-- The deadline type: Vietnamese deadline forms, packed into 8 bytes
-- (src/deadline.c, src/deadline_core.c).

CREATE TYPE neongraph.deadline;

CREATE FUNCTION neongraph.deadline_in(pg_catalog.cstring) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_in'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_in(pg_catalog.cstring) IS
  'Input function of neongraph.deadline: reads the Vietnamese deadline forms (31/12/2025, trước ngày 20/9/2025, tháng 9/2025, quý IV/2025, 6 tháng đầu năm 2026, năm 2025, từ … đến …, thường xuyên, hằng quý …) and the ISO forms';

-- Immutable like date_out: the output follows neongraph.deadline_style as
-- date_out follows DateStyle.
CREATE FUNCTION neongraph.deadline_out(neongraph.deadline) RETURNS pg_catalog.cstring
  AS 'MODULE_PATHNAME', 'deadline_out'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_out(neongraph.deadline) IS
  'Output function of neongraph.deadline, in the style set by neongraph.deadline_style (iso or vi)';

CREATE FUNCTION neongraph.deadline_recv(pg_catalog.internal) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_recv'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_recv(pg_catalog.internal) IS
  'Binary input of neongraph.deadline: the packed 8-byte value, validated';

CREATE FUNCTION neongraph.deadline_send(neongraph.deadline) RETURNS pg_catalog.bytea
  AS 'MODULE_PATHNAME', 'deadline_send'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_send(neongraph.deadline) IS
  'Binary output of neongraph.deadline: the packed 8-byte value';

CREATE TYPE neongraph.deadline (
  INPUT = neongraph.deadline_in,
  OUTPUT = neongraph.deadline_out,
  RECEIVE = neongraph.deadline_recv,
  SEND = neongraph.deadline_send,
  INTERNALLENGTH = 8,
  PASSEDBYVALUE,
  ALIGNMENT = double,
  STORAGE = plain
);
COMMENT ON TYPE neongraph.deadline IS
  'A task deadline as Vietnamese directives write it: a date, "before" a date, a month, quarter, half year, year, a range, or a recurrence; ordered by due date, then start, recurring last';

-- ---- accessors ----

CREATE FUNCTION neongraph.due_date(neongraph.deadline) RETURNS pg_catalog.date
  AS 'MODULE_PATHNAME', 'deadline_due_date'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.due_date(neongraph.deadline) IS
  'The last on-time day (for "trước ngày D", the day before D); NULL for a recurring deadline';

CREATE FUNCTION neongraph.start_date(neongraph.deadline) RETURNS pg_catalog.date
  AS 'MODULE_PATHNAME', 'deadline_start_date'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.start_date(neongraph.deadline) IS
  'The first day of the deadline''s window (month, quarter, half, year, range); NULL for date, before and recurring';

CREATE FUNCTION neongraph.deadline_kind(neongraph.deadline) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'deadline_kind'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_kind(neongraph.deadline) IS
  'The kind of deadline: date, before, month, quarter, half, year, range or recurring';

CREATE FUNCTION neongraph.recurrence(neongraph.deadline) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'deadline_recurrence'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.recurrence(neongraph.deadline) IS
  'For a recurring deadline: continuous (thường xuyên), weekly, monthly, quarterly, half-yearly or yearly; NULL otherwise';

CREATE FUNCTION neongraph.is_soft(neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_is_soft'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.is_soft(neongraph.deadline) IS
  'True for a target written with "phấn đấu" (strive to), shown with ~ (iso) or "phấn đấu" (vi)';

CREATE FUNCTION neongraph.deadline_of(pg_catalog.date) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_of_date'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_of(pg_catalog.date) IS
  'The deadline of kind date due on the given day';

-- ---- text ----

CREATE FUNCTION neongraph.try_deadline(pg_catalog.text) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_try'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.try_deadline(pg_catalog.text) IS
  'The deadline the text writes, or NULL where the input function would raise an error (for importers)';

CREATE FUNCTION neongraph.parse_deadline(pg_catalog.text, pg_catalog.date) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_parse_ref'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.parse_deadline(pg_catalog.text, pg_catalog.date) IS
  'Reads a deadline like the input function, resolving a form without its year ("Trước 30/6", "đến hết quý II") to the first such deadline due on or after the reference date (the document''s date)';

CREATE FUNCTION neongraph.to_text(neongraph.deadline, pg_catalog.text) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'deadline_to_text_style'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.to_text(neongraph.deadline, pg_catalog.text) IS
  'The deadline written in the given style (''iso'' or ''vi''), whatever neongraph.deadline_style says';

CREATE FUNCTION neongraph.extract_deadlines(pg_catalog.text, reference pg_catalog.date DEFAULT NULL)
  RETURNS TABLE (deadline neongraph.deadline, phrase pg_catalog.text, pos pg_catalog.int4)
  AS 'MODULE_PATHNAME', 'deadline_extract'
  LANGUAGE C IMMUTABLE CALLED ON NULL INPUT PARALLEL SAFE ROWS 10;
COMMENT ON FUNCTION neongraph.extract_deadlines(pg_catalog.text, pg_catalog.date) IS
  'Every deadline phrase in running text (a directive''s paragraph or table), with its 1-based character position; phrases without a year are resolved against the reference date, or skipped without one. Document numbers and the dates of other documents and meetings are not deadlines and are not returned';

-- ---- comparison ----

CREATE FUNCTION neongraph.deadline_lt(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_lt(neongraph.deadline, neongraph.deadline) IS 'Implements < for deadlines';
CREATE FUNCTION neongraph.deadline_le(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_le(neongraph.deadline, neongraph.deadline) IS 'Implements <= for deadlines';
CREATE FUNCTION neongraph.deadline_eq(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_eq(neongraph.deadline, neongraph.deadline) IS 'Implements = for deadlines';
CREATE FUNCTION neongraph.deadline_ne(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_ne(neongraph.deadline, neongraph.deadline) IS 'Implements <> for deadlines';
CREATE FUNCTION neongraph.deadline_ge(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_ge(neongraph.deadline, neongraph.deadline) IS 'Implements >= for deadlines';
CREATE FUNCTION neongraph.deadline_gt(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'deadline_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_gt(neongraph.deadline, neongraph.deadline) IS 'Implements > for deadlines';

CREATE FUNCTION neongraph.deadline_cmp(neongraph.deadline, neongraph.deadline) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'deadline_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_cmp(neongraph.deadline, neongraph.deadline) IS
  'Three-way comparison of deadlines: by due date, then start date, then kind; recurring last (btree support)';

CREATE FUNCTION neongraph.deadline_sortsupport(pg_catalog.internal) RETURNS pg_catalog.void
  AS 'MODULE_PATHNAME', 'deadline_sortsupport' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_sortsupport(pg_catalog.internal) IS
  'Sort support for deadlines (btree support)';

CREATE FUNCTION neongraph.deadline_hash(neongraph.deadline) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'deadline_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_hash(neongraph.deadline) IS
  'Hash of a deadline (hash support)';

CREATE FUNCTION neongraph.deadline_hash_extended(neongraph.deadline, pg_catalog.int8) RETURNS pg_catalog.int8
  AS 'MODULE_PATHNAME', 'deadline_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.deadline_hash_extended(neongraph.deadline, pg_catalog.int8) IS
  'Seeded 64-bit hash of a deadline (hash support)';

CREATE OPERATOR neongraph.< (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_lt,
  COMMUTATOR = OPERATOR(neongraph.>), NEGATOR = OPERATOR(neongraph.>=),
  RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR neongraph.< (neongraph.deadline, neongraph.deadline) IS 'due earlier';
CREATE OPERATOR neongraph.<= (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_le,
  COMMUTATOR = OPERATOR(neongraph.>=), NEGATOR = OPERATOR(neongraph.>),
  RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR neongraph.<= (neongraph.deadline, neongraph.deadline) IS 'due earlier or equal';
CREATE OPERATOR neongraph.= (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_eq,
  COMMUTATOR = OPERATOR(neongraph.=), NEGATOR = OPERATOR(neongraph.<>),
  RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
  HASHES, MERGES
);
COMMENT ON OPERATOR neongraph.= (neongraph.deadline, neongraph.deadline) IS 'equal deadlines';
CREATE OPERATOR neongraph.<> (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_ne,
  COMMUTATOR = OPERATOR(neongraph.<>), NEGATOR = OPERATOR(neongraph.=),
  RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR neongraph.<> (neongraph.deadline, neongraph.deadline) IS 'different deadlines';
CREATE OPERATOR neongraph.>= (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_ge,
  COMMUTATOR = OPERATOR(neongraph.<=), NEGATOR = OPERATOR(neongraph.<),
  RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR neongraph.>= (neongraph.deadline, neongraph.deadline) IS 'due later or equal';
CREATE OPERATOR neongraph.> (
  LEFTARG = neongraph.deadline, RIGHTARG = neongraph.deadline,
  FUNCTION = neongraph.deadline_gt,
  COMMUTATOR = OPERATOR(neongraph.<), NEGATOR = OPERATOR(neongraph.<=),
  RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR neongraph.> (neongraph.deadline, neongraph.deadline) IS 'due later';

CREATE OPERATOR CLASS neongraph.deadline_ops
  DEFAULT FOR TYPE neongraph.deadline USING btree AS
    OPERATOR 1 neongraph.< ,
    OPERATOR 2 neongraph.<= ,
    OPERATOR 3 neongraph.= ,
    OPERATOR 4 neongraph.>= ,
    OPERATOR 5 neongraph.> ,
    FUNCTION 1 neongraph.deadline_cmp(neongraph.deadline, neongraph.deadline),
    FUNCTION 2 neongraph.deadline_sortsupport(pg_catalog.internal);
COMMENT ON OPERATOR CLASS neongraph.deadline_ops USING btree IS
  'Deadlines in order: due date, start date, kind; recurring last';

CREATE OPERATOR CLASS neongraph.deadline_hash_ops
  DEFAULT FOR TYPE neongraph.deadline USING hash AS
    OPERATOR 1 neongraph.= ,
    FUNCTION 1 neongraph.deadline_hash(neongraph.deadline),
    FUNCTION 2 neongraph.deadline_hash_extended(neongraph.deadline, pg_catalog.int8);
COMMENT ON OPERATOR CLASS neongraph.deadline_hash_ops USING hash IS
  'Hashing of deadlines (hash indexes, hash joins, hash aggregation)';

-- ---- casts ----

-- text and varchar are read in place by a C function: a WITH INOUT cast
-- would copy every value to a cstring first. Assignment casts, so that a
-- text or varchar parameter (PgJDBC's setString) can be stored in a
-- deadline column.
CREATE FUNCTION neongraph.deadline_from_text(pg_catalog.text) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_from_text_cast'
  LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_from_text(pg_catalog.text) IS
  'Cast from text and varchar to neongraph.deadline: reads the text as the input function does, with the same errors';
CREATE CAST (pg_catalog.text AS neongraph.deadline)
  WITH FUNCTION neongraph.deadline_from_text(pg_catalog.text) AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS neongraph.deadline) IS
  'Reads the text as the input function does';
CREATE CAST (pg_catalog.varchar AS neongraph.deadline)
  WITH FUNCTION neongraph.deadline_from_text(pg_catalog.text) AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS neongraph.deadline) IS
  'Reads the text as the input function does';
CREATE CAST (neongraph.deadline AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (neongraph.deadline AS pg_catalog.text) IS
  'Writes the deadline in the style of neongraph.deadline_style';
CREATE CAST (pg_catalog.date AS neongraph.deadline)
  WITH FUNCTION neongraph.deadline_of(pg_catalog.date);
COMMENT ON CAST (pg_catalog.date AS neongraph.deadline) IS
  'The deadline of kind date due on that day';

-- ---- min / max ----

CREATE FUNCTION neongraph.deadline_smaller(neongraph.deadline, neongraph.deadline) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_smaller' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_smaller(neongraph.deadline, neongraph.deadline) IS
  'The earlier of two deadlines (state function of neongraph.min)';
CREATE FUNCTION neongraph.deadline_larger(neongraph.deadline, neongraph.deadline) RETURNS neongraph.deadline
  AS 'MODULE_PATHNAME', 'deadline_larger' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.deadline_larger(neongraph.deadline, neongraph.deadline) IS
  'The later of two deadlines (state function of neongraph.max)';

CREATE AGGREGATE neongraph.min(neongraph.deadline) (
  SFUNC = neongraph.deadline_smaller, STYPE = neongraph.deadline,
  COMBINEFUNC = neongraph.deadline_smaller, SORTOP = OPERATOR(neongraph.<),
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE neongraph.min(neongraph.deadline) IS 'The earliest deadline';
CREATE AGGREGATE neongraph.max(neongraph.deadline) (
  SFUNC = neongraph.deadline_larger, STYPE = neongraph.deadline,
  COMBINEFUNC = neongraph.deadline_larger, SORTOP = OPERATOR(neongraph.>),
  PARALLEL = SAFE
);
COMMENT ON AGGREGATE neongraph.max(neongraph.deadline) IS 'The latest deadline';
