-- neongraph: the agency catalog shipped with the extension (data only).
--
-- Runs inside CREATE EXTENSION after the DDL piece that creates
-- neongraph.agency(code, name, kind, parent_code, aliases, member_kind,
-- member_parent_code, members).  Everything here is fixed reference data
-- about the Vietnamese Party and State structure as of the 1 July 2025
-- reforms (14 ministries, 34 provincial units, two-level local government),
-- plus the Ho Chi Minh City bodies named in plan 01-KH/BCĐ (seed 003).
--
-- Decisions
-- * A province row (kind 'province', code HN, HCM, ... ) stands for the
--   province as an agency, that is its People's Committee: "UBND Thành phố
--   Hồ Chí Minh", "Ủy ban nhân dân tỉnh X" are aliases of it.  Its Party
--   committee is a separate row TU_<P> ('Thành ủy ...' for the six
--   centrally-run cities, 'Tỉnh ủy ...' for the 28 provinces), kind
--   'department', parent_code = the province.
-- * kind 'department' = a unit under another agency: a province's sở, ban,
--   ngành and other city bodies (parent_code = the province), a ministry's
--   cục (parent_code = the ministry, e.g. BCA_A05), and the Party organs of
--   HCMC, whose parent_code is TU_HCM (the Thành ủy), so the hierarchy reads
--   HCM > TU_HCM > HCM_VPTU (roll-ups along parent_code take every
--   descendant).
-- * A commune row (kind 'commune') stands for the ward/commune/special zone
--   as a whole (its People's Committee and its Party committee).
-- * Collectives (kind 'collective') are names that stand for a set of
--   agencies (neongraph.agency_members): member_kind (+ member_parent_code)
--   = every agency of that kind whose parent_code is that parent (direct
--   children: "Các sở, ban, ngành Thành phố" = the departments directly
--   under HCM, not the Party organs under TU_HCM), and/or members = an
--   explicit list of non-collective codes.  HCM_HTCT_2CAP lists the
--   catalogued HCMC communes by name: add new communes to it.  Phrases that
--   name no agency ("Đơn vị có liên quan") are not in the catalog: the
--   importer skips them (neongraph.is_unspecified_agency).
-- * Aliases are the forms people actually write (the seeds' own spellings,
--   including the old tone placement "Uỷ/Toà/hoá" and the misprint
--   "Trung tâm chuyên đổi số" of 01-KH/BCĐ).  Names are matched through
--   neongraph.name_key (NFC, case, spacing, tone placement, UBND/TP/VP/
--   HĐND/MTTQ spelled out, a leading "các" dropped); under that key every
--   name and alias belongs to exactly one agency, so no lookup is
--   ambiguous.  A few case/tone variants the seeds use are listed as well;
--   they share a key with another alias of the same agency and are harmless.
-- * Bare words that name both a ministry and an HCMC department ("Công an",
--   "Nội vụ", "Y tế", "KH&CN", "Khoa học và Công nghệ") are deliberately
--   NOT aliases.  Names relative to a city ("Sở Tư pháp", "Văn phòng Thành
--   ủy", "UBND cấp xã", "Các sở, ban, ngành") resolve to Ho Chi Minh City,
--   the only city whose bodies are catalogued.
-- * Merged (1/3/2025) bodies are kept as aliases of their successor
--   (Bộ Thông tin và Truyền thông -> BKHCN, Bộ Kế hoạch và Đầu tư -> BTC, ...).
-- * Multi-agency cells keep the documents' own separators (new line, ';',
--   '- ' bullets, ',' between names); names contain commas ("Các sở, ban,
--   ngành Thành phố", "UBND xã, phường"), which is why the aliases include
--   every comma-bearing form the seeds use (neongraph.match_agencies takes
--   the longest comma-separated run that is a known name).

-- Central Party bodies
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('BCH_TW', 'Ban Chấp hành Trung ương Đảng', 'party_central', NULL, ARRAY['Ban Chấp hành Trung ương', 'BCHTW'], NULL, NULL, NULL),
  ('BO_CHINH_TRI', 'Bộ Chính trị', 'party_central', NULL, '{}', NULL, NULL, NULL),
  ('BAN_BI_THU', 'Ban Bí thư', 'party_central', NULL, ARRAY['Ban Bí thư Trung ương Đảng'], NULL, NULL, NULL),
  ('BCDTW', 'Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'party_central', NULL, ARRAY['Ban Chỉ đạo Trung ương', 'BCĐTW', 'Ban Chỉ đạo chuyển đổi số Trung ương', 'Ban Chỉ đạo Trung ương phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số'], NULL, NULL, NULL),
  ('CQTT_BCD', 'Cơ quan Thường trực Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'party_central', 'BCDTW', ARRAY['Cơ quan Thường trực Ban Chỉ đạo', 'Cơ quan Thường trực Ban Chỉ đạo Trung ương', 'CQTTBCĐ', 'Văn phòng Trung ương Đảng - Cơ quan Thường trực Ban Chỉ đạo'], NULL, NULL, NULL),  -- the Văn phòng Trung ương Đảng acting as standing body; issuer of 07-TB/CQTTBCĐ
  ('TGV', 'Tổ Giúp việc Ban Chỉ đạo Trung ương về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số', 'party_central', 'BCDTW', ARRAY['Tổ Giúp việc', 'Tổ Giúp việc Ban Chỉ đạo Trung ương', 'Tổ Giúp việc Ban Chỉ đạo', 'Thường trực Tổ Giúp việc', 'TGV'], NULL, NULL, NULL),  -- issuer of 44-TB/TGV and 67-QĐ/TGV
  ('VPTW', 'Văn phòng Trung ương Đảng', 'party_central', NULL, ARRAY['VPTW', 'Văn phòng Trung ương', 'VPTWĐ'], NULL, NULL, NULL),
  ('BTCTW', 'Ban Tổ chức Trung ương', 'party_central', NULL, ARRAY['BTCTW', 'Ban Tổ chức Trung ương Đảng'], NULL, NULL, NULL),
  ('BTGDVTW', 'Ban Tuyên giáo và Dân vận Trung ương', 'party_central', NULL, ARRAY['BTGDVTW', 'Ban Tuyên giáo Trung ương', 'Ban Dân vận Trung ương'], NULL, NULL, NULL),  -- formed 2025 from Ban Tuyên giáo TW and Ban Dân vận TW; the old names are kept as aliases
  ('UBKTTW', 'Ủy ban Kiểm tra Trung ương', 'party_central', NULL, ARRAY['Uỷ ban Kiểm tra Trung ương', 'UBKTTW'], NULL, NULL, NULL),
  ('BNCTW', 'Ban Nội chính Trung ương', 'party_central', NULL, ARRAY['BNCTW'], NULL, NULL, NULL),
  ('BCSCLTW', 'Ban Chính sách, chiến lược Trung ương', 'party_central', NULL, ARRAY['BCSCLTW', 'Ban Kinh tế Trung ương'], NULL, NULL, NULL),  -- successor of Ban Kinh tế Trung ương (2025)
  ('DU_CP', 'Đảng ủy Chính phủ', 'party_central', NULL, ARRAY['Đảng uỷ Chính phủ'], NULL, NULL, NULL),
  ('DU_QH', 'Đảng ủy Quốc hội', 'party_central', NULL, ARRAY['Đảng uỷ Quốc hội'], NULL, NULL, NULL),
  ('DU_MTTQ', 'Đảng ủy Mặt trận Tổ quốc, các đoàn thể Trung ương', 'party_central', NULL, ARRAY['Đảng uỷ Mặt trận Tổ quốc, các đoàn thể Trung ương', 'Đảng ủy MTTQ, các đoàn thể Trung ương', 'Đảng ủy Mặt trận Tổ quốc Việt Nam, các đoàn thể Trung ương'], NULL, NULL, NULL),
  ('DU_CQDTW', 'Đảng ủy các cơ quan Đảng Trung ương', 'party_central', NULL, ARRAY['Đảng uỷ các cơ quan Đảng Trung ương'], NULL, NULL, NULL),
  ('DU_CATW', 'Đảng ủy Công an Trung ương', 'party_central', NULL, ARRAY['Đảng uỷ Công an Trung ương'], NULL, NULL, NULL),
  ('QUTW', 'Quân ủy Trung ương', 'party_central', NULL, ARRAY['Quân uỷ Trung ương'], NULL, NULL, NULL),
  ('VPTW_CCDS', 'Cục Chuyển đổi số - Cơ yếu (Văn phòng Trung ương Đảng)', 'department', 'VPTW', ARRAY['Cục Chuyển đổi số - Cơ yếu', 'Cục Chuyển đổi số - Cơ yếu, Văn phòng Trung ương Đảng'], NULL, NULL, NULL),
  ('VPTW_VTMTH', 'Vụ Tham mưu Tổng hợp (Văn phòng Trung ương Đảng)', 'department', 'VPTW', ARRAY['Vụ Tham mưu Tổng hợp'], NULL, NULL, NULL);

-- Central State bodies
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('QH', 'Quốc hội', 'state_central', NULL, ARRAY['Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam'], NULL, NULL, NULL),
  ('VPQH', 'Văn phòng Quốc hội', 'state_central', 'QH', ARRAY['VPQH'], NULL, NULL, NULL),
  ('QH_UBKHCNMT', 'Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội', 'state_central', 'QH', ARRAY['Uỷ ban Khoa học, Công nghệ và Môi trường của Quốc hội', 'Ủy ban Khoa học, Công nghệ và Môi trường'], NULL, NULL, NULL),
  ('VPCTN', 'Văn phòng Chủ tịch nước', 'state_central', NULL, ARRAY['Chủ tịch nước'], NULL, NULL, NULL),
  ('CP', 'Chính phủ', 'state_central', NULL, ARRAY['Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam'], NULL, NULL, NULL),
  ('TTG', 'Thủ tướng Chính phủ', 'state_central', 'CP', ARRAY['Thủ tướng'], NULL, NULL, NULL),
  ('TANDTC', 'Tòa án nhân dân tối cao', 'state_central', NULL, ARRAY['Toà án nhân dân tối cao', 'TANDTC'], NULL, NULL, NULL),
  ('VKSNDTC', 'Viện kiểm sát nhân dân tối cao', 'state_central', NULL, ARRAY['Viện Kiểm sát nhân dân tối cao', 'VKSNDTC'], NULL, NULL, NULL),
  ('MTTQ_TW', 'Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'state_central', NULL, ARRAY['Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Cơ quan Ủy ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Cơ quan Uỷ ban Trung ương Mặt trận Tổ quốc Việt Nam', 'Cơ quan Trung ương Mặt trận Tổ quốc Việt Nam', 'Mặt trận Tổ quốc Việt Nam', 'MTTQ Việt Nam', 'UBTW MTTQ Việt Nam'], NULL, NULL, NULL),
  ('KTNN', 'Kiểm toán nhà nước', 'state_central', NULL, ARRAY['KTNN'], NULL, NULL, NULL),
  ('BCY', 'Ban Cơ yếu Chính phủ', 'state_central', NULL, ARRAY['BCY'], NULL, NULL, NULL),  -- organisationally under Bộ Quốc phòng; kept top-level because directives task it directly
  ('VHL_KHCN', 'Viện Hàn lâm Khoa học và Công nghệ Việt Nam', 'state_central', NULL, ARRAY['Viện Hàn lâm KHCN Việt Nam', 'VAST'], NULL, NULL, NULL),
  ('VHL_KHXH', 'Viện Hàn lâm Khoa học xã hội Việt Nam', 'state_central', NULL, ARRAY['Viện Hàn lâm KHXH Việt Nam', 'VASS'], NULL, NULL, NULL),
  ('TTXVN', 'Thông tấn xã Việt Nam', 'state_central', NULL, ARRAY['TTXVN'], NULL, NULL, NULL),
  ('VOV', 'Đài Tiếng nói Việt Nam', 'state_central', NULL, ARRAY['VOV'], NULL, NULL, NULL),
  ('VTV', 'Đài Truyền hình Việt Nam', 'state_central', NULL, ARRAY['VTV'], NULL, NULL, NULL),
  ('DHQGHN', 'Đại học Quốc gia Hà Nội', 'state_central', NULL, ARRAY['ĐHQGHN', 'ĐHQG Hà Nội'], NULL, NULL, NULL),
  ('DHQG_HCM', 'Đại học Quốc gia Thành phố Hồ Chí Minh', 'state_central', NULL, ARRAY['Đại học Quốc gia TP.HCM', 'Đại học Quốc gia TP. Hồ Chí Minh', 'ĐHQG-HCM', 'ĐHQG TP.HCM'], NULL, NULL, NULL),
  ('DHBKHN', 'Đại học Bách khoa Hà Nội', 'state_central', NULL, ARRAY['Đại học Bách Khoa Hà Nội', 'Trường Đại học Bách khoa Hà Nội', 'ĐH Bách khoa Hà Nội', 'ĐH Bách Khoa Hà Nội', 'ĐHBK Hà Nội'], NULL, NULL, NULL),
  ('DHDN', 'Đại học Đà Nẵng', 'state_central', NULL, ARRAY['ĐHĐN'], NULL, NULL, NULL);

-- Ministries and ministerial-level agencies (14 + NHNN, TTCP, VPCP) and their units named in 67-QĐ/TGV
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('BQP', 'Bộ Quốc phòng', 'ministry', NULL, ARRAY['BQP'], NULL, NULL, NULL),
  ('BCA', 'Bộ Công an', 'ministry', NULL, ARRAY['BCA'], NULL, NULL, NULL),
  ('BNG', 'Bộ Ngoại giao', 'ministry', NULL, ARRAY['BNG'], NULL, NULL, NULL),
  ('BNV', 'Bộ Nội vụ', 'ministry', NULL, ARRAY['BNV', 'Bộ Lao động - Thương binh và Xã hội'], NULL, NULL, NULL),  -- Bộ Lao động - Thương binh và Xã hội merged into Bộ Nội vụ (1/3/2025)
  ('BTP', 'Bộ Tư pháp', 'ministry', NULL, ARRAY['BTP'], NULL, NULL, NULL),
  ('BTC', 'Bộ Tài chính', 'ministry', NULL, ARRAY['BTC', 'Bộ Kế hoạch và Đầu tư'], NULL, NULL, NULL),  -- Bộ Kế hoạch và Đầu tư merged into Bộ Tài chính (1/3/2025)
  ('BCT', 'Bộ Công Thương', 'ministry', NULL, ARRAY['Bộ Công thương', 'BCT'], NULL, NULL, NULL),
  ('BNNMT', 'Bộ Nông nghiệp và Môi trường', 'ministry', NULL, ARRAY['Bộ NN&MT', 'Bộ NNMT', 'BNNMT', 'Bộ Nông nghiệp và Phát triển nông thôn', 'Bộ Tài nguyên và Môi trường'], NULL, NULL, NULL),  -- formed 1/3/2025 from Bộ NN&PTNT and Bộ TN&MT
  ('BXD', 'Bộ Xây dựng', 'ministry', NULL, ARRAY['BXD', 'Bộ Giao thông vận tải'], NULL, NULL, NULL),  -- Bộ Giao thông vận tải merged into Bộ Xây dựng (1/3/2025)
  ('BVHTTDL', 'Bộ Văn hóa, Thể thao và Du lịch', 'ministry', NULL, ARRAY['Bộ Văn hoá, Thể thao và Du lịch', 'Bộ VHTTDL', 'Bộ VH-TT&DL', 'BVHTTDL'], NULL, NULL, NULL),
  ('BKHCN', 'Bộ Khoa học và Công nghệ', 'ministry', NULL, ARRAY['Bộ KH&CN', 'Bộ KHCN', 'BKHCN', 'Bộ Thông tin và Truyền thông'], NULL, NULL, NULL),  -- Bộ Thông tin và Truyền thông merged into Bộ Khoa học và Công nghệ (1/3/2025)
  ('BGDDT', 'Bộ Giáo dục và Đào tạo', 'ministry', NULL, ARRAY['Bộ Giáo dục và đào tạo', 'Bộ GD&ĐT', 'Bộ GDĐT', 'BGDĐT'], NULL, NULL, NULL),
  ('BYT', 'Bộ Y tế', 'ministry', NULL, ARRAY['BYT'], NULL, NULL, NULL),
  ('BDTTG', 'Bộ Dân tộc và Tôn giáo', 'ministry', NULL, ARRAY['Bộ DT&TG', 'BDTTG', 'Ủy ban Dân tộc'], NULL, NULL, NULL),  -- formed 1/3/2025 from Ủy ban Dân tộc (and the Ban Tôn giáo Chính phủ)
  ('NHNN', 'Ngân hàng Nhà nước Việt Nam', 'ministry', NULL, ARRAY['Ngân hàng Nhà nước', 'NHNN'], NULL, NULL, NULL),
  ('TTCP', 'Thanh tra Chính phủ', 'ministry', NULL, ARRAY['TTCP'], NULL, NULL, NULL),
  ('VPCP', 'Văn phòng Chính phủ', 'ministry', NULL, ARRAY['VPCP'], NULL, NULL, NULL),
  ('BCA_A05', 'Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (Bộ Công an)', 'department', 'BCA', ARRAY['Cục An ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao', 'Cục A05'], NULL, NULL, NULL),
  ('BCA_C06', 'Cục Cảnh sát quản lý hành chính về trật tự xã hội (Bộ Công an)', 'department', 'BCA', ARRAY['Cục Cảnh sát quản lý hành chính về trật tự xã hội', 'Cục C06'], NULL, NULL, NULL),
  ('BCA_TTDLQG', 'Trung tâm Dữ liệu quốc gia (Bộ Công an)', 'department', 'BCA', ARRAY['Trung tâm Dữ liệu quốc gia', 'Trung tâm dữ liệu Quốc gia'], NULL, NULL, NULL),
  ('BQP_BTL86', 'Bộ Tư lệnh Tác chiến không gian mạng (Bộ Quốc phòng)', 'department', 'BQP', ARRAY['Bộ Tư lệnh Tác chiến không gian mạng', 'Bộ Tư lệnh 86'], NULL, NULL, NULL);

-- The 34 provincial units (Nghị quyết 202/2025/QH15, from 1/7/2025)
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('HN', 'Thành phố Hà Nội', 'province', NULL, ARRAY['Hà Nội', 'UBND thành phố Hà Nội', 'UBND Thành phố Hà Nội', 'Ủy ban nhân dân thành phố Hà Nội', 'Ủy ban nhân dân Thành phố Hà Nội', 'Uỷ ban nhân dân thành phố Hà Nội', 'Uỷ ban nhân dân Thành phố Hà Nội', 'thành phố Hà Nội', 'TP. Hà Nội', 'TP Hà Nội', 'Thủ đô Hà Nội', 'UBND TP. Hà Nội', 'Ủy ban Nhân dân Thành phố Hà Nội'], NULL, NULL, NULL),
  ('HUE', 'Thành phố Huế', 'province', NULL, ARRAY['Huế', 'UBND thành phố Huế', 'UBND Thành phố Huế', 'Ủy ban nhân dân thành phố Huế', 'Ủy ban nhân dân Thành phố Huế', 'Uỷ ban nhân dân thành phố Huế', 'Uỷ ban nhân dân Thành phố Huế', 'thành phố Huế', 'TP. Huế', 'Thừa Thiên Huế'], NULL, NULL, NULL),
  ('HP', 'Thành phố Hải Phòng', 'province', NULL, ARRAY['Hải Phòng', 'UBND thành phố Hải Phòng', 'UBND Thành phố Hải Phòng', 'Ủy ban nhân dân thành phố Hải Phòng', 'Ủy ban nhân dân Thành phố Hải Phòng', 'Uỷ ban nhân dân thành phố Hải Phòng', 'Uỷ ban nhân dân Thành phố Hải Phòng', 'thành phố Hải Phòng', 'TP. Hải Phòng'], NULL, NULL, NULL),
  ('DN', 'Thành phố Đà Nẵng', 'province', NULL, ARRAY['Đà Nẵng', 'UBND thành phố Đà Nẵng', 'UBND Thành phố Đà Nẵng', 'Ủy ban nhân dân thành phố Đà Nẵng', 'Ủy ban nhân dân Thành phố Đà Nẵng', 'Uỷ ban nhân dân thành phố Đà Nẵng', 'Uỷ ban nhân dân Thành phố Đà Nẵng', 'thành phố Đà Nẵng', 'TP. Đà Nẵng'], NULL, NULL, NULL),
  ('HCM', 'Thành phố Hồ Chí Minh', 'province', NULL, ARRAY['Hồ Chí Minh', 'UBND thành phố Hồ Chí Minh', 'UBND Thành phố Hồ Chí Minh', 'Ủy ban nhân dân thành phố Hồ Chí Minh', 'Ủy ban nhân dân Thành phố Hồ Chí Minh', 'Uỷ ban nhân dân thành phố Hồ Chí Minh', 'Uỷ ban nhân dân Thành phố Hồ Chí Minh', 'thành phố Hồ Chí Minh', 'TP.HCM', 'TP. HCM', 'TPHCM', 'TP HCM', 'TP.Hồ Chí Minh', 'TP. Hồ Chí Minh', 'UBND TP.HCM', 'UBND TP. Hồ Chí Minh', 'Ủy ban nhân dân TP.HCM', 'UBND Thành phố', 'UBND TP', 'Ủy ban nhân dân Thành phố', 'Uỷ ban nhân dân Thành phố'], NULL, NULL, NULL),
  ('CT', 'Thành phố Cần Thơ', 'province', NULL, ARRAY['Cần Thơ', 'UBND thành phố Cần Thơ', 'UBND Thành phố Cần Thơ', 'Ủy ban nhân dân thành phố Cần Thơ', 'Ủy ban nhân dân Thành phố Cần Thơ', 'Uỷ ban nhân dân thành phố Cần Thơ', 'Uỷ ban nhân dân Thành phố Cần Thơ', 'thành phố Cần Thơ', 'TP. Cần Thơ'], NULL, NULL, NULL),
  ('TQ', 'Tỉnh Tuyên Quang', 'province', NULL, ARRAY['Tuyên Quang', 'UBND tỉnh Tuyên Quang', 'UBND Tỉnh Tuyên Quang', 'Ủy ban nhân dân tỉnh Tuyên Quang', 'Ủy ban nhân dân Tỉnh Tuyên Quang', 'Uỷ ban nhân dân tỉnh Tuyên Quang', 'Uỷ ban nhân dân Tỉnh Tuyên Quang', 'tỉnh Tuyên Quang'], NULL, NULL, NULL),
  ('CB', 'Tỉnh Cao Bằng', 'province', NULL, ARRAY['Cao Bằng', 'UBND tỉnh Cao Bằng', 'UBND Tỉnh Cao Bằng', 'Ủy ban nhân dân tỉnh Cao Bằng', 'Ủy ban nhân dân Tỉnh Cao Bằng', 'Uỷ ban nhân dân tỉnh Cao Bằng', 'Uỷ ban nhân dân Tỉnh Cao Bằng', 'tỉnh Cao Bằng'], NULL, NULL, NULL),
  ('LCH', 'Tỉnh Lai Châu', 'province', NULL, ARRAY['Lai Châu', 'UBND tỉnh Lai Châu', 'UBND Tỉnh Lai Châu', 'Ủy ban nhân dân tỉnh Lai Châu', 'Ủy ban nhân dân Tỉnh Lai Châu', 'Uỷ ban nhân dân tỉnh Lai Châu', 'Uỷ ban nhân dân Tỉnh Lai Châu', 'tỉnh Lai Châu'], NULL, NULL, NULL),
  ('LCA', 'Tỉnh Lào Cai', 'province', NULL, ARRAY['Lào Cai', 'UBND tỉnh Lào Cai', 'UBND Tỉnh Lào Cai', 'Ủy ban nhân dân tỉnh Lào Cai', 'Ủy ban nhân dân Tỉnh Lào Cai', 'Uỷ ban nhân dân tỉnh Lào Cai', 'Uỷ ban nhân dân Tỉnh Lào Cai', 'tỉnh Lào Cai'], NULL, NULL, NULL),
  ('TN', 'Tỉnh Thái Nguyên', 'province', NULL, ARRAY['Thái Nguyên', 'UBND tỉnh Thái Nguyên', 'UBND Tỉnh Thái Nguyên', 'Ủy ban nhân dân tỉnh Thái Nguyên', 'Ủy ban nhân dân Tỉnh Thái Nguyên', 'Uỷ ban nhân dân tỉnh Thái Nguyên', 'Uỷ ban nhân dân Tỉnh Thái Nguyên', 'tỉnh Thái Nguyên'], NULL, NULL, NULL),
  ('DB', 'Tỉnh Điện Biên', 'province', NULL, ARRAY['Điện Biên', 'UBND tỉnh Điện Biên', 'UBND Tỉnh Điện Biên', 'Ủy ban nhân dân tỉnh Điện Biên', 'Ủy ban nhân dân Tỉnh Điện Biên', 'Uỷ ban nhân dân tỉnh Điện Biên', 'Uỷ ban nhân dân Tỉnh Điện Biên', 'tỉnh Điện Biên'], NULL, NULL, NULL),
  ('LS', 'Tỉnh Lạng Sơn', 'province', NULL, ARRAY['Lạng Sơn', 'UBND tỉnh Lạng Sơn', 'UBND Tỉnh Lạng Sơn', 'Ủy ban nhân dân tỉnh Lạng Sơn', 'Ủy ban nhân dân Tỉnh Lạng Sơn', 'Uỷ ban nhân dân tỉnh Lạng Sơn', 'Uỷ ban nhân dân Tỉnh Lạng Sơn', 'tỉnh Lạng Sơn'], NULL, NULL, NULL),
  ('SL', 'Tỉnh Sơn La', 'province', NULL, ARRAY['Sơn La', 'UBND tỉnh Sơn La', 'UBND Tỉnh Sơn La', 'Ủy ban nhân dân tỉnh Sơn La', 'Ủy ban nhân dân Tỉnh Sơn La', 'Uỷ ban nhân dân tỉnh Sơn La', 'Uỷ ban nhân dân Tỉnh Sơn La', 'tỉnh Sơn La'], NULL, NULL, NULL),
  ('PT', 'Tỉnh Phú Thọ', 'province', NULL, ARRAY['Phú Thọ', 'UBND tỉnh Phú Thọ', 'UBND Tỉnh Phú Thọ', 'Ủy ban nhân dân tỉnh Phú Thọ', 'Ủy ban nhân dân Tỉnh Phú Thọ', 'Uỷ ban nhân dân tỉnh Phú Thọ', 'Uỷ ban nhân dân Tỉnh Phú Thọ', 'tỉnh Phú Thọ'], NULL, NULL, NULL),
  ('BN', 'Tỉnh Bắc Ninh', 'province', NULL, ARRAY['Bắc Ninh', 'UBND tỉnh Bắc Ninh', 'UBND Tỉnh Bắc Ninh', 'Ủy ban nhân dân tỉnh Bắc Ninh', 'Ủy ban nhân dân Tỉnh Bắc Ninh', 'Uỷ ban nhân dân tỉnh Bắc Ninh', 'Uỷ ban nhân dân Tỉnh Bắc Ninh', 'tỉnh Bắc Ninh'], NULL, NULL, NULL),
  ('QN', 'Tỉnh Quảng Ninh', 'province', NULL, ARRAY['Quảng Ninh', 'UBND tỉnh Quảng Ninh', 'UBND Tỉnh Quảng Ninh', 'Ủy ban nhân dân tỉnh Quảng Ninh', 'Ủy ban nhân dân Tỉnh Quảng Ninh', 'Uỷ ban nhân dân tỉnh Quảng Ninh', 'Uỷ ban nhân dân Tỉnh Quảng Ninh', 'tỉnh Quảng Ninh'], NULL, NULL, NULL),
  ('HY', 'Tỉnh Hưng Yên', 'province', NULL, ARRAY['Hưng Yên', 'UBND tỉnh Hưng Yên', 'UBND Tỉnh Hưng Yên', 'Ủy ban nhân dân tỉnh Hưng Yên', 'Ủy ban nhân dân Tỉnh Hưng Yên', 'Uỷ ban nhân dân tỉnh Hưng Yên', 'Uỷ ban nhân dân Tỉnh Hưng Yên', 'tỉnh Hưng Yên'], NULL, NULL, NULL),
  ('NB', 'Tỉnh Ninh Bình', 'province', NULL, ARRAY['Ninh Bình', 'UBND tỉnh Ninh Bình', 'UBND Tỉnh Ninh Bình', 'Ủy ban nhân dân tỉnh Ninh Bình', 'Ủy ban nhân dân Tỉnh Ninh Bình', 'Uỷ ban nhân dân tỉnh Ninh Bình', 'Uỷ ban nhân dân Tỉnh Ninh Bình', 'tỉnh Ninh Bình'], NULL, NULL, NULL),
  ('TH', 'Tỉnh Thanh Hóa', 'province', NULL, ARRAY['Thanh Hóa', 'UBND tỉnh Thanh Hóa', 'UBND Tỉnh Thanh Hóa', 'Ủy ban nhân dân tỉnh Thanh Hóa', 'Ủy ban nhân dân Tỉnh Thanh Hóa', 'Uỷ ban nhân dân tỉnh Thanh Hóa', 'Uỷ ban nhân dân Tỉnh Thanh Hóa', 'tỉnh Thanh Hóa', 'Thanh Hoá', 'Tỉnh Thanh Hoá', 'UBND tỉnh Thanh Hoá', 'Ủy ban nhân dân tỉnh Thanh Hoá'], NULL, NULL, NULL),
  ('NA', 'Tỉnh Nghệ An', 'province', NULL, ARRAY['Nghệ An', 'UBND tỉnh Nghệ An', 'UBND Tỉnh Nghệ An', 'Ủy ban nhân dân tỉnh Nghệ An', 'Ủy ban nhân dân Tỉnh Nghệ An', 'Uỷ ban nhân dân tỉnh Nghệ An', 'Uỷ ban nhân dân Tỉnh Nghệ An', 'tỉnh Nghệ An'], NULL, NULL, NULL),
  ('HT', 'Tỉnh Hà Tĩnh', 'province', NULL, ARRAY['Hà Tĩnh', 'UBND tỉnh Hà Tĩnh', 'UBND Tỉnh Hà Tĩnh', 'Ủy ban nhân dân tỉnh Hà Tĩnh', 'Ủy ban nhân dân Tỉnh Hà Tĩnh', 'Uỷ ban nhân dân tỉnh Hà Tĩnh', 'Uỷ ban nhân dân Tỉnh Hà Tĩnh', 'tỉnh Hà Tĩnh'], NULL, NULL, NULL),
  ('QT', 'Tỉnh Quảng Trị', 'province', NULL, ARRAY['Quảng Trị', 'UBND tỉnh Quảng Trị', 'UBND Tỉnh Quảng Trị', 'Ủy ban nhân dân tỉnh Quảng Trị', 'Ủy ban nhân dân Tỉnh Quảng Trị', 'Uỷ ban nhân dân tỉnh Quảng Trị', 'Uỷ ban nhân dân Tỉnh Quảng Trị', 'tỉnh Quảng Trị'], NULL, NULL, NULL),
  ('QNG', 'Tỉnh Quảng Ngãi', 'province', NULL, ARRAY['Quảng Ngãi', 'UBND tỉnh Quảng Ngãi', 'UBND Tỉnh Quảng Ngãi', 'Ủy ban nhân dân tỉnh Quảng Ngãi', 'Ủy ban nhân dân Tỉnh Quảng Ngãi', 'Uỷ ban nhân dân tỉnh Quảng Ngãi', 'Uỷ ban nhân dân Tỉnh Quảng Ngãi', 'tỉnh Quảng Ngãi'], NULL, NULL, NULL),
  ('GL', 'Tỉnh Gia Lai', 'province', NULL, ARRAY['Gia Lai', 'UBND tỉnh Gia Lai', 'UBND Tỉnh Gia Lai', 'Ủy ban nhân dân tỉnh Gia Lai', 'Ủy ban nhân dân Tỉnh Gia Lai', 'Uỷ ban nhân dân tỉnh Gia Lai', 'Uỷ ban nhân dân Tỉnh Gia Lai', 'tỉnh Gia Lai'], NULL, NULL, NULL),
  ('KH', 'Tỉnh Khánh Hòa', 'province', NULL, ARRAY['Khánh Hòa', 'UBND tỉnh Khánh Hòa', 'UBND Tỉnh Khánh Hòa', 'Ủy ban nhân dân tỉnh Khánh Hòa', 'Ủy ban nhân dân Tỉnh Khánh Hòa', 'Uỷ ban nhân dân tỉnh Khánh Hòa', 'Uỷ ban nhân dân Tỉnh Khánh Hòa', 'tỉnh Khánh Hòa', 'Khánh Hoà', 'Tỉnh Khánh Hoà', 'UBND tỉnh Khánh Hoà', 'Ủy ban nhân dân tỉnh Khánh Hoà'], NULL, NULL, NULL),
  ('LD', 'Tỉnh Lâm Đồng', 'province', NULL, ARRAY['Lâm Đồng', 'UBND tỉnh Lâm Đồng', 'UBND Tỉnh Lâm Đồng', 'Ủy ban nhân dân tỉnh Lâm Đồng', 'Ủy ban nhân dân Tỉnh Lâm Đồng', 'Uỷ ban nhân dân tỉnh Lâm Đồng', 'Uỷ ban nhân dân Tỉnh Lâm Đồng', 'tỉnh Lâm Đồng'], NULL, NULL, NULL),
  ('DL', 'Tỉnh Đắk Lắk', 'province', NULL, ARRAY['Đắk Lắk', 'UBND tỉnh Đắk Lắk', 'UBND Tỉnh Đắk Lắk', 'Ủy ban nhân dân tỉnh Đắk Lắk', 'Ủy ban nhân dân Tỉnh Đắk Lắk', 'Uỷ ban nhân dân tỉnh Đắk Lắk', 'Uỷ ban nhân dân Tỉnh Đắk Lắk', 'tỉnh Đắk Lắk'], NULL, NULL, NULL),
  ('DNA', 'Tỉnh Đồng Nai', 'province', NULL, ARRAY['Đồng Nai', 'UBND tỉnh Đồng Nai', 'UBND Tỉnh Đồng Nai', 'Ủy ban nhân dân tỉnh Đồng Nai', 'Ủy ban nhân dân Tỉnh Đồng Nai', 'Uỷ ban nhân dân tỉnh Đồng Nai', 'Uỷ ban nhân dân Tỉnh Đồng Nai', 'tỉnh Đồng Nai'], NULL, NULL, NULL),
  ('TNI', 'Tỉnh Tây Ninh', 'province', NULL, ARRAY['Tây Ninh', 'UBND tỉnh Tây Ninh', 'UBND Tỉnh Tây Ninh', 'Ủy ban nhân dân tỉnh Tây Ninh', 'Ủy ban nhân dân Tỉnh Tây Ninh', 'Uỷ ban nhân dân tỉnh Tây Ninh', 'Uỷ ban nhân dân Tỉnh Tây Ninh', 'tỉnh Tây Ninh'], NULL, NULL, NULL),
  ('VL', 'Tỉnh Vĩnh Long', 'province', NULL, ARRAY['Vĩnh Long', 'UBND tỉnh Vĩnh Long', 'UBND Tỉnh Vĩnh Long', 'Ủy ban nhân dân tỉnh Vĩnh Long', 'Ủy ban nhân dân Tỉnh Vĩnh Long', 'Uỷ ban nhân dân tỉnh Vĩnh Long', 'Uỷ ban nhân dân Tỉnh Vĩnh Long', 'tỉnh Vĩnh Long'], NULL, NULL, NULL),
  ('DT', 'Tỉnh Đồng Tháp', 'province', NULL, ARRAY['Đồng Tháp', 'UBND tỉnh Đồng Tháp', 'UBND Tỉnh Đồng Tháp', 'Ủy ban nhân dân tỉnh Đồng Tháp', 'Ủy ban nhân dân Tỉnh Đồng Tháp', 'Uỷ ban nhân dân tỉnh Đồng Tháp', 'Uỷ ban nhân dân Tỉnh Đồng Tháp', 'tỉnh Đồng Tháp'], NULL, NULL, NULL),
  ('CM', 'Tỉnh Cà Mau', 'province', NULL, ARRAY['Cà Mau', 'UBND tỉnh Cà Mau', 'UBND Tỉnh Cà Mau', 'Ủy ban nhân dân tỉnh Cà Mau', 'Ủy ban nhân dân Tỉnh Cà Mau', 'Uỷ ban nhân dân tỉnh Cà Mau', 'Uỷ ban nhân dân Tỉnh Cà Mau', 'tỉnh Cà Mau'], NULL, NULL, NULL),
  ('AG', 'Tỉnh An Giang', 'province', NULL, ARRAY['An Giang', 'UBND tỉnh An Giang', 'UBND Tỉnh An Giang', 'Ủy ban nhân dân tỉnh An Giang', 'Ủy ban nhân dân Tỉnh An Giang', 'Uỷ ban nhân dân tỉnh An Giang', 'Uỷ ban nhân dân Tỉnh An Giang', 'tỉnh An Giang'], NULL, NULL, NULL);

-- Party committees of the 34 provincial units
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('TU_HN', 'Thành ủy Hà Nội', 'department', 'HN', ARRAY['Thành uỷ Hà Nội'], NULL, NULL, NULL),
  ('TU_HUE', 'Thành ủy Huế', 'department', 'HUE', ARRAY['Thành uỷ Huế'], NULL, NULL, NULL),
  ('TU_HP', 'Thành ủy Hải Phòng', 'department', 'HP', ARRAY['Thành uỷ Hải Phòng'], NULL, NULL, NULL),
  ('TU_DN', 'Thành ủy Đà Nẵng', 'department', 'DN', ARRAY['Thành uỷ Đà Nẵng'], NULL, NULL, NULL),
  ('TU_HCM', 'Thành ủy Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Thành uỷ Thành phố Hồ Chí Minh', 'Thành ủy TP.HCM', 'Thành ủy TP. Hồ Chí Minh', 'Thành ủy Hồ Chí Minh', 'Thành ủy Thành phố', 'Ban Thường vụ Thành ủy'], NULL, NULL, NULL),
  ('TU_CT', 'Thành ủy Cần Thơ', 'department', 'CT', ARRAY['Thành uỷ Cần Thơ'], NULL, NULL, NULL),
  ('TU_TQ', 'Tỉnh ủy Tuyên Quang', 'department', 'TQ', ARRAY['Tỉnh uỷ Tuyên Quang'], NULL, NULL, NULL),
  ('TU_CB', 'Tỉnh ủy Cao Bằng', 'department', 'CB', ARRAY['Tỉnh uỷ Cao Bằng'], NULL, NULL, NULL),
  ('TU_LCH', 'Tỉnh ủy Lai Châu', 'department', 'LCH', ARRAY['Tỉnh uỷ Lai Châu'], NULL, NULL, NULL),
  ('TU_LCA', 'Tỉnh ủy Lào Cai', 'department', 'LCA', ARRAY['Tỉnh uỷ Lào Cai'], NULL, NULL, NULL),
  ('TU_TN', 'Tỉnh ủy Thái Nguyên', 'department', 'TN', ARRAY['Tỉnh uỷ Thái Nguyên'], NULL, NULL, NULL),
  ('TU_DB', 'Tỉnh ủy Điện Biên', 'department', 'DB', ARRAY['Tỉnh uỷ Điện Biên'], NULL, NULL, NULL),
  ('TU_LS', 'Tỉnh ủy Lạng Sơn', 'department', 'LS', ARRAY['Tỉnh uỷ Lạng Sơn'], NULL, NULL, NULL),
  ('TU_SL', 'Tỉnh ủy Sơn La', 'department', 'SL', ARRAY['Tỉnh uỷ Sơn La'], NULL, NULL, NULL),
  ('TU_PT', 'Tỉnh ủy Phú Thọ', 'department', 'PT', ARRAY['Tỉnh uỷ Phú Thọ'], NULL, NULL, NULL),
  ('TU_BN', 'Tỉnh ủy Bắc Ninh', 'department', 'BN', ARRAY['Tỉnh uỷ Bắc Ninh'], NULL, NULL, NULL),
  ('TU_QN', 'Tỉnh ủy Quảng Ninh', 'department', 'QN', ARRAY['Tỉnh uỷ Quảng Ninh'], NULL, NULL, NULL),
  ('TU_HY', 'Tỉnh ủy Hưng Yên', 'department', 'HY', ARRAY['Tỉnh uỷ Hưng Yên'], NULL, NULL, NULL),
  ('TU_NB', 'Tỉnh ủy Ninh Bình', 'department', 'NB', ARRAY['Tỉnh uỷ Ninh Bình'], NULL, NULL, NULL),
  ('TU_TH', 'Tỉnh ủy Thanh Hóa', 'department', 'TH', ARRAY['Tỉnh uỷ Thanh Hóa', 'Tỉnh ủy Thanh Hoá'], NULL, NULL, NULL),
  ('TU_NA', 'Tỉnh ủy Nghệ An', 'department', 'NA', ARRAY['Tỉnh uỷ Nghệ An'], NULL, NULL, NULL),
  ('TU_HT', 'Tỉnh ủy Hà Tĩnh', 'department', 'HT', ARRAY['Tỉnh uỷ Hà Tĩnh'], NULL, NULL, NULL),
  ('TU_QT', 'Tỉnh ủy Quảng Trị', 'department', 'QT', ARRAY['Tỉnh uỷ Quảng Trị'], NULL, NULL, NULL),
  ('TU_QNG', 'Tỉnh ủy Quảng Ngãi', 'department', 'QNG', ARRAY['Tỉnh uỷ Quảng Ngãi'], NULL, NULL, NULL),
  ('TU_GL', 'Tỉnh ủy Gia Lai', 'department', 'GL', ARRAY['Tỉnh uỷ Gia Lai'], NULL, NULL, NULL),
  ('TU_KH', 'Tỉnh ủy Khánh Hòa', 'department', 'KH', ARRAY['Tỉnh uỷ Khánh Hòa', 'Tỉnh ủy Khánh Hoà'], NULL, NULL, NULL),
  ('TU_LD', 'Tỉnh ủy Lâm Đồng', 'department', 'LD', ARRAY['Tỉnh uỷ Lâm Đồng'], NULL, NULL, NULL),
  ('TU_DL', 'Tỉnh ủy Đắk Lắk', 'department', 'DL', ARRAY['Tỉnh uỷ Đắk Lắk'], NULL, NULL, NULL),
  ('TU_DNA', 'Tỉnh ủy Đồng Nai', 'department', 'DNA', ARRAY['Tỉnh uỷ Đồng Nai'], NULL, NULL, NULL),
  ('TU_TNI', 'Tỉnh ủy Tây Ninh', 'department', 'TNI', ARRAY['Tỉnh uỷ Tây Ninh'], NULL, NULL, NULL),
  ('TU_VL', 'Tỉnh ủy Vĩnh Long', 'department', 'VL', ARRAY['Tỉnh uỷ Vĩnh Long'], NULL, NULL, NULL),
  ('TU_DT', 'Tỉnh ủy Đồng Tháp', 'department', 'DT', ARRAY['Tỉnh uỷ Đồng Tháp'], NULL, NULL, NULL),
  ('TU_CM', 'Tỉnh ủy Cà Mau', 'department', 'CM', ARRAY['Tỉnh uỷ Cà Mau'], NULL, NULL, NULL),
  ('TU_AG', 'Tỉnh ủy An Giang', 'department', 'AG', ARRAY['Tỉnh uỷ An Giang'], NULL, NULL, NULL);

-- Ho Chi Minh City: departments, city bodies and Party organs (01-KH/BCĐ)
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('HCM_VP_UBND', 'Văn phòng Ủy ban nhân dân Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Văn phòng Ủy ban nhân dân Thành phố', 'Văn phòng Uỷ ban nhân dân Thành phố', 'Văn phòng UBND Thành phố', 'Văn phòng UBND TP', 'VP UBND Thành phố', 'VP UBND TP', 'Văn phòng UBND TP.HCM'], NULL, NULL, NULL),
  ('HCM_SKHCN', 'Sở Khoa học và Công nghệ Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Khoa học và Công nghệ', 'Sở KH&CN', 'Sở KHCN', 'Sở KH&CN TP.HCM', 'Sở Khoa học và Công nghệ Thành phố'], NULL, NULL, NULL),
  ('HCM_STC', 'Sở Tài chính Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Tài chính', 'Sở Tài chính Thành phố'], NULL, NULL, NULL),
  ('HCM_SNV', 'Sở Nội vụ Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Nội vụ', 'Sở Nội vụ Thành phố'], NULL, NULL, NULL),
  ('HCM_STP', 'Sở Tư pháp Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Tư pháp', 'Sở Tư pháp Thành phố'], NULL, NULL, NULL),
  ('HCM_SYT', 'Sở Y tế Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Y tế', 'Sở Y tế Thành phố'], NULL, NULL, NULL),
  ('HCM_SGDDT', 'Sở Giáo dục và Đào tạo Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Giáo dục và Đào tạo', 'Sở GD&ĐT', 'Sở GDĐT', 'Sở Giáo dục', 'Sở Giáo dục và Đào tạo Thành phố'], NULL, NULL, NULL),
  ('HCM_SXD', 'Sở Xây dựng Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Xây dựng', 'Sở Xây dựng Thành phố'], NULL, NULL, NULL),
  ('HCM_SCT', 'Sở Công Thương Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Công Thương', 'Sở Công thương', 'Sở Công Thương Thành phố'], NULL, NULL, NULL),
  ('HCM_SNNMT', 'Sở Nông nghiệp và Môi trường Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Nông nghiệp và Môi trường', 'Sở NN&MT', 'Sở Nông nghiệp và Môi trường Thành phố'], NULL, NULL, NULL),
  ('HCM_SVHTT', 'Sở Văn hóa và Thể thao Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Văn hóa và Thể thao', 'Sở Văn hoá và Thể thao'], NULL, NULL, NULL),
  ('HCM_SDL', 'Sở Du lịch Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Du lịch'], NULL, NULL, NULL),
  ('HCM_SDTTG', 'Sở Dân tộc và Tôn giáo Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Dân tộc và Tôn giáo'], NULL, NULL, NULL),
  ('HCM_SQHKT', 'Sở Quy hoạch - Kiến trúc Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Sở Quy hoạch - Kiến trúc', 'Sở Quy hoạch Kiến trúc'], NULL, NULL, NULL),
  ('HCM_TTRA', 'Thanh tra Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Thanh tra Thành phố', 'Thanh tra TP.HCM'], NULL, NULL, NULL),
  ('HCM_CA', 'Công an Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Công an Thành phố', 'Công an TP.HCM', 'Công an TP'], NULL, NULL, NULL),
  ('HCM_BTL', 'Bộ Tư lệnh Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Bộ Chỉ huy Quân sự Thành phố', 'Bộ Tư lệnh Thành phố', 'Bộ Tư lệnh TP.HCM'], NULL, NULL, NULL),  -- the city military command; 01-KH/BCĐ calls it "Bộ Chỉ huy Quân sự Thành phố"
  ('HCM_TTCDS', 'Trung tâm Chuyển đổi số Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Trung tâm Chuyển đổi số Thành phố', 'Trung tâm Chuyển đổi số', 'Trung tâm chuyển đổi số', 'Trung tâm chuyên đổi số', 'Trung tâm Chuyển đổi số TP.HCM'], NULL, NULL, NULL),  -- "Trung tâm chuyên đổi số" is the misspelling printed in 01-KH/BCĐ (rows 11, 12, 32)
  ('HCM_VNCPT', 'Viện Nghiên cứu phát triển Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Viện Nghiên cứu phát triển Thành phố', 'Viện Nghiên cứu Phát triển TP.HCM'], NULL, NULL, NULL),
  ('HCM_TAND', 'Tòa án nhân dân Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Tòa án nhân dân Thành phố', 'Toà án nhân dân Thành phố'], NULL, NULL, NULL),
  ('HCM_VKSND', 'Viện Kiểm sát nhân dân Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Viện Kiểm sát nhân dân Thành phố'], NULL, NULL, NULL),
  ('HCM_HDND', 'Hội đồng nhân dân Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Hội đồng nhân dân Thành phố', 'HĐND Thành phố', 'HĐND TP.HCM'], NULL, NULL, NULL),
  ('HCM_MTTQ', 'Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố Hồ Chí Minh', 'department', 'HCM', ARRAY['Ủy ban Mặt trận Tổ quốc Việt Nam Thành phố', 'Ủy ban Mặt trận Tổ quốc Thành phố', 'Ủy ban MTTQ Việt Nam Thành phố', 'Mặt trận Tổ quốc Thành phố'], NULL, NULL, NULL),
  ('HCM_THANHDOAN', 'Thành Đoàn Thành phố Hồ Chí Minh', 'department', 'HCM_MTTQ', ARRAY['Thành Đoàn', 'Ban Thường vụ Thành Đoàn'], NULL, NULL, NULL),
  ('HCM_VPTU', 'Văn phòng Thành ủy Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Văn phòng Thành ủy', 'Văn phòng Thành uỷ', 'VP Thành ủy'], NULL, NULL, NULL),
  ('HCM_BTC_TU', 'Ban Tổ chức Thành ủy Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Ban Tổ chức Thành ủy'], NULL, NULL, NULL),
  ('HCM_BTGDV_TU', 'Ban Tuyên giáo và Dân vận Thành ủy Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Ban Tuyên giáo và Dân vận Thành ủy', 'Ban Tuyên giáo Thành ủy', 'BTGDVTU'], NULL, NULL, NULL),
  ('HCM_UBKT_TU', 'Ủy ban Kiểm tra Thành ủy Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Ủy ban Kiểm tra Thành ủy', 'Uỷ ban Kiểm tra Thành ủy'], NULL, NULL, NULL),
  ('HCM_BNC_TU', 'Ban Nội chính Thành ủy Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Ban Nội chính Thành ủy'], NULL, NULL, NULL),
  ('HCM_DU_UBND', 'Đảng ủy Ủy ban nhân dân Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Đảng ủy Ủy ban nhân dân Thành phố', 'Đảng ủy UBND Thành phố', 'Đảng ủy UBND TP', 'Đảng bộ Ủy ban nhân dân Thành phố'], NULL, NULL, NULL),
  ('HCM_DU_UBND_BTGDV', 'Ban Tuyên giáo và Dân vận Đảng ủy Ủy ban nhân dân Thành phố Hồ Chí Minh', 'department', 'HCM_DU_UBND', ARRAY['Ban Tuyên giáo và Dân vận Đảng ủy Ủy ban nhân dân Thành phố', 'Ban Tuyên giáo và Dân vận Đảng ủy', 'BTGDVĐU'], NULL, NULL, NULL),  -- issuer of 55-CV/BTGDVĐU
  ('HCM_DU_CQD', 'Đảng ủy các cơ quan Đảng Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Đảng ủy các cơ quan Đảng Thành phố'], NULL, NULL, NULL),
  ('HCM_DU_MTTQ', 'Đảng ủy Mặt trận Tổ quốc Việt Nam, các đoàn thể Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Đảng ủy Mặt trận Tổ quốc Việt Nam, các đoàn thể Thành phố', 'Đảng ủy MTTQ, các đoàn thể Thành phố'], NULL, NULL, NULL),
  ('HCM_BCD', 'Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số Thành phố Hồ Chí Minh', 'department', 'TU_HCM', ARRAY['Ban Chỉ đạo về phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số Thành phố', 'Ban Chỉ đạo Thành phố', 'Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số Thành phố'], NULL, NULL, NULL);  -- issuer of 01-KH/BCĐ

