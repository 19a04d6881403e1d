-- neongraph demo: what `make demo` prints — the seeds' directives as of
-- today in Vietnam (neongraph.today()).
\set ON_ERROR_STOP on
\pset pager off
\pset null '—'
\pset footer off

SELECT neongraph.today() AS "Hôm nay (Asia/Ho_Chi_Minh)";

\echo
\echo '== Nhiệm vụ: trạng thái từng nhiệm vụ (done when every lead agency is done) =='
SELECT s.directive AS "Văn bản", s.item_no AS "Mục",
       CASE WHEN length(s.content) > 60 THEN left(s.content, 59) || '…' ELSE s.content END AS "Nội dung",
       coalesce(left(s.deadline, 32), '') AS "Hạn (như văn bản)",
       s.assigned_deadline AS "Hạn được giao",
       coalesce(s.assigned_due_date, s.due_date) AS "Hạn tính",
       s.progress AS "%",
       s.status_label AS "Trạng thái"
  FROM neongraph.task_state s
  JOIN neongraph.directive d ON d.docref::text = s.directive
 ORDER BY d.issued_on, s.directive, (substring(s.item_no FROM '^[0-9]+'))::int NULLS FIRST, s.item_no;

\echo
\echo '== Tổng hợp theo văn bản (own tasks, then with the directives that implement it) =='
SELECT s.docref AS "Văn bản", s.issued_on AS "Ngày",
       s.tasks AS "Nhiệm vụ", s.done_on_time AS "Đúng hạn", s.done_late AS "Quá hạn HT",
       s.overdue AS "Quá hạn", s.due_soon AS "Sắp đến hạn", s.on_track AS "Trong hạn",
       s.recurring AS "Thường xuyên", s.no_deadline AS "Chưa có hạn", s.cancelled AS "Dừng",
       neongraph.format_rate(s.completion_rate) AS "Tỷ lệ HT",
       c.directives AS "VB triển khai", c.tasks AS "NV cả chuỗi",
       neongraph.format_rate(c.completion_rate) AS "Tỷ lệ HT chuỗi"
  FROM neongraph.directive_scorecard s
  JOIN neongraph.directive_cascade_scorecard c USING (docref)
 WHERE s.tasks > 0 OR c.tasks > 0
 ORDER BY s.issued_on, s.docref;

\echo
\echo '== Bảng điểm theo cơ quan (assignments; a province includes its departments and communes) — 25 with most work =='
SELECT agency_code AS "Mã", left(agency_name, 40) AS "Cơ quan", total AS "Tổng",
       done_on_time AS "Đúng hạn", done_late AS "Quá hạn HT", overdue AS "Quá hạn",
       due_soon AS "Sắp đến hạn", on_track AS "Trong hạn", recurring AS "TX",
       no_deadline AS "Chưa hạn", cancelled AS "Dừng", blocked AS "Vướng",
       neongraph.format_rate(on_time_rate) AS "Đúng hạn %",
       neongraph.format_rate(overdue_share) AS "Tỷ trọng quá hạn"
  FROM neongraph.agency_scorecard
 ORDER BY total DESC, agency_code
 LIMIT 25;

\echo
\echo '== Bảng điểm theo nhóm công tác (67-QĐ/TGV) =='
SELECT group_code AS "Nhóm", left(group_name, 50) AS "Tên", agencies AS "Cơ quan", total AS "Tổng",
       done_on_time AS "Đúng hạn", done_late AS "Quá hạn HT", overdue AS "Quá hạn",
       due_soon AS "Sắp đến hạn", on_track AS "Trong hạn", recurring AS "TX",
       no_deadline AS "Chưa hạn", cancelled AS "Dừng",
       neongraph.format_rate(completion_rate) AS "Tỷ lệ HT",
       neongraph.format_rate(overdue_share) AS "Tỷ trọng quá hạn"
  FROM neongraph.working_group_scorecard
 ORDER BY group_code;

\echo
\echo '== Báo cáo tuần (trước 18h00 thứ Sáu): Sở Khoa học và Công nghệ TP.HCM — only the tasks that changed this week =='
\pset format unaligned
\pset tuples_only on
SELECT jsonb_pretty(neongraph.weekly_report('HCM_SKHCN', neongraph.report_week_of(now())));
\pset tuples_only off
\pset format aligned

\echo
\echo '== Cảnh báo sớm: open assignments at risk, most severe first (neongraph.early_warnings) =='
SELECT directive AS "Văn bản", item_no AS "Mục", agency_code AS "Cơ quan", deadline AS "Hạn",
       progress AS "%", expected_progress AS "% cần đạt", days_overdue AS "Ngày quá hạn",
       pg_catalog.array_to_string(reasons, ', ') AS "Lý do", severity AS "Mức"
  FROM neongraph.early_warnings()
 ORDER BY severity DESC, days_overdue DESC NULLS LAST, directive, item_no, agency_code
 LIMIT 15;

\echo
\echo '== Xếp hạng các bộ (Bộ chỉ số), with movement since last week''s snapshot =='
SELECT rank AS "Hạng", previous_rank AS "Tuần trước",
       CASE WHEN movement > 0 THEN '▲' || movement WHEN movement < 0 THEN '▼' || -movement
            WHEN movement = 0 THEN '=' ELSE '' END AS "±",
       code AS "Mã", left(name, 36) AS "Cơ quan", score AS "Điểm", score_change AS "Δ điểm",
       on_time_rate AS "Đúng hạn", on_time_rate_change AS "Δ đúng hạn (điểm %)", due AS "Đến hạn"
  FROM neongraph.ranking('ministry')
 ORDER BY rank, code;

\echo
\echo '== Xếp hạng các tỉnh, thành phố (top 10) =='
SELECT rank AS "Hạng", previous_rank AS "Tuần trước", movement AS "±", code AS "Mã",
       left(name, 30) AS "Tỉnh, thành phố", score AS "Điểm", due AS "Đến hạn"
  FROM neongraph.ranking('province')
 ORDER BY rank, code
 LIMIT 10;

\echo
\echo '== Cascade: a central task of 44-TB/TGV across the tasks that implement it =='
SELECT d.docref AS "Văn bản", t.item_no AS "Mục", left(t.content, 70) AS "Nội dung"
  FROM neongraph.task t JOIN neongraph.directive d USING (directive_id)
 WHERE t.task_id = (SELECT l.to_task FROM neongraph.task_link l JOIN neongraph.task c ON c.task_id = l.to_task
                     WHERE l.kind = 'derives' ORDER BY c.deadline IS NULL OR neongraph.recurrence(c.deadline) IS NOT NULL, c.task_id LIMIT 1);
SELECT depth AS "Cấp", agency_kind AS "Loại cơ quan", agencies AS "Cơ quan", agencies_done AS "Đã xong",
       agencies_overdue AS "Quá hạn", tasks AS "Nhiệm vụ", summary AS "Tóm tắt"
  FROM neongraph.cascade_status((SELECT l.to_task FROM neongraph.task_link l JOIN neongraph.task c ON c.task_id = l.to_task
                                  WHERE l.kind = 'derives' ORDER BY c.deadline IS NULL OR neongraph.recurrence(c.deadline) IS NOT NULL, c.task_id LIMIT 1))
 ORDER BY depth NULLS LAST, agency_kind;
