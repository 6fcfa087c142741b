package dashboard

import (
	"archive/zip"
	"bytes"
	"context"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// TestReportBrowser is the yearly report's whole path in real Chromium: the admin opens
// the 2026 round; BQL answers through the web form and submits; Sở Xây dựng uploads its
// letter written in LibreOffice Writer, previews and confirms; a nil reply is recorded; SCT's analyst reads /report/2026, then fetches the .docx and the PDF, whose
// Vietnamese text and layout markers are checked through LibreOffice and pdftotext.
func TestReportBrowser(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	e := newUploadEnv(t, func(d *Deps, _ *ingest.Limits) { d.ReportDocx, d.ChromiumPath = ingest.ParseDocxAnswer, "chromium" })
	ctx := context.Background()
	u := queries.User{Username: "analyst_sxd", Role: queries.RoleAnalyst, Agencies: []string{"SXD"}, PasswordHash: "not-a-hash"}
	must(t, e.st.SaveUser(ctx, u))
	base := "http://" + listenApp(t, e.app)
	// Cookies are shared by a browser's tabs, so each step signs in anew, in a new tab
	// (a tab lives at most 60 s).
	var tb *tab
	as := func(username string) *tab {
		if tb != nil {
			tb.check(t)
			tb.close()
		}
		tb = openTab(t, bctx)
		tb.signIn(t, base, e.as(username).cookies)
		return tb
	}
	text := func(tb *tab, sel string) string {
		t.Helper()
		s, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}

	// 1. The admin opens the 2026 round.
	admin := as(tAdmin)
	admin.load(t, base+"/admin/outlines")
	must(t, chromedp.Do(admin.ctx,
		chromedp.SetValue(chromedp.CSS(`#round-form input[name="year"]`), "2026"),
		chromedp.SetValue(chromedp.CSS(`#round-form input[name="letter_no"]`), "2950/SCT-QLCN"),
		chromedp.SetValue(chromedp.CSS(`#round-form input[name="deadline"]`), "31/12/2026"),
		// Charts are off unless the round asks for them (issue 20): this one does.
		chromedp.SetValue(chromedp.CSS(`#round-form select[name="charts"]`), "on"),
		chromedp.Click(chromedp.CSS(`#round-open`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`))))
	mustContain(t, "rounds", text(admin, "#round-outlines"), "2026", "DC-2023")

	// 2. BQL answers in the web form and submits.
	bql := as(tOther)
	bql.load(t, base+"/report/2026/answer/BQL")
	must(t, chromedp.Do(bql.ctx,
		chromedp.SetValue(chromedp.CSS(`input[name="letter_no"]`), "321/BQL-KHĐT"),
		chromedp.SetValue(chromedp.CSS(`input[name="letter_date"]`), "20/12/2026"),
		chromedp.SetValue(chromedp.CSS(`input[name="signer"]`), "Lê Văn Cường"),
		chromedp.SetValue(chromedp.CSS(`input[name="position"]`), "PHÓ TRƯỞNG BAN"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="item:II.6.1"]`), "Thu hút 14 dự án mới với tổng vốn 12.840 tỷ đồng.\n- Cải cách thủ tục đầu tư"),
		chromedp.Click(chromedp.CSS(`input[name="nothing:II.1"]`)),
		chromedp.SetValue(chromedp.CSS(`input[name="proj_status:VSIP2"]`), "Đang thi công"),
		chromedp.SetValue(chromedp.CSS(`input[name="proj_percent:VSIP2"]`), "35"),
		chromedp.SetValue(chromedp.CSS(`input[name="pol_no:0"]`), "12/2026/NQ-HĐND"),
		chromedp.SetValue(chromedp.CSS(`textarea[name="pol_title:0"]`), "Chính sách hỗ trợ đầu tư hạ tầng cụm công nghiệp"),
		chromedp.Click(chromedp.CSS(`button[name="action"][value="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`))))
	mustContain(t, "BQL state", text(bql, "#answer-state"), "đã nộp")

	// 3. Sở Xây dựng uploads its letter written in LibreOffice Writer.
	letter := filepath.Join(t.TempDir(), "cong-van-sxd.docx")
	must(t, os.WriteFile(letter, writerDocx(t, sxdLetterHTML), 0o644))
	sxd := as("analyst_sxd")
	sxd.load(t, base+"/report/2026/answer/SXD")
	must(t, chromedp.Do(sxd.ctx,
		chromedp.Click(chromedp.CSS(`#answer-word summary`)),
		chromedp.SetUploadFiles(chromedp.CSS(`#docx-upload input[type="file"]`), []string{letter}),
		chromedp.Click(chromedp.CSS(`#docx-upload button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#docx-placements`))))
	mustContain(t, "preview", text(sxd, "#docx-placements"), "II.2", "III")
	if a, err := e.st.ReportAnswer(ctx, 2026, "SXD", 0); err == nil {
		t.Fatalf("the preview wrote the answer: %+v", a)
	}
	must(t, chromedp.Do(sxd.ctx,
		chromedp.Click(chromedp.CSS(`#docx-confirm button[value="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`))))

	admin = as(tAdmin)
	// 4. A nil reply from Sở Dân tộc và Tôn giáo (Ban Dân tộc's successor since 2025), recorded by the admin.
	admin.load(t, base+"/upload")
	_, err := chromedp.Run(admin.ctx, chromedp.Evaluate[bool](`(() => {
		const f = document.querySelector('#nil form') || document.querySelector('#nil');
		const set = (n, v) => { f.querySelector('[name="' + n + '"]').value = v; };
		set('agency', 'SDTTG'); set('year', '2026'); set('letter_no', '77/SDTTG-CSDT'); set('letter_date', '2026-12-18');
		set('signer', 'Nguyễn Thế Nhân');
		return true; })()`))
	must(t, err)
	must(t, chromedp.Do(admin.ctx,
		chromedp.Click(chromedp.CSS(`#nil button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#nil .flash.ok`))))
	if subs, _ := e.st.CurrentSubmissions(ctx, 2026, 2026); len(subs) != 3 {
		t.Fatalf("submissions after three answers: %+v", subs)
	}

	// 5. SCT's analyst reads the report on screen, then fetches the .docx and the PDF.
	time.Sleep(1200 * time.Millisecond) // the page cache notices writes within a second
	sct := as(tAnalyst)
	sct.load(t, base+"/report/2026")
	mustContain(t, "report page", text(sct, "main"), "BẢN TỔNG HỢP CHƯA ĐẦY ĐỦ", "Ban Quản lý KKT Dung Quất", "Thu hút 14 dự án mới",
		"Sở Xây dựng", "Đã tổ chức 12 hội nghị", "Không có nội dung phát sinh", "Chính sách hỗ trợ đầu tư hạ tầng", "Sở Dân tộc và Tôn giáo",
		"77/SDTTG-CSDT", "Nguyễn Thế Nhân")
	must(t, chromedp.Do(sct.ctx,
		chromedp.SetValue(chromedp.CSS(`#report-filter input[name="q"]`), "hội nghị"),
		chromedp.Click(chromedp.CSS(`#report-filter button`))))
	// The filter is a GET form: wait for the new page, not the old one.
	for i := 0; i < 100; i++ {
		if loc, err := chromedp.Run(sct.ctx, chromedp.Location()); err == nil && strings.Contains(loc, "q=") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	must(t, chromedp.Do(sct.ctx, chromedp.WaitVisible(chromedp.CSS(`body[data-charts-ready="true"]`))))
	if got := text(sct, "main"); strings.Contains(got, "Thu hút 14 dự án mới") || !strings.Contains(got, "Đã tổ chức 12 hội nghị") {
		t.Error("search did not narrow the narratives")
	}
	c := e.as(tAnalyst)
	// Over the real listener: the charts are drawn by Chromium from /report/2026/charts.
	req, err := http.NewRequest("GET", base+"/report/2026/report.docx", nil)
	must(t, err)
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	docResp := doWhileBuilding(t, req)
	doc := []byte(readBody(t, docResp))
	if zr, err := zip.NewReader(bytes.NewReader(doc), int64(len(doc))); err != nil {
		t.Fatalf("docx is no zip: %v", err)
	} else {
		images := 0
		for _, f := range zr.File {
			if strings.HasPrefix(f.Name, "word/media/") {
				images++
			}
		}
		if images == 0 {
			t.Error("no chart image in the .docx")
		}
	}
	if docResp.StatusCode != 200 || !strings.Contains(docResp.Header.Get("Content-Disposition"), ".docx") {
		t.Fatalf("docx: %d %s", docResp.StatusCode, docResp.Header)
	}
	req, err = http.NewRequest("GET", base+"/report/2026/report.pdf", nil)
	must(t, err)
	for _, ck := range c.cookies {
		req.AddCookie(ck)
	}
	pdfResp := doWhileBuilding(t, req)
	pdf := []byte(readBody(t, pdfResp))
	if pdfResp.StatusCode != 200 || !strings.HasPrefix(string(pdf), "%PDF") {
		t.Fatalf("pdf: %d", pdfResp.StatusCode)
	}
	dir := reportArtefacts(t)
	docPath, pdfPath := filepath.Join(dir, "bao-cao-2026.docx"), filepath.Join(dir, "bao-cao-2026.pdf")
	must(t, os.WriteFile(docPath, doc, 0o644))
	must(t, os.WriteFile(pdfPath, pdf, 0o644))
	converted := sofficePDF(t, docPath)
	for name, p := range map[string]string{"docx via soffice": converted, "served PDF": pdfPath} {
		out, err := exec.Command("pdftotext", p, "-").Output()
		must(t, err)
		flat := strings.Join(strings.Fields(string(out)), " ")
		mustContain(t, name, flat, "UBND TỈNH QUẢNG NGÃI", "SỞ CÔNG THƯƠNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
			"Độc lập - Tự do - Hạnh phúc", "Số: /BC-SCT", "BÁO CÁO", "năm 2026 trên địa bàn tỉnh Quảng Ngãi", "BẢN TỔNG HỢP CHƯA ĐẦY ĐỦ",
			"Kính gửi: Ủy ban nhân dân tỉnh Quảng Ngãi", "Ban Quản lý KKT Dung Quất và các KCN Quảng Ngãi: Thu hút 14 dự án mới",
			"Sở Xây dựng: Đã tổ chức 12 hội nghị", "Hạ tầng KCN VSIP II", "Chính sách hỗ trợ đầu tư hạ tầng cụm công nghiệp",
			"Nơi nhận:", "KT. GIÁM ĐỐC", "PHỤ LỤC", "Sở Dân tộc và Tôn giáo", "77/SDTTG-CSDT", "không được giao nhiệm vụ", "chưa gửi báo cáo đến hạn 31/12/2026",
			// The round opened from the template, with the plan in force in 2026; its charts in an annex.
			"NĂM 2027", "Thực hiện Nghị quyết Đại hội đại biểu Đảng bộ tỉnh Quảng Ngãi lần thứ I nhiệm kỳ 2025-2030",
			"Công văn số 2950/SCT-QLCN", report.ChartsAnnexTitle+" BIỂU ĐỒ CÁC CHỈ TIÊU", "Biểu đồ 1.", "Nguồn:")
	}
	png := filepath.Join(dir, "bao-cao-2026-trang1")
	if out, err := exec.Command("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", pdfPath, png).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	t.Logf("page 1 of the 2026 report: %s.png", png)
	tb.check(t)
	tb.close()
}

// doWhileBuilding sends req again while the answer is 503 with Retry-After: a report
// file is built as a job, and the download says so until the file is ready.
func doWhileBuilding(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	for i := 0; ; i++ {
		resp, err := http.DefaultClient.Do(req)
		must(t, err)
		if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" || i == 120 {
			return resp
		}
		resp.Body.Close()
		time.Sleep(time.Second)
	}
}

const sxdLetterHTML = `<html><head><meta charset="utf-8"></head><body>
<p>UBND TỈNH QUẢNG NGÃI — SỞ XÂY DỰNG</p><p>Số: 456/SXD-KT</p><p>Ngày công văn: 19/12/2026</p><p>Người ký: Trần Văn Bình</p><p>Chức vụ: PHÓ GIÁM ĐỐC</p>
<h1>II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU</h1>
<p><b>1. Công tác thông tin, tuyên truyền</b></p><p>Đã tổ chức 12 hội nghị phổ biến quy hoạch xây dựng.</p>
<p><b>2. Nhóm nhiệm vụ về phân bố không gian và chuyển dịch cơ cấu ngành công nghiệp</b></p><ul><li>Điều chỉnh quy hoạch chung KKT Dung Quất</li></ul>
<h1>III. Tồn tại hạn chế</h1><p>Quỹ đất tái định cư còn thiếu.</p>
<p>Nơi nhận:</p><p>- Như trên;</p></body></html>`

// writerDocx converts HTML to .docx with LibreOffice Writer.
func writerDocx(t *testing.T, html string) []byte {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "thu.html")
	must(t, os.WriteFile(in, []byte(html), 0o600))
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, in)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	b, err := os.ReadFile(filepath.Join(dir, "thu.docx"))
	must(t, err)
	return b
}

// sofficePDF converts a .docx to PDF with LibreOffice, as a person opening it would see it.
func sofficePDF(t *testing.T, docx string) string {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "pdf", "--outdir", dir, docx)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
	return filepath.Join(dir, strings.TrimSuffix(filepath.Base(docx), ".docx")+".pdf")
}

// reportArtefacts is where the test leaves files for a person to look at.
func reportArtefacts(t *testing.T) string {
	dir := os.Getenv("CHITIEU_TEST_ARTEFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "chitieu-test-artefacts")
	}
	dir = filepath.Join(dir, "report")
	must(t, os.MkdirAll(dir, 0o755))
	return dir
}
