-- ---------------------------------------------------------------------------
-- neongraph.docref: Vietnamese document numbers (số hiệu văn bản), src/docref.c
-- ---------------------------------------------------------------------------

CREATE TYPE neongraph.docref;

CREATE FUNCTION neongraph.docref_in(pg_catalog.cstring) RETURNS neongraph.docref
  AS 'MODULE_PATHNAME', 'docref_in' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION neongraph.docref_out(neongraph.docref) RETURNS pg_catalog.cstring
  AS 'MODULE_PATHNAME', 'docref_out' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION neongraph.docref_recv(pg_catalog.internal) RETURNS neongraph.docref
  AS 'MODULE_PATHNAME', 'docref_recv' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
CREATE FUNCTION neongraph.docref_send(neongraph.docref) RETURNS pg_catalog.bytea
  AS 'MODULE_PATHNAME', 'docref_send' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;

CREATE TYPE neongraph.docref (
  INPUT = neongraph.docref_in,
  OUTPUT = neongraph.docref_out,
  RECEIVE = neongraph.docref_recv,
  SEND = neongraph.docref_send,
  INTERNALLENGTH = VARIABLE,
  STORAGE = extended,
  CATEGORY = 'S',
  COLLATABLE = false
);
COMMENT ON TYPE neongraph.docref IS
  'Vietnamese document number (số hiệu văn bản): 44-TB/TGV, 02-KH/BCĐTW (Party style), 193/2025/NQ-QH15, 12/CT-TTg (State style), 8434/VPCP-KSTT (official letter). Input drops "Số"/"số:"/"No." and a leading kind name, upper-cases (keeping Đ), composes NFD to NFC, unifies dashes and spaces; equal across those spellings. Ordered by issuer, kind, year, number (numerically), then spelling';

COMMENT ON FUNCTION neongraph.docref_in(pg_catalog.cstring) IS
  'Input function of neongraph.docref: parses and normalises a document number; SQLSTATE 22P02 on bad input';
COMMENT ON FUNCTION neongraph.docref_out(neongraph.docref) IS
  'Output function of neongraph.docref: the normalised number with conventional casing (TTg, CTr, TTr, QyĐ, QĐi)';
COMMENT ON FUNCTION neongraph.docref_recv(pg_catalog.internal) IS
  'Binary input of neongraph.docref: UTF-8 bytes of the number, re-parsed and re-validated';
COMMENT ON FUNCTION neongraph.docref_send(neongraph.docref) IS
  'Binary output of neongraph.docref: the UTF-8 bytes of the normalised number';

CREATE FUNCTION neongraph.try_docref(pg_catalog.text) RETURNS neongraph.docref
  AS 'MODULE_PATHNAME', 'try_docref' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.try_docref(pg_catalog.text) IS
  'Parses a document number like the docref input function, but returns NULL instead of raising an error (for importers)';

-- accessors
CREATE FUNCTION neongraph.docref_number(neongraph.docref) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'docref_number' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_number(neongraph.docref) IS
  'The serial number of a document number, as written (leading zeros kept): 44 for 44-TB/TGV, 01 for 01-KH/BCĐ';
CREATE FUNCTION neongraph.docref_kind(neongraph.docref) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'docref_kind' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_kind(neongraph.docref) IS
  'The kind code of a document number (TB, KH, QĐ, NQ, NĐ, CT, CTr ...); NULL for an official letter without one, such as 8434/VPCP-KSTT';
CREATE FUNCTION neongraph.docref_issuer(neongraph.docref) RETURNS pg_catalog.text
  AS 'MODULE_PATHNAME', 'docref_issuer' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_issuer(neongraph.docref) IS
  'The issuer code of a document number, with its units: TGV, BCĐTW, QH15, CP, TTg, VPCP-KSTT, BCA-BNNMT';
