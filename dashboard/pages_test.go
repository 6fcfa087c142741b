package dashboard

import (
	"bytes"
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/quangngai/chitieu/queries"
	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"
)

// TestPages runs every page and export against the real demo data: status, content
// type, the key published numbers, and escaping of hostile names, notes and sources.
func TestPages(t *testing.T) {
	base, st := startTestServer(t, nil)
	pages := []struct {
		path  string
		wants []string
	}{
		// Late 2026 the 2026–2030 plan has no figures yet: the page opens on the closed
		// 2021–2025 plan. The plan in force: targets shown as written.
		{"/", []string{`id="chart-grdp_growth"`, "4.07", "DHXX-2020", "Đã kết thúc", "Chưa có số liệu", "Cách đánh giá"}},
		{"/?plan=DHI-2025", []string{"DHI-2025", "≥ 10 %/năm", "75–76 %", "Chưa có số liệu"}},
		// The closed 2021–2025 plan: GRDP growth of the old province averaged 6,07 % over
		// its years with figures (2023 is a gap; 2025 is the merged province's, not counted).
		{"/?plan=DHXX-2020&year=2025", []string{"7–8 %/năm", "6,07", "Thiếu số liệu năm 2023", "69–70 %", "69,5", "4.200–4.400 USD", "Không đạt"}},
		{"/?plan=QD998-2021&year=2025", []string{"chưa có mục tiêu nào", "Quyết định số 998/QĐ-UBND"}},
		{"/?plan=KH-2024&year=2024", []string{"2,5–3 %", "Đạt (vượt)", "162,8 %"}},
		{"/?lang=en&plan=DHXX-2020&year=2025", []string{"Indicator overview", "Not met", "Share of industry and services in GRDP"}},
		{"/projection", []string{"Đã kết thúc", "Đang thực hiện", "DHXX-2020", "NQ23-2018", "Chưa đủ số liệu để dự báo", "Decision 998"[0:0]}},
		{"/projection?plan=DHI-2025", []string{"75–76 %", "Cần bình quân các năm còn lại"}},
		{"/indicators/grdp_growth", []string{"4,07", "tapchicongthuong.vn 131446", "Chuỗi số liệu qua năm 2025", "KH-2024", "10,02"}},
		{"/indicators/industrial_output_value", []string{"Giá trị từ năm 2024 tính theo cơ sở giá khác", "157.521"}},
		{"/indicators/investment_valid_projects", []string{"Theo khu (năm mới nhất)", "199", "Khu kinh tế Dung Quất"}},
		{"/zones", []string{"Khu kinh tế Dung Quất", "199 (2025)", "45.332", "KCN VSIP II Quảng Ngãi"}},
		{"/zones?type=IC&status=tendering&location=Đức Phổ", []string{"CCN Đồng Xe", "CCN Núi Dâu"}},
		{"/reporting?year=2023", []string{"Ban Dân tộc", "Báo cáo không", "Cơ quan chưa gửi báo cáo năm 2023", "Sở Công Thương", "3006/SCT-QLCN"}},
		{"/reporting/BDT/2023", []string{"Nguyễn Thế Nhân", "Báo cáo không"}},
		{"/projects", []string{"Khu liên hợp sản xuất gang thép Hòa Phát Dung Quất 2", "85.000", "chậm tiến độ"}},
		{"/briefing?plan=DHXX-2020&year=2025", []string{"Bản tin thực hiện chỉ tiêu", `data-renderer="svg"`, "brief-grdp_growth", "6,07"}},
	}
	for _, p := range pages {
		t.Run(p.path, func(t *testing.T) {
			r := fetch(t, base+p.path)
			if r.Status != 200 || !strings.HasPrefix(r.Type, "text/html") {
				t.Fatalf("%s = %d %s\n%s", p.path, r.Status, r.Type, r.Body)
			}
			mustContain(t, p.path, r.Body, p.wants...)
			noMarkupInjected(t, p.path, r.Body)
		})
	}
	t.Run("unknown indicator is 404", func(t *testing.T) {
		if r := fetch(t, base+"/indicators/nope"); r.Status != 404 {
			t.Fatalf("status %d", r.Status)
		}
	})
	t.Run("hostile zone shows as text", func(t *testing.T) {
		r := fetch(t, base+"/zones")
		mustContain(t, "zones", r.Body, "&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;")
		r = fetch(t, base+"/indicators/investment_valid_projects")
		mustContain(t, "indicator", r.Body, "&lt;b onmouseover=alert(2)&gt;note&lt;/b&gt;")
		r = fetch(t, base+"/projects")
		mustContain(t, "projects", r.Body, "&lt;img src=x onerror=alert(3)&gt;")
	})
	t.Run("csv export", func(t *testing.T) {
		r := fetch(t, base+"/export/overview.csv?plan=DHXX-2020&year=2025")
		if r.Status != 200 || r.Type != "text/csv; charset=utf-8" || !strings.HasPrefix(r.Body, "\ufeff") {
			t.Fatalf("csv: %d %s %q", r.Status, r.Type, r.Body[:min(len(r.Body), 40)])
		}
		mustContain(t, "csv", r.Body, "Phiên bản dữ liệu", "Kế hoạch: Nghị quyết Đại hội Đảng bộ tỉnh Quảng Ngãi lần thứ XX (2021-2025); Năm: 2025", "Tốc độ tăng trưởng GRDP", "6,07", "Giá trị mới nhất")
		if cd := r.Header.Get("Content-Disposition"); !strings.Contains(cd, "chitieu-overview-DHXX-2020-2025-v") {
			t.Errorf("file name %q lacks plan, year and version", cd)
		}
		one := fetch(t, base+"/export/overview.csv?plan=DHXX-2020&year=2025&table=chart-grdp_growth")
		mustContain(t, "one chart's csv", one.Body, "4,07", "10,02", "tapchicongthuong.vn 131446")
		if strings.Contains(one.Body, "Giá trị mới nhất") {
			t.Error("a chart's CSV holds the whole page")
		}
		z := fetch(t, base+"/export/indicator.csv?code=investment_valid_projects")
		mustContain(t, "indicator csv", z.Body, `'=HYPERLINK`, ";-3;")
		if strings.Contains(z.Body, `,=HYPERLINK`) || strings.Contains(z.Body, `"=HYPERLINK`) {
			t.Error("formula not neutralised in CSV")
		}
	})
	t.Run("xlsx export", func(t *testing.T) {
		r := fetch(t, base+"/export/zones.xlsx?type=IP")
		if r.Status != 200 || r.Type != "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" {
			t.Fatalf("xlsx: %d %s", r.Status, r.Type)
		}
		x, err := excelize.OpenReader(strings.NewReader(r.Body))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		sheets := x.GetSheetList()
		if sheets[0] != "Thông tin" || len(sheets) < 3 {
			t.Fatalf("sheets %v", sheets)
		}
		info, _ := x.GetRows("Thông tin")
		flat := ""
		for _, row := range info {
			flat += strings.Join(row, "|") + "\n"
		}
		mustContain(t, "xlsx info", flat, "Phiên bản dữ liệu", "Loại khu: Khu công nghiệp")
		rows, _ := x.GetRows(sheets[1])
		all := ""
		for _, row := range rows {
			all += strings.Join(row, "|") + "\n"
		}
		mustContain(t, "xlsx zones", all, "KCN - Đô thị - Dịch vụ VSIP Quảng Ngãi", hostileZone)
		// Areas are numbers, not text.
		for r, row := range rows {
			for c, v := range row {
				if v == "660" {
					ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
					if typ, _ := x.GetCellType(sheets[1], ref); typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
						t.Errorf("area %s stored as text", ref)
					}
				}
			}
		}
	})
	t.Run("xlsx neutralises formulas and keeps numbers", func(t *testing.T) {
		r := fetch(t, base+"/export/indicator.xlsx?code=investment_valid_projects")
		x, err := excelize.OpenReader(strings.NewReader(r.Body))
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		sh := x.GetSheetList()[1]
		rows, _ := x.GetRows(sh)
		found := false
		for i, row := range rows {
			for j, v := range row {
				ref, _ := excelize.CoordinatesToCellName(j+1, i+1)
				if strings.Contains(v, "HYPERLINK") && v != "'"+hostileSource {
					t.Errorf("%s = %q, want it neutralised", ref, v)
				}
				if v == "-3" {
					found = true
					if f, _ := x.GetCellFormula(sh, ref); f != "" {
						t.Errorf("%s holds a formula", ref)
					}
				}
			}
		}
		if !found {
			t.Error("the value -3 is missing")
		}
	})
	t.Run("every page exports", func(t *testing.T) {
		for _, u := range []string{"/export/projection.xlsx", "/export/indicator.xlsx?code=grdp_growth", "/export/reporting.csv?year=2023",
			"/export/projects.csv", "/export/submission.csv?agency=BDT&year=2023", "/export/zones.csv"} {
			if r := fetch(t, base+u); r.Status != 200 {
				t.Errorf("%s = %d", u, r.Status)
			}
		}
		if r := fetch(t, base+"/export/nothing.csv"); r.Status != 404 {
			t.Errorf("unknown page export = %d", r.Status)
		}
	})
	t.Run("a new figure shows within a second (page cache)", func(t *testing.T) {
		before := fetch(t, base+"/indicators/grdp_growth")
		if strings.Contains(before.Body, "12,34") {
			t.Fatal("the value is there before it was written")
		}
		if err := st.InsertFigures(context.Background(), []queries.Figure{{FigureKey: queries.FigureKey{Indicator: "grdp_growth",
			Scope: "province_new", Agency: "CTK", Year: 2026}, Value: decimal.RequireFromString("12.34"), Unit: "%",
			Status: queries.StatusEstimate, Source: "test", UploadedAt: time.Now(), Version: queries.NewVersion()}}); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(3 * time.Second)
		for !strings.Contains(fetch(t, base+"/indicators/grdp_growth").Body, "12,34") {
			if time.Now().After(deadline) {
				t.Fatal("the new figure did not show within 3 s")
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	t.Run("pdf without chromium says so", func(t *testing.T) {
		app, err := New(Deps{Store: st, Public: true, ChromiumPath: "/nonexistent/chromium"})
		if err != nil {
			t.Fatal(err)
		}
		resp, err := app.Test(httptest.NewRequest("GET", "/briefing.pdf", nil), 10000)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		b.ReadFrom(resp.Body)
		if resp.StatusCode != 503 || !strings.Contains(b.String(), "chưa cài Chromium") {
			t.Fatalf("%d %s", resp.StatusCode, b.String())
		}
	})
	t.Run("pdf of the briefing has Vietnamese text", func(t *testing.T) {
		if _, err := exec.LookPath("chromium"); err != nil {
			t.Fatal("chromium is required (make test installs it)")
		}
		r := fetch(t, base+"/briefing.pdf?plan=DHXX-2020&year=2025")
		if r.Status != 200 || r.Type != "application/pdf" || !strings.HasPrefix(r.Body, "%PDF") {
			t.Fatalf("pdf: %d %s %.200s", r.Status, r.Type, r.Body)
		}
		dir := t.TempDir()
		in := filepath.Join(dir, "b.pdf")
		if err := os.WriteFile(in, []byte(r.Body), 0o600); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftotext", in, "-").Output()
		if err != nil {
			t.Fatalf("pdftotext (poppler-utils; make test installs it): %v", err)
		}
		mustContain(t, "pdf text", string(out), "Bản tin thực hiện chỉ tiêu", "Tốc độ tăng trưởng GRDP", "Quảng Ngãi",
			"Phiên bản dữ liệu", "Kế hoạch: Nghị quyết Đại hội", "6,07", "Nguồn", "Không đạt")
	})
}

// noMarkupInjected: the only scripts on a page are the two the layout loads, and no
// hostile markup appears unescaped.
func noMarkupInjected(t *testing.T, what, body string) {
	t.Helper()
	if n := strings.Count(body, "<script"); n != 2 {
		t.Errorf("%s has %d <script> tags, want 2", what, n)
	}
	for _, bad := range []string{"<script>alert", "<b onmouseover", "<img src=x"} {
		if strings.Contains(body, bad) {
			t.Errorf("%s holds unescaped %q", what, bad)
		}
	}
}
