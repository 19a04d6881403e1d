-- neongraph demo data: the five working groups of Decision 67-QĐ/TGV
-- (Tổ Giúp việc Ban Chỉ đạo Trung ương, 20/6/2026, seed 000, Điều 1).
-- Loaded by the demo after the extension (and its agency catalog) exists.
-- Names, leaders, deputies and member agencies as the decision states them;
-- duties summarised in one paragraph.  working_group_member: the agency of
-- the group leader has role 'lead'; the agencies listed under "c) Thành
-- viên" have role 'member'.  Re-runnable.

INSERT INTO neongraph.working_group (code, name, leader, deputies, duties, directive) VALUES
  ('NHOM1', 'Nhóm 1: Phụ trách chuyển đổi số khối Chính phủ',
   'Nguyễn Văn Long, Ủy viên Trung ương Đảng, Thứ trưởng Bộ Công an, Tổ phó Tổ Giúp việc',
   ARRAY['Đỗ Ngọc Huỳnh, Phó Chủ nhiệm Văn phòng Chính phủ', 'Thiếu tướng Vũ Hữu Hanh, Tư lệnh Bộ Tư lệnh 86', 'Vũ Văn Tấn, Cục trưởng Cục Cảnh sát quản lý hành chính về trật tự xã hội, Bộ Công an', 'Nguyễn Thành Vĩnh, Phó Giám đốc Trung tâm dữ liệu Quốc gia, Bộ Công an', 'Đinh Bá Nghĩa, Phó Cục trưởng, Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng'],
   'Theo dõi, đôn đốc việc triển khai các nhiệm vụ chuyển đổi số của Chính phủ, các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và địa phương (theo Kế hoạch số 02-KH/BCĐTW và các văn bản của Chính phủ) theo các trụ cột: hạ tầng số, dữ liệu và nền tảng số, dịch vụ công trực tuyến toàn trình, cải cách thủ tục hành chính dựa trên dữ liệu, ứng dụng AI trong hỗ trợ công vụ, công dân số và xã hội số; chủ trì tham mưu, đôn đốc các nhiệm vụ về Trung tâm dữ liệu quốc gia, cơ sở dữ liệu quốc gia, chuyên ngành, định danh và xác thực điện tử, kết nối, chia sẻ, tái sử dụng dữ liệu theo nguyên tắc “đúng, đủ, sạch, sống, thống nhất, dùng chung”; hỗ trợ các bộ, ngành, địa phương số hóa hồ sơ, cắt giảm thủ tục hành chính, cung cấp dịch vụ công trực tuyến thực chất, người dân, doanh nghiệp chỉ cung cấp thông tin một lần; theo dõi danh mục dữ liệu gốc, dữ liệu chủ, dữ liệu dùng chung, dữ liệu mở và quản trị dữ liệu thống nhất trong toàn hệ thống chính trị; đánh giá hiệu quả khai thác, tái sử dụng dữ liệu qua các chỉ số (tỷ lệ hồ sơ được tự động điền, tỷ lệ tái sử dụng dữ liệu, tỷ lệ cắt giảm thành phần hồ sơ, tỷ lệ người dân, doanh nghiệp không phải cung cấp lại thông tin) và mức độ sẵn sàng dữ liệu; tổng hợp khó khăn, vướng mắc và đề xuất xử lý; phối hợp với Nhóm 4 bảo đảm an ninh mạng, an ninh dữ liệu, bảo vệ dữ liệu cá nhân trong khối Chính phủ.',
   '67-QĐ/TGV'),
  ('NHOM2', 'Nhóm 2: Phụ trách khoa học, công nghệ, đổi mới sáng tạo và tài chính',
   'Bùi Hoàng Phương, Ủy viên dự khuyết Trung ương Đảng, Thứ trưởng Bộ Khoa học và Công nghệ, Tổ phó Tổ Giúp việc',
   ARRAY['Hoàng Minh, Thứ trưởng Bộ Khoa học và Công nghệ', 'Nguyễn Đức Chi, Thứ trưởng Bộ Tài chính, thành viên Tổ Giúp việc', 'Trần Tuấn Anh, Phó Chủ tịch Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Lê Quân, Thứ trưởng Bộ Giáo dục và Đào tạo', 'Phạm Thế Bính, Phó Cục trưởng Cục Chuyển đổi số - Cơ yếu, Thư ký Tổ Giúp việc'],
   'Theo dõi, đôn đốc các nhiệm vụ phát triển khoa học, công nghệ, đổi mới sáng tạo, phát triển và trọng dụng nhân lực chất lượng cao, nhân tài, nghiên cứu, phát triển, ứng dụng và thương mại hóa công nghệ chiến lược; chủ trì theo dõi mô hình hợp tác “3 nhà” và liên kết giữa cơ quan nhà nước, viện nghiên cứu, trường đại học, doanh nghiệp, đề xuất cơ chế đưa kết quả nghiên cứu ra thị trường; tham mưu hoàn thiện thể chế, tiêu chuẩn, quy chuẩn, hướng dẫn kỹ thuật và theo dõi cơ chế thử nghiệm có kiểm soát; rà soát tiến độ các cam kết, thỏa thuận hợp tác quốc tế về khoa học, công nghệ, đổi mới sáng tạo; định kỳ đánh giá tiến độ các sản phẩm công nghệ chiến lược quốc gia, nền tảng số dùng chung, sản phẩm Make in Vietnam và việc ứng dụng AI trong khu vực công (dữ liệu huấn luyện AI, chủ quyền dữ liệu, AI có trách nhiệm); theo dõi, đôn đốc các nhiệm vụ tài chính của Chính phủ, các bộ, cơ quan ngang bộ và địa phương, tham mưu hoàn thiện thể chế tài chính, định mức chi và định mức kinh tế - kỹ thuật cho chuyển đổi số và khoa học công nghệ, phân bổ nguồn vốn, cơ chế thanh quyết toán, kiểm tra việc bố trí và sử dụng ngân sách, bảo đảm không dàn trải, lãng phí; phối hợp với Nhóm 1, Nhóm 3 về AI, kỹ năng số, chuyển đổi số cấp xã, kinh tế số, xã hội số và với Nhóm 4 về an ninh mạng, bảo mật dữ liệu.',
   '67-QĐ/TGV'),
  ('NHOM3', 'Nhóm 3: Phụ trách chuyển đổi số khối cơ quan Đảng, Quốc hội và Mặt trận Tổ quốc Việt Nam',
   'Hà Minh Hải, Phó Trưởng Ban Tổ chức Trung ương, Tổ phó Tổ Giúp việc',
   ARRAY['Trần Văn Khải, Phó Chủ nhiệm Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội, phụ trách khối Quốc hội', 'Ngô Văn Cương, Phó Bí thư chuyên trách Đảng ủy MTTQ, các đoàn thể Trung ương', 'Đinh Quang Huy, Phó Cục trưởng Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng, phụ trách khối cơ quan Đảng'],
   'Theo dõi, đôn đốc việc triển khai chuyển đổi số trong các cơ quan Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam và các tỉnh ủy, thành ủy, bảo đảm đồng bộ với nhiệm vụ chuyển đổi số chung của hệ thống chính trị; đôn đốc số hóa quy trình nghiệp vụ, hồ sơ công việc, tài liệu lưu trữ, gửi nhận văn bản điện tử có ký số, kết nối các hệ thống quản lý, điều hành, hồ sơ tổ chức đảng, đảng viên theo kiến trúc, tiêu chuẩn, hướng dẫn kỹ thuật được ban hành; phối hợp tháo gỡ khó khăn, vướng mắc về tổ chức bộ máy, quy trình, dữ liệu, phân quyền, liên thông, an ninh mạng và bảo mật dữ liệu tại các cơ quan Đảng, Quốc hội, Mặt trận Tổ quốc Việt Nam và các tổ chức chính trị - xã hội; phối hợp với Nhóm 1 bảo đảm liên thông với Chính phủ số, chính quyền số và với Nhóm 4 về an ninh mạng, cơ yếu, chữ ký số, xử lý thông tin mật; phát hiện, nhân rộng mô hình hay; theo dõi chuẩn hóa, kết nối, chia sẻ dữ liệu, cơ sở dữ liệu cán bộ, đảng viên, tổ chức đảng, môi trường làm việc số, văn phòng không giấy tờ, ký số toàn trình trong các cơ quan thuộc phạm vi phụ trách.',
   '67-QĐ/TGV'),
  ('NHOM4', 'Nhóm 4: Phụ trách an ninh thông tin mạng, an ninh mạng và bảo mật dữ liệu',
   'Lê Xuân Minh, Cục trưởng Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao, Bộ Công an, thành viên Tổ Giúp việc',
   ARRAY['Nguyễn Hữu Hùng, Phó Trưởng Ban Cơ yếu Chính phủ', 'Nguyễn Thành Vĩnh, Phó Giám đốc Trung tâm dữ liệu Quốc gia, Bộ Công an, thành viên Tổ Giúp việc', 'Đỗ Công Anh, Phó Cục trưởng, Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng'],
   'Theo dõi, đôn đốc, hướng dẫn, kiểm tra việc bảo đảm an ninh thông tin mạng, an ninh mạng, bảo mật dữ liệu, bảo vệ dữ liệu cá nhân và bí mật nhà nước; hướng dẫn bảo đảm an toàn hệ thống thông tin theo cấp độ ngay từ khâu thiết kế, đầu tư, vận hành, ưu tiên các hệ thống nền tảng, hệ thống phục vụ thủ tục hành chính, cơ sở dữ liệu lõi, Trung tâm dữ liệu quốc gia, mạng truyền số liệu chuyên dùng, mạng mật liên thông và các hệ thống thông tin trọng yếu; phối hợp kiểm thử, đánh giá, giám sát an ninh mạng, hướng dẫn mã hóa, định danh, xác thực, phân quyền, kiểm soát truy cập, sao lưu, khôi phục, xử lý sự cố và kịp thời cảnh báo rủi ro, lỗ hổng; đôn đốc triển khai chữ ký số, cơ yếu, gửi nhận văn bản và xử lý hồ sơ mật qua mạng mật liên thông, đề xuất tiêu chuẩn mật mã và giải pháp ứng phó rủi ro từ AI, điện toán lượng tử; phối hợp với các nhóm khác thẩm định, cảnh báo các vấn đề an ninh mạng; kiểm tra việc chấp hành pháp luật về bảo vệ dữ liệu cá nhân; thiết lập cơ chế giám sát, cảnh báo sớm nguy cơ lộ, mất, rò rỉ dữ liệu, mất an toàn hệ thống và tấn công mạng.',
   '67-QĐ/TGV'),
  ('NHOM5', 'Nhóm 5: Phụ trách tham mưu tổng hợp, theo dõi, giám sát và điều phối chung',
   'Ngô Hải Phan, Cục trưởng Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng, Tổ phó Thường trực Tổ Giúp việc',
   ARRAY['Trần Tuấn Anh, Phó Chủ tịch Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'Trương Việt Dũng, Phó Chủ tịch UBND Thành phố Hà Nội', 'Nguyễn Trí Dũng, thư ký đồng chí Ủy viên Bộ Chính trị, Trưởng Ban Tổ chức Trung ương, phó Trưởng Ban Thường trực Ban Chỉ đạo', 'Tạ Hải Tùng, hiệu trưởng Trường Thông tin và Truyền thông (ĐH Bách Khoa Hà Nội)', 'Đỗ Công Anh, Phó Cục trưởng, Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng'],
   'Làm đầu mối tham mưu tổng hợp, điều phối chung hoạt động của các nhóm công tác, giúp Tổ trưởng theo dõi tiến độ, chất lượng, kết quả theo hướng “đầu việc - KPI - tiến độ - trách nhiệm giải trình”; là đầu mối phân tích dữ liệu, đánh giá tiến độ theo thời gian thực, cảnh báo sớm các nhiệm vụ có nguy cơ chậm tiến độ, không đạt mục tiêu hoặc phát sinh rủi ro, tham mưu điều phối nguồn lực và xử lý nhiệm vụ liên ngành; hướng dẫn các cơ quan đăng ký danh mục nhiệm vụ, xác định KPI, chuẩn hóa cấu trúc báo cáo và dữ liệu trên Hệ thống theodoing.dcs.vn, xây dựng, vận hành Bộ chỉ số theo dõi, giám sát, đánh giá việc triển khai Nghị quyết số 57-NQ/TW gắn với cơ chế xếp hạng trên cơ sở KPI, sản phẩm đầu ra và hiệu quả thực chất, gắn với trách nhiệm người đứng đầu; thiết lập cơ chế rà soát, đối soát, kiểm chứng số liệu báo cáo với dữ liệu thực tế trên các hệ thống thông tin, cơ sở dữ liệu; tổng hợp cảnh báo sớm nhiệm vụ chậm tiến độ, rủi ro chất lượng, thiếu nguồn lực, chồng chéo trách nhiệm hoặc vướng mắc vượt thẩm quyền; chuẩn bị báo cáo giao ban, báo cáo đột xuất và tổng hợp kiến nghị của các nhóm trình Tổ trưởng, Thường trực Ban Chỉ đạo Trung ương; tổng hợp báo cáo chung của Tổ Giúp việc (Điều 3.4); tham mưu hợp tác quốc tế, tổng hợp mô hình thành công trên thế giới, kết nối chuyên gia nước ngoài và người Việt tại nước ngoài.',
   '67-QĐ/TGV')
ON CONFLICT (code) DO NOTHING;

INSERT INTO neongraph.working_group_member (group_code, agency_code, role)
SELECT m.group_code, m.agency_code, m.role
FROM (VALUES
  ('NHOM1', 'BCA', 'lead'),
  ('NHOM1', 'VPCP', 'member'),
  ('NHOM1', 'BKHCN', 'member'),
  ('NHOM1', 'BTC', 'member'),
  ('NHOM1', 'BNV', 'member'),
  ('NHOM1', 'BTP', 'member'),
  ('NHOM1', 'BXD', 'member'),
  ('NHOM1', 'BYT', 'member'),
  ('NHOM1', 'BNNMT', 'member'),
  ('NHOM1', 'BCT', 'member'),
  ('NHOM1', 'BGDDT', 'member'),
  ('NHOM2', 'BKHCN', 'lead'),
  ('NHOM2', 'BGDDT', 'member'),
  ('NHOM2', 'BCT', 'member'),
  ('NHOM2', 'BNNMT', 'member'),
  ('NHOM2', 'BXD', 'member'),
  ('NHOM2', 'BYT', 'member'),
  ('NHOM2', 'BNG', 'member'),
  ('NHOM2', 'BTC', 'member'),
  ('NHOM2', 'BNV', 'member'),
  ('NHOM2', 'BTP', 'member'),
  ('NHOM2', 'VHL_KHCN', 'member'),
  ('NHOM2', 'VHL_KHXH', 'member'),
  ('NHOM2', 'DHBKHN', 'member'),
  ('NHOM3', 'BTCTW', 'lead'),
  ('NHOM3', 'CQ_DANG_TW', 'member'),
  ('NHOM3', 'QH', 'member'),
  ('NHOM3', 'MTTQ_TW', 'member'),
  ('NHOM3', 'TANDTC', 'member'),
  ('NHOM3', 'VKSNDTC', 'member'),
  ('NHOM3', 'VHL_KHXH', 'member'),
  ('NHOM3', 'VPTW', 'member'),
  ('NHOM4', 'BCA_A05', 'lead'),
  ('NHOM4', 'BCA_TTDLQG', 'member'),
  ('NHOM4', 'BCA_C06', 'member'),
  ('NHOM4', 'BQP_BTL86', 'member'),
  ('NHOM4', 'BCY', 'member'),
  ('NHOM4', 'VPTW_CCDS', 'member'),
  ('NHOM5', 'VPTW_CCDS', 'lead'),
  ('NHOM5', 'VPTW_VTMTH', 'member'),
  ('NHOM5', 'VPTW', 'member'),
  ('NHOM5', 'BCA', 'member'),
  ('NHOM5', 'BKHCN', 'member'),
  ('NHOM5', 'VPCP', 'member'),
  ('NHOM5', 'BTC', 'member'),
  ('NHOM5', 'BTP', 'member'),
  ('NHOM5', 'BNG', 'member'),
  ('NHOM5', 'HN', 'member'),
  ('NHOM5', 'DHQGHN', 'member'),
  ('NHOM5', 'DHBKHN', 'member')
) AS m (group_code, agency_code, role)
WHERE NOT EXISTS (SELECT 1 FROM neongraph.working_group_member x
                  WHERE x.group_code = m.group_code AND x.agency_code = m.agency_code);