CREATE FUNCTION neongraph.docref_year(neongraph.docref) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'docref_year' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_year(neongraph.docref) IS
  'The year written in a document number (2025 for 193/2025/NQ-QH15); NULL when the number has none';

CREATE FUNCTION neongraph.extract_docrefs(pg_catalog.text,
    OUT docref neongraph.docref, OUT pos pg_catalog.int4)
  RETURNS SETOF pg_catalog.record
  AS 'MODULE_PATHNAME', 'extract_docrefs' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE
  ROWS 4;
COMMENT ON FUNCTION neongraph.extract_docrefs(pg_catalog.text) IS
  'Every document number in running text ("Thông báo số 44-TB/TGV", "Kế hoạch số 02 KH/BCĐTW"), with the 1-based character position of its serial number';

-- comparison
CREATE FUNCTION neongraph.docref_cmp(neongraph.docref, neongraph.docref) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'docref_cmp' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_cmp(neongraph.docref, neongraph.docref) IS
  'Btree support: -1, 0 or 1 ordering by issuer, kind (none first), year (none first), number numerically, then spelling';
CREATE FUNCTION neongraph.docref_eq(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_eq' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.docref_eq(neongraph.docref, neongraph.docref) IS
  'True when two document numbers have the same normalised spelling';
CREATE FUNCTION neongraph.docref_ne(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_ne' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE LEAKPROOF;
COMMENT ON FUNCTION neongraph.docref_ne(neongraph.docref, neongraph.docref) IS
  'True when two document numbers differ after normalisation';
CREATE FUNCTION neongraph.docref_lt(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_lt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_lt(neongraph.docref, neongraph.docref) IS
  'Less than, in docref order';
CREATE FUNCTION neongraph.docref_le(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_le' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_le(neongraph.docref, neongraph.docref) IS
  'Less than or equal, in docref order';
CREATE FUNCTION neongraph.docref_gt(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_gt' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_gt(neongraph.docref, neongraph.docref) IS
  'Greater than, in docref order';
CREATE FUNCTION neongraph.docref_ge(neongraph.docref, neongraph.docref) RETURNS pg_catalog.bool
  AS 'MODULE_PATHNAME', 'docref_ge' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_ge(neongraph.docref, neongraph.docref) IS
  'Greater than or equal, in docref order';
CREATE FUNCTION neongraph.docref_hash(neongraph.docref) RETURNS pg_catalog.int4
  AS 'MODULE_PATHNAME', 'docref_hash' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_hash(neongraph.docref) IS
  'Hash support: hash of the normalised spelling';
CREATE FUNCTION neongraph.docref_hash_extended(neongraph.docref, pg_catalog.int8) RETURNS pg_catalog.int8
  AS 'MODULE_PATHNAME', 'docref_hash_extended' LANGUAGE C IMMUTABLE STRICT PARALLEL SAFE;
COMMENT ON FUNCTION neongraph.docref_hash_extended(neongraph.docref, pg_catalog.int8) IS
  'Hash support: 64-bit seeded hash of the normalised spelling';

CREATE OPERATOR neongraph.= (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_eq,
  COMMUTATOR = OPERATOR(neongraph.=), NEGATOR = OPERATOR(neongraph.<>),
  RESTRICT = pg_catalog.eqsel, JOIN = pg_catalog.eqjoinsel,
  HASHES, MERGES
);
COMMENT ON OPERATOR neongraph.= (neongraph.docref, neongraph.docref) IS
  'Same document number (equal normalised spelling)';
CREATE OPERATOR neongraph.<> (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_ne,
  COMMUTATOR = OPERATOR(neongraph.<>), NEGATOR = OPERATOR(neongraph.=),
  RESTRICT = pg_catalog.neqsel, JOIN = pg_catalog.neqjoinsel
);
COMMENT ON OPERATOR neongraph.<> (neongraph.docref, neongraph.docref) IS
  'Different document numbers';
CREATE OPERATOR neongraph.< (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_lt,
  COMMUTATOR = OPERATOR(neongraph.>), NEGATOR = OPERATOR(neongraph.>=),
  RESTRICT = pg_catalog.scalarltsel, JOIN = pg_catalog.scalarltjoinsel
);
COMMENT ON OPERATOR neongraph.< (neongraph.docref, neongraph.docref) IS
  'Sorts before, in docref order';
CREATE OPERATOR neongraph.<= (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_le,
  COMMUTATOR = OPERATOR(neongraph.>=), NEGATOR = OPERATOR(neongraph.>),
  RESTRICT = pg_catalog.scalarlesel, JOIN = pg_catalog.scalarlejoinsel
);
COMMENT ON OPERATOR neongraph.<= (neongraph.docref, neongraph.docref) IS
  'Sorts before or equal, in docref order';
CREATE OPERATOR neongraph.> (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_gt,
  COMMUTATOR = OPERATOR(neongraph.<), NEGATOR = OPERATOR(neongraph.<=),
  RESTRICT = pg_catalog.scalargtsel, JOIN = pg_catalog.scalargtjoinsel
);
COMMENT ON OPERATOR neongraph.> (neongraph.docref, neongraph.docref) IS
  'Sorts after, in docref order';
CREATE OPERATOR neongraph.>= (
  LEFTARG = neongraph.docref, RIGHTARG = neongraph.docref,
  FUNCTION = neongraph.docref_ge,
  COMMUTATOR = OPERATOR(neongraph.<=), NEGATOR = OPERATOR(neongraph.<),
  RESTRICT = pg_catalog.scalargesel, JOIN = pg_catalog.scalargejoinsel
);
COMMENT ON OPERATOR neongraph.>= (neongraph.docref, neongraph.docref) IS
  'Sorts after or equal, in docref order';

CREATE OPERATOR CLASS neongraph.docref_ops
  DEFAULT FOR TYPE neongraph.docref USING btree AS
    OPERATOR 1 neongraph.< ,
    OPERATOR 2 neongraph.<= ,
    OPERATOR 3 neongraph.= ,
    OPERATOR 4 neongraph.>= ,
    OPERATOR 5 neongraph.> ,
    FUNCTION 1 neongraph.docref_cmp(neongraph.docref, neongraph.docref);
COMMENT ON OPERATOR CLASS neongraph.docref_ops USING btree IS
  'Btree order of document numbers: issuer, kind, year, number numerically, then spelling';

CREATE OPERATOR CLASS neongraph.docref_hash_ops
  DEFAULT FOR TYPE neongraph.docref USING hash AS
    OPERATOR 1 neongraph.= ,
    FUNCTION 1 neongraph.docref_hash(neongraph.docref),
    FUNCTION 2 neongraph.docref_hash_extended(neongraph.docref, pg_catalog.int8);
COMMENT ON OPERATOR CLASS neongraph.docref_hash_ops USING hash IS
  'Hashing of document numbers on their normalised spelling';

-- casts: both ways through the text forms (normalising on the way in)
CREATE CAST (pg_catalog.text AS neongraph.docref) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.text AS neongraph.docref) IS
  'Parses and normalises a document number; SQLSTATE 22P02 on bad input (neongraph.try_docref returns NULL instead)';
CREATE CAST (neongraph.docref AS pg_catalog.text) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (neongraph.docref AS pg_catalog.text) IS
  'The normalised document number with conventional casing, e.g. 12/CT-TTg';
CREATE CAST (pg_catalog.varchar AS neongraph.docref) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (pg_catalog.varchar AS neongraph.docref) IS
  'Parses and normalises a document number from varchar';
CREATE CAST (neongraph.docref AS pg_catalog.varchar) WITH INOUT AS ASSIGNMENT;
COMMENT ON CAST (neongraph.docref AS pg_catalog.varchar) IS
  'The normalised document number as varchar';
