-- What a round's consolidated report cites and who signs it (domain.RoundDocument): the
-- introduction, number, signature and "Nơi nhận" are written from these, never from code.
-- A table of its own, keyed by year like rounds; the newest version wins.
CREATE TABLE IF NOT EXISTS round_documents (
    year            UInt16,
    request_about   String,          -- the request letter's "về việc"
    plan            String,          -- plans.code in force
    plan_citation   String,          -- the plan cited in full, "về việc" included
    citations       Array(String),   -- other documents cited, each in full
    number_pattern  String,          -- "/BC-SCT": the report's number, the number left blank
    signer_name     String,
    signer_position Array(String),   -- "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"
    recipients      Array(String),   -- Nơi nhận, one line each
    charts          UInt8 DEFAULT 0, -- section I's charts in an annex (off by default)
    version         UInt64
) ENGINE = ReplacingMergeTree(version)
ORDER BY year;

-- The 2023 round's document, from the seed exchange (Công văn 3006/SCT-QLCN and the
-- documents the replies cite). Version 1: any edit supersedes it. The signer's name is
-- not in the seed, so it is left for SCT to set.
INSERT INTO round_documents (year, request_about, plan, plan_citation, citations, number_pattern, signer_name, signer_position, recipients, charts, version)
    SELECT 2023,
    'báo cáo tình hình triển khai thực hiện các Chính sách và Kế hoạch phát triển công nghiệp năm 2023 trên địa bàn tỉnh Quảng Ngãi',
    'QD998-2021',
    'Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh về việc ban hành Kế hoạch phát triển công nghiệp tỉnh Quảng Ngãi giai đoạn 2021-2025',
    ['Kế hoạch số 136/KH-UBND ngày 16/11/2020 của UBND tỉnh về việc triển khai thực hiện Nghị quyết số 124/NQ-CP ngày 03/9/2020 của Chính phủ và Chương trình hành động số 37-CTr/TU ngày 26/3/2019 của Tỉnh ủy Quảng Ngãi thực hiện Nghị quyết số 23-NQ/TW ngày 22/3/2018 của Bộ Chính trị về định hướng xây dựng chính sách phát triển công nghiệp quốc gia đến năm 2030, tầm nhìn đến năm 2045 trên địa bàn tỉnh Quảng Ngãi'],
    '/BC-SCT', '', ['KT. GIÁM ĐỐC', 'PHÓ GIÁM ĐỐC'],
    ['Như trên', 'Bộ Công Thương (b/c)', 'Chủ tịch, các PCT UBND tỉnh', 'Các sở, ban, ngành, địa phương', 'Lãnh đạo Sở', 'Lưu: VT, QLCN'],
    0, 1;
