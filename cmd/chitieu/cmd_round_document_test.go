package main

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/reporting"
)

// Issue 20: `chitieu round --year 2026`, naming no outline, opens the round from the
// template (part V: "NĂM 2027") and sets its document; the report cites the round's own
// request and the 2025–2030 plan in force and prints the signer's name. The 2023
// report keeps part I as the outline numbers it and prints the demo mark once.
func TestRoundCommandSetsTheRoundsDocument(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	env.Config.ChromiumPath = "/nonexistent/chromium"
	ctx := context.Background()
	if err := commands["round"].run(ctx, env, []string{"--year", "2026", "--letter-no", "2950/SCT-QLCN", "--letter-date", "05/12/2026",
		"--deadline", "20/12/2026", "--about", "báo cáo kết quả thực hiện Nghị quyết phát triển công nghiệp năm 2026",
		"--signer", "Lê Văn Minh", "--signer-position", "GIÁM ĐỐC", "--recipients", "Như trên|UBND tỉnh (b/c)|Lưu: VT, QLCN"}); err != nil {
		t.Fatalf("round: %v\n%s", err, out)
	}
	if !strings.Contains(out.String(), "theo đề cương DC-2026") || !strings.Contains(out.String(), "kế hoạch DHI-2025, người ký Lê Văn Minh, biểu đồ off") {
		t.Fatalf("round output: %s", out)
	}
	doc := reportText(t, env, "2026")
	for _, want := range []string{"V. XÂY DỰNG KẾ HOẠCH THỰC HIỆN NHIỆM VỤ ĐẨY MẠNH PHÁT TRIỂN CÔNG NGHIỆP NĂM 2027",
		"Công văn số 2950/SCT-QLCN ngày 05/12/2026 của Sở Công Thương về việc báo cáo kết quả thực hiện Nghị quyết phát triển công nghiệp năm 2026",
		"Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ I nhiệm kỳ 2025-2030", "Lê Văn Minh", "GIÁM ĐỐC",
		"- UBND tỉnh (b/c);", "- Lưu: VT, QLCN."} {
		if !strings.Contains(doc, want) {
			t.Errorf("the 2026 report lacks %q", want)
		}
	}
	for _, never := range []string{"NĂM 2024", "3006/SCT-QLCN", "Kế hoạch số 136/KH-UBND", "KT. GIÁM ĐỐC", report.ChartsAnnexTitle} {
		if strings.Contains(doc, never) {
			t.Errorf("the 2026 report prints %q", never)
		}
	}

	// The 2023 round (its document from migration 0700): part I as the outline has it.
	doc = reportText(t, env, "2023")
	partI := doc[strings.Index(doc, "I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU"):strings.Index(doc, "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ")]
	for _, want := range []string{"1. Kết quả thực hiện các chỉ tiêu phát triển công nghiệp", "- Tốc độ tăng trưởng giá trị gia tăng công nghiệp",
		"- Xây dựng cụm liên kết ngành công nghiệp, doanh nghiệp công nghiệp"} {
		if !strings.Contains(partI, want) {
			t.Errorf("part I lacks %q:\n%.1500s", want, partI)
		}
	}
	if strings.Contains(partI, "7. Xây dựng cụm") || strings.Contains(partI, "2. Tỷ trọng") {
		t.Error("part I numbers the outline's bullets")
	}
	mustIn := []string{"Công văn số 3006/SCT-QLCN ngày 08/12/2023 của Sở Công Thương về việc báo cáo tình hình triển khai",
		"Kế hoạch số 136/KH-UBND ngày 16/11/2020 của UBND tỉnh về việc triển khai thực hiện Nghị quyết số 124/NQ-CP",
		"Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh về việc ban hành Kế hoạch phát triển công nghiệp tỉnh Quảng Ngãi giai đoạn 2021-2025"}
	for _, want := range mustIn {
		if !strings.Contains(doc, want) {
			t.Errorf("the 2023 report lacks %q", want)
		}
	}
	mark := "(" + report.IllustrationNote + ")"
	if n := strings.Count(doc, mark); n == 0 {
		t.Error("the demo's mark is not printed")
	}
	if twice := regexp.MustCompile(regexp.QuoteMeta(mark) + `\s*` + regexp.QuoteMeta(mark)); twice.MatchString(doc) {
		t.Error("the demo's mark is printed twice in a row")
	}
}

// reportText writes a year's report with `chitieu report` and returns its text, runs
// joined (docxText puts a line break at every tag).
func reportText(t *testing.T, env *Env, year string) string {
	t.Helper()
	file := filepath.Join(t.TempDir(), "bc"+year+".docx")
	if err := commands["report"].run(context.Background(), env, []string{"--year", year, "--format", "docx", "-o", file}); err != nil {
		t.Fatalf("report %s: %v", year, err)
	}
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(docxText(t, b), "\n", "")
}

// `chitieu round --citations ""` leaves the round citing no other document (an empty
// list used to keep the old one), and --synthesis sets where the agencies' paragraphs
// go, as the report page's choice does.
func TestRoundCommandClearsCitationsAndSetsSynthesis(t *testing.T) {
	t.Parallel()
	env, out := ingestEnv(t)
	ctx := context.Background()
	round := func(extra ...string) {
		t.Helper()
		args := append([]string{"--year", "2026", "--deadline", "20/12/2026"}, extra...)
		if err := commands["round"].run(ctx, env, args); err != nil {
			t.Fatalf("round %v: %v\n%s", extra, err, out)
		}
	}
	st, err := openStore(ctx, env.Config)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	svc := &reporting.Service{Store: st}
	round("--citations", "Quyết định số 1/QĐ-UBND|Kế hoạch số 2/KH-UBND")
	if d, err := svc.Document(ctx, 2026); err != nil || len(d.Citations) != 2 {
		t.Fatalf("citations set: %v %v", d.Citations, err)
	}
	round("--signer", "Lê Văn Minh") // no --citations: they stay
	if d, _ := svc.Document(ctx, 2026); len(d.Citations) != 2 {
		t.Fatalf("citations lost by a round that did not name them: %v", d.Citations)
	}
	round("--citations", "", "--synthesis", "annex")
	d, err := svc.Document(ctx, 2026)
	if err != nil || len(d.Citations) != 0 || d.SignerName != "Lê Văn Minh" {
		t.Fatalf("after --citations \"\": %v, signer %q, %v", d.Citations, d.SignerName, err)
	}
	if m, err := st.SynthesisMode(ctx, 2026); err != nil || !m.Annex {
		t.Fatalf("synthesis mode after --synthesis annex: %+v %v", m, err)
	}
	if !strings.Contains(out.String(), "synthesis mode saved") {
		t.Errorf("round output does not say the mode was saved: %s", out)
	}
	if err := commands["round"].run(ctx, env, []string{"--year", "2026", "--deadline", "20/12/2026", "--synthesis", "both"}); err == nil {
		t.Error("--synthesis both was accepted")
	}
}
