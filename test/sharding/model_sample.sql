-- test/sharding/model_sample.sql — a few assignments in the tracking model
-- on the coordinator (a province, a province's department, a ministry),
-- to feed into the facts with feed.sql.
\set ON_ERROR_STOP 1
SET client_min_messages = warning;
INSERT INTO neongraph.directive (docref, kind, issued_on) VALUES ('44-TB/TGV', 'TB', DATE '2025-09-01');
INSERT INTO neongraph.task (directive_id, item_no, content, deadline, assigned_deadline)
SELECT d.directive_id, v.n::text, 'Nhiệm vụ ' || v.n, v.dl::neongraph.deadline, v.adl::neongraph.deadline
  FROM neongraph.directive d,
       (VALUES (1, 'Quý IV/2025', NULL), (2, '30/11/2025', 'trước ngày 20/9/2025'),
               (3, 'Nhiệm vụ thường xuyên', NULL), (4, NULL, NULL)) AS v(n, dl, adl);
INSERT INTO neongraph.assignment (task_id, agency_code)
SELECT t.task_id, a.code
  FROM neongraph.task t,
       (SELECT code FROM neongraph.agency WHERE code IN ('HN', 'HCM', 'BCA')
        UNION ALL
        (SELECT code FROM neongraph.agency a WHERE kind = 'department'
            AND EXISTS (SELECT FROM neongraph.agency p WHERE p.code = a.parent_code AND p.kind = 'province')
          ORDER BY code LIMIT 1)) a;