-- Ho Chi Minh City: wards, communes and the special zone (post-1/7/2025 names)
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('HCM_P_SAI_GON', 'Phường Sài Gòn', 'commune', 'HCM', ARRAY['UBND phường Sài Gòn', 'Ủy ban nhân dân phường Sài Gòn', 'Phường Sài Gòn, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_BEN_THANH', 'Phường Bến Thành', 'commune', 'HCM', ARRAY['UBND phường Bến Thành', 'Ủy ban nhân dân phường Bến Thành', 'Phường Bến Thành, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_TAN_DINH', 'Phường Tân Định', 'commune', 'HCM', ARRAY['UBND phường Tân Định', 'Ủy ban nhân dân phường Tân Định', 'Phường Tân Định, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_CAU_ONG_LANH', 'Phường Cầu Ông Lãnh', 'commune', 'HCM', ARRAY['UBND phường Cầu Ông Lãnh', 'Ủy ban nhân dân phường Cầu Ông Lãnh', 'Phường Cầu Ông Lãnh, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_THU_DUC', 'Phường Thủ Đức', 'commune', 'HCM', ARRAY['UBND phường Thủ Đức', 'Ủy ban nhân dân phường Thủ Đức', 'Phường Thủ Đức, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_THU_DAU_MOT', 'Phường Thủ Dầu Một', 'commune', 'HCM', ARRAY['UBND phường Thủ Dầu Một', 'Ủy ban nhân dân phường Thủ Dầu Một', 'Phường Thủ Dầu Một, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_P_VUNG_TAU', 'Phường Vũng Tàu', 'commune', 'HCM', ARRAY['UBND phường Vũng Tàu', 'Ủy ban nhân dân phường Vũng Tàu', 'Phường Vũng Tàu, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_X_BINH_CHANH', 'Xã Bình Chánh', 'commune', 'HCM', ARRAY['UBND xã Bình Chánh', 'Ủy ban nhân dân xã Bình Chánh', 'Xã Bình Chánh, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_X_CU_CHI', 'Xã Củ Chi', 'commune', 'HCM', ARRAY['UBND xã Củ Chi', 'Ủy ban nhân dân xã Củ Chi', 'Xã Củ Chi, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_X_CAN_GIO', 'Xã Cần Giờ', 'commune', 'HCM', ARRAY['UBND xã Cần Giờ', 'Ủy ban nhân dân xã Cần Giờ', 'Xã Cần Giờ, Thành phố Hồ Chí Minh'], NULL, NULL, NULL),
  ('HCM_DK_CON_DAO', 'Đặc khu Côn Đảo', 'commune', 'HCM', ARRAY['UBND đặc khu Côn Đảo', 'Ủy ban nhân dân đặc khu Côn Đảo', 'Đặc khu Côn Đảo, Thành phố Hồ Chí Minh'], NULL, NULL, NULL);

-- Enterprises named in 44-TB/TGV
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('VIETTEL', 'Tập đoàn Công nghiệp - Viễn thông Quân đội', 'enterprise', NULL, ARRAY['Viettel', 'Tập đoàn Viettel'], NULL, NULL, NULL),
  ('VNPT', 'Tập đoàn Bưu chính Viễn thông Việt Nam', 'enterprise', NULL, ARRAY['VNPT', 'Tập đoàn VNPT'], NULL, NULL, NULL),
  ('CMC', 'Tập đoàn Công nghệ CMC', 'enterprise', NULL, ARRAY['CMC'], NULL, NULL, NULL),
  ('FPT', 'Tập đoàn FPT', 'enterprise', NULL, ARRAY['FPT'], NULL, NULL, NULL),
  ('MKGROUP', 'Tập đoàn MK', 'enterprise', NULL, ARRAY['MK Group'], NULL, NULL, NULL),
  ('MOBIFONE', 'Tổng công ty Viễn thông MobiFone', 'enterprise', NULL, ARRAY['Tổng công ty MobiFone', 'MobiFone'], NULL, NULL, NULL),
  ('GTEL', 'Tổng công ty Viễn thông toàn cầu', 'enterprise', NULL, ARRAY['Gtel'], NULL, NULL, NULL),
  ('TECAPRO', 'Công ty Tecapro', 'enterprise', NULL, ARRAY['Tecapro'], NULL, NULL, NULL);

-- Collectives
INSERT INTO neongraph.agency (code, name, kind, parent_code, aliases, member_kind, member_parent_code, members) VALUES
  ('BO_NGANH', 'Các bộ, ngành', 'collective', NULL, ARRAY['Các bộ, cơ quan ngang bộ', 'Các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ', 'Các bộ, ngành Trung ương'], 'ministry', NULL, NULL),
  ('BO_CHUQUAN', 'Các bộ, cơ quan chủ quản', 'collective', NULL, '{}', 'ministry', NULL, NULL),  -- the ministries that own the databases concerned; expands to every ministry
  ('DIA_PHUONG', 'Các tỉnh, thành phố trực thuộc Trung ương', 'collective', NULL, ARRAY['Các tỉnh, thành phố', 'Các địa phương', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 'Uỷ ban nhân dân các tỉnh, thành phố trực thuộc Trung ương', 'UBND các tỉnh, thành phố'], 'province', NULL, NULL),
  ('BO_NGANH_DP', 'Các bộ, ngành, địa phương', 'collective', NULL, ARRAY['Các bộ, ngành và địa phương', 'Bộ, ngành, địa phương'], NULL, NULL, ARRAY['BQP', 'BCA', 'BNG', 'BNV', 'BTP', 'BTC', 'BCT', 'BNNMT', 'BXD', 'BVHTTDL', 'BKHCN', 'BGDDT', 'BYT', 'BDTTG', 'NHNN', 'TTCP', 'VPCP', 'HN', 'HUE', 'HP', 'DN', 'HCM', 'CT', 'TQ', 'CB', 'LCH', 'LCA', 'TN', 'DB', 'LS', 'SL', 'PT', 'BN', 'QN', 'HY', 'NB', 'TH', 'NA', 'HT', 'QT', 'QNG', 'GL', 'KH', 'LD', 'DL', 'DNA', 'TNI', 'VL', 'DT', 'CM', 'AG']),
  ('TW_DP', 'Các bộ, cơ quan Trung ương và địa phương', 'collective', NULL, ARRAY['Các cơ quan Trung ương và địa phương', 'Các bộ, cơ quan Trung ương, địa phương'], NULL, NULL, ARRAY['BQP', 'BCA', 'BNG', 'BNV', 'BTP', 'BTC', 'BCT', 'BNNMT', 'BXD', 'BVHTTDL', 'BKHCN', 'BGDDT', 'BYT', 'BDTTG', 'NHNN', 'TTCP', 'VPCP', 'VPTW', 'BTCTW', 'BTGDVTW', 'UBKTTW', 'BNCTW', 'BCSCLTW', 'VPQH', 'VPCTN', 'TANDTC', 'VKSNDTC', 'MTTQ_TW', 'KTNN', 'BCY', 'VHL_KHCN', 'VHL_KHXH', 'TTXVN', 'VOV', 'VTV', 'DHQGHN', 'DHQG_HCM', 'HN', 'HUE', 'HP', 'DN', 'HCM', 'CT', 'TQ', 'CB', 'LCH', 'LCA', 'TN', 'DB', 'LS', 'SL', 'PT', 'BN', 'QN', 'HY', 'NB', 'TH', 'NA', 'HT', 'QT', 'QNG', 'GL', 'KH', 'LD', 'DL', 'DNA', 'TNI', 'VL', 'DT', 'CM', 'AG']),
  ('CQ_DANG_TW', 'Các cơ quan Đảng ở Trung ương', 'collective', NULL, ARRAY['Các cơ quan đảng ở Trung ương', 'Các ban đảng Trung ương', 'Các ban đảng ở Trung ương'], NULL, NULL, ARRAY['VPTW', 'BTCTW', 'BTGDVTW', 'UBKTTW', 'BNCTW', 'BCSCLTW']),
  ('TU_ALL', 'Các tỉnh ủy, thành ủy', 'collective', NULL, ARRAY['Các tỉnh uỷ, thành uỷ'], NULL, NULL, ARRAY['TU_HN', 'TU_HUE', 'TU_HP', 'TU_DN', 'TU_HCM', 'TU_CT', 'TU_TQ', 'TU_CB', 'TU_LCH', 'TU_LCA', 'TU_TN', 'TU_DB', 'TU_LS', 'TU_SL', 'TU_PT', 'TU_BN', 'TU_QN', 'TU_HY', 'TU_NB', 'TU_TH', 'TU_NA', 'TU_HT', 'TU_QT', 'TU_QNG', 'TU_GL', 'TU_KH', 'TU_LD', 'TU_DL', 'TU_DNA', 'TU_TNI', 'TU_VL', 'TU_DT', 'TU_CM', 'TU_AG']),
  ('HCM_SBN', 'Các sở, ban, ngành Thành phố', 'collective', 'HCM', ARRAY['Các sở, ban, ngành Thành phố Hồ Chí Minh', 'Các sở, ban, ngành', 'Các Sở, ban, ngành', 'Sở, ban, ngành', 'Các sở, ban, ngành TP.HCM', 'các sở, ban, ngành Thành phố', 'Các Sở, ban, ngành thành phố', 'Các sở, ngành Thành phố', 'các sở, ngành Thành phố', 'Các sở, ngành cấp Thành phố', 'các sở, ngành cấp Thành phố', 'Sở, ngành Thành phố', 'Sở ngành Thành phố', 'Sở ban ngành Thành phố'], 'department', 'HCM', NULL),
  ('HCM_UBND_XA', 'Ủy ban nhân dân cấp xã Thành phố Hồ Chí Minh', 'collective', 'HCM', ARRAY['UBND cấp xã', 'Ủy ban nhân dân cấp xã', 'UBND xã, phường', 'UBND phường, xã', 'cấp xã', 'UBND cấp xã Thành phố Hồ Chí Minh'], 'commune', 'HCM', NULL),
  ('HCM_DU_XA', 'Đảng ủy cấp xã Thành phố Hồ Chí Minh', 'collective', 'HCM', ARRAY['Đảng ủy xã', 'Đảng Ủy xã', 'Đảng ủy cấp xã', 'Các Đảng ủy phường, xã, đặc khu'], 'commune', 'HCM', NULL),  -- a commune row stands for the commune's whole political system, so its Party committee too
  ('HCM_CQ_DANG', 'Các cơ quan Đảng Thành phố', 'collective', 'HCM', ARRAY['các cơ quan Đảng Thành phố', 'Các cơ quan đảng Thành phố', 'Các cơ quan đảng tại Thành phố Hồ Chí Minh'], NULL, NULL, ARRAY['TU_HCM', 'HCM_VPTU', 'HCM_BTC_TU', 'HCM_BTGDV_TU', 'HCM_UBKT_TU', 'HCM_BNC_TU', 'HCM_DU_UBND', 'HCM_DU_CQD', 'HCM_DU_MTTQ']),
  ('HCM_CQTMGV_TU', 'Các cơ quan chuyên trách tham mưu, giúp việc Thành ủy', 'collective', 'HCM', ARRAY['Cơ quan tham mưu, giúp việc Thành ủy', 'Các cơ quan tham mưu, giúp việc Thành ủy'], NULL, NULL, ARRAY['HCM_VPTU', 'HCM_BTC_TU', 'HCM_BTGDV_TU', 'HCM_UBKT_TU', 'HCM_BNC_TU']),
  ('HCM_CQ_VANHANH', 'Các cơ quan chủ trì quản lý, vận hành các nền tảng số, hệ thống thông tin, cơ sở dữ liệu', 'collective', 'HCM', '{}', 'department', 'HCM', NULL),  -- 01-KH/BCĐ row 14; approximated as every city body
  ('HCM_HTCT', 'Các cơ quan khối Đảng, khối Chính quyền, Hội đồng nhân dân, Mặt trận Tổ quốc và các đoàn thể của Thành phố', 'collective', 'HCM', '{}', NULL, NULL, ARRAY['HCM', 'TU_HCM', 'HCM_VP_UBND', 'HCM_SKHCN', 'HCM_STC', 'HCM_SNV', 'HCM_STP', 'HCM_SYT', 'HCM_SGDDT', 'HCM_SXD', 'HCM_SCT', 'HCM_SNNMT', 'HCM_SVHTT', 'HCM_SDL', 'HCM_SDTTG', 'HCM_SQHKT', 'HCM_TTRA', 'HCM_CA', 'HCM_BTL', 'HCM_TTCDS', 'HCM_VNCPT', 'HCM_TAND', 'HCM_VKSND', 'HCM_HDND', 'HCM_MTTQ', 'HCM_THANHDOAN', 'HCM_VPTU', 'HCM_BTC_TU', 'HCM_BTGDV_TU', 'HCM_UBKT_TU', 'HCM_BNC_TU', 'HCM_DU_UBND', 'HCM_DU_UBND_BTGDV', 'HCM_DU_CQD', 'HCM_DU_MTTQ']),  -- 01-KH/BCĐ rows 1-4
  ('HCM_HTCT_2CAP', 'Các cơ quan khối Đảng, khối Chính quyền, Hội đồng nhân dân, Mặt trận Tổ quốc cấp Thành phố và cấp xã', 'collective', 'HCM', '{}', NULL, NULL, ARRAY['HCM', 'TU_HCM', 'HCM_VP_UBND', 'HCM_SKHCN', 'HCM_STC', 'HCM_SNV', 'HCM_STP', 'HCM_SYT', 'HCM_SGDDT', 'HCM_SXD', 'HCM_SCT', 'HCM_SNNMT', 'HCM_SVHTT', 'HCM_SDL', 'HCM_SDTTG', 'HCM_SQHKT', 'HCM_TTRA', 'HCM_CA', 'HCM_BTL', 'HCM_TTCDS', 'HCM_VNCPT', 'HCM_TAND', 'HCM_VKSND', 'HCM_HDND', 'HCM_MTTQ', 'HCM_THANHDOAN', 'HCM_VPTU', 'HCM_BTC_TU', 'HCM_BTGDV_TU', 'HCM_UBKT_TU', 'HCM_BNC_TU', 'HCM_DU_UBND', 'HCM_DU_UBND_BTGDV', 'HCM_DU_CQD', 'HCM_DU_MTTQ', 'HCM_P_SAI_GON', 'HCM_P_BEN_THANH', 'HCM_P_TAN_DINH', 'HCM_P_CAU_ONG_LANH', 'HCM_P_THU_DUC', 'HCM_P_THU_DAU_MOT', 'HCM_P_VUNG_TAU', 'HCM_X_BINH_CHANH', 'HCM_X_CU_CHI', 'HCM_X_CAN_GIO', 'HCM_DK_CON_DAO']);  -- 01-KH/BCĐ row 5: the city bodies and every catalogued HCMC commune (add new communes here)
