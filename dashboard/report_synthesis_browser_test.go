package dashboard

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/quangngai/chitieu/queries"
)

// synthesisAnswers: two agencies answer II.1 of the 2023 round (submitted), so the
// compiler has two paragraphs to quote.
func synthesisAnswers(t *testing.T, st *queries.Store) {
	t.Helper()
	ctx := context.Background()
	for _, a := range []queries.ReportAnswer{
		{Year: 2023, Agency: "SXD", State: queries.AnswerSubmitted, Source: "web", SavedBy: "t",
			Letter: queries.AnswerLetter{Number: "456/SXD-KT"},
			Items:  []queries.AnswerItem{{Number: "II.1", Text: "Đã tổ chức 12 hội nghị phổ biến quy hoạch xây dựng."}}},
		{Year: 2023, Agency: "STC", State: queries.AnswerSubmitted, Source: "web", SavedBy: "t",
			Letter: queries.AnswerLetter{Number: "88/STC-NS"},
			Items:  []queries.AnswerItem{{Number: "II.1", Text: "Đăng 30 tin bài về chính sách thuế cho doanh nghiệp công nghiệp."}}},
	} {
		must(t, st.SaveReportAnswers(ctx, a))
	}
}

// TestSynthesisBrowser is SCT's synthesis in real Chromium: an SCT analyst sees no
// editor and is refused until an admin gives the permission on the user page; then,
// on /report/2023, they write SCT's text for II.1 and quote two agencies with one click
// each (the attribution kept as "(Nguồn: …)"), save a draft (not printed) and put it in
// the report. The .docx (document.xml) and the PDF (pdftotext) print SCT's text in place
// of the agencies' paragraphs; with "kèm ý kiến các đơn vị ở phụ lục" those go to an
// annex. No inline script: the page's CSP would log an error, which tab.check fails on.
func TestSynthesisBrowser(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	e := newAcctEnv(t, false)
	synthesisAnswers(t, e.st)
	ctx := context.Background()
	const compiler = "sct_compiler"
	must(t, e.st.SaveUser(ctx, queries.User{Username: compiler, Role: queries.RoleAnalyst, Agencies: []string{"SCT"}, PasswordHash: "not-a-hash"}))
	base := "http://" + listenApp(t, e.app)
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
	count := func(tb *tab, sel string) int {
		t.Helper()
		n, err := chromedp.Run(tb.ctx, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
		must(t, err)
		return n
	}
	value := func(tb *tab, sel string) string {
		t.Helper()
		v, err := chromedp.Run(tb.ctx, chromedp.Value(chromedp.CSS(sel)))
		must(t, err)
		return v
	}
	const editor = `textarea[id="syn-II.1"]`
	const sec = `section[id="s-II.1"]`

	// 1. Without the permission: no editor, and the write is refused.
	sct := as(compiler)
	sct.load(t, base+"/report/2023")
	if n := count(sct, editor); n != 0 {
		t.Fatalf("an analyst without the permission sees %d editors", n)
	}
	c := e.as(compiler)
	resp := e.do(c, "POST", "/report/2023/synthesis", url.Values{"_csrf": {c.csrf}, "item": {"II.1"}, "text": {"x"}, "action": {"final"}})
	if resp.StatusCode != http.StatusForbidden {
		t.Fatalf("synthesis without the permission: %d", resp.StatusCode)
	}

	// 2. The admin gives it on the user's page.
	admin := as(tAdmin)
	admin.load(t, base+"/admin/users/"+compiler)
	must(t, chromedp.Do(admin.ctx,
		chromedp.Click(chromedp.CSS(`#user-compile`)),
		chromedp.Click(chromedp.CSS(`form[action="/admin/users/`+compiler+`"] button[type="submit"]`)),
		chromedp.WaitVisible(chromedp.CSS(`.flash.ok`))))
	if u, err := e.st.UserByName(ctx, compiler); err != nil || !u.CanCompile || u.Role != queries.RoleAnalyst || len(u.Agencies) != 1 {
		t.Fatalf("after the grant: %+v %v", u, err)
	}

	// 3. The compiler writes II.1: a sentence of SCT's own, then one click per agency.
	sct = as(compiler)
	sct.load(t, base+"/report/2023")
	if n := count(sct, sec+` button.quote`); n != 2 {
		t.Fatalf("II.1 offers %d quote buttons, want one per agency paragraph (2)", n)
	}
	must(t, chromedp.Do(sct.ctx,
		chromedp.SetValue(chromedp.CSS(editor), "Các sở, ngành đã đẩy mạnh tuyên truyền về phát triển công nghiệp."),
		chromedp.Click(chromedp.CSS(sec+` .report-entry[data-agency="SXD"] button.quote`)),
		chromedp.Click(chromedp.CSS(sec+` .report-entry[data-agency="STC"] button.quote`))))
	typed := value(sct, editor)
	mustContain(t, "editor after two quotes", typed, "Các sở, ngành đã đẩy mạnh",
		"Đã tổ chức 12 hội nghị phổ biến quy hoạch xây dựng. (Nguồn: Sở Xây dựng)",
		"Đăng 30 tin bài về chính sách thuế cho doanh nghiệp công nghiệp. (Nguồn: Sở Tài chính)")
	if strings.Count(typed, "\n") != 2 {
		t.Errorf("each quote is a paragraph of its own: %q", typed)
	}
	// A draft is kept but not printed.
	must(t, chromedp.Do(sct.ctx,
		chromedp.Click(chromedp.CSS(`form[data-item="II.1"] button[value="draft"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#synthesis-flash`))))
	if v := value(sct, editor); v != typed {
		t.Fatalf("the draft came back as %q, want %q", v, typed)
	}
	docx := func() string {
		t.Helper()
		return docxText(t, getFile(t, e, c, "/report/2023/report.docx"))
	}
	c = e.as(compiler)
	if d := docx(); strings.Contains(d, "Các sở, ngành đã đẩy mạnh") || !strings.Contains(d, "Sở Xây dựng: Đã tổ chức 12 hội nghị") {
		t.Fatal("a draft synthesis is printed, or the agencies' paragraphs are not")
	}
	// Then it goes in the report.
	sct = as(compiler)
	sct.load(t, base+"/report/2023")
	must(t, chromedp.Do(sct.ctx,
		chromedp.Click(chromedp.CSS(`form[data-item="II.1"] button[value="final"]`)),
		chromedp.WaitVisible(chromedp.CSS(`#synthesis-flash`)),
		chromedp.WaitVisible(chromedp.CSS(`div[id="synthesis-II.1"]`))))

	// 4. The .docx and the PDF print SCT's text, quotes attributed, and not the agencies'
	// own paragraphs under II.1 ("chỉ bản tổng hợp của SCT", the default).
	wants := []string{"Các sở, ngành đã đẩy mạnh tuyên truyền về phát triển công nghiệp.",
		"Đã tổ chức 12 hội nghị phổ biến quy hoạch xây dựng. (Nguồn: Sở Xây dựng)",
		"Đăng 30 tin bài về chính sách thuế cho doanh nghiệp công nghiệp. (Nguồn: Sở Tài chính)"}
	doc := docx()
	mustContain(t, "report.docx", doc, wants...)
	if strings.Contains(doc, "Sở Xây dựng: Đã tổ chức") || strings.Contains(doc, "PHỤ LỤC II") {
		t.Error("SCT's text alone was chosen, yet the agencies' paragraphs are printed")
	}
	pdf := pdfBytesText(t, getFile(t, e, c, "/report/2023/report.pdf"))
	mustContain(t, "report.pdf", pdf, "Các sở, ngành đã đẩy mạnh tuyên truyền", "(Nguồn: Sở Xây dựng)", "(Nguồn: Sở Tài chính)")

	// 5. "Kèm ý kiến các đơn vị ở phụ lục": the agencies' paragraphs go to an annex.
	sct = as(compiler) // a tab lives 60 s; the PDF may have taken most of it
	sct.load(t, base+"/report/2023")
	hist, err := chromedp.Run(sct.ctx, chromedp.Text(chromedp.CSS(sec+` .synthesis-history`)))
	must(t, err)
	mustContain(t, "the item's versions on the page", hist, "Các phiên bản (2)")
	must(t, chromedp.Do(sct.ctx,
		chromedp.Click(chromedp.CSS(`#synthesis-mode-annex`)),
		chromedp.Click(chromedp.CSS(`#synthesis-mode button[type="submit"]`))))
	// Wait for the answer to the POST, not the page before it.
	for i := 0; i < 100; i++ {
		if loc, err := chromedp.Run(sct.ctx, chromedp.Location()); err == nil && strings.Contains(loc, "ok=syn-mode") {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	must(t, chromedp.Do(sct.ctx, chromedp.WaitVisible(chromedp.CSS(`#synthesis-flash`))))
	if m, err := e.st.SynthesisMode(ctx, 2023); err != nil || !m.Annex || m.SetBy != compiler {
		t.Fatalf("mode after the choice: %+v %v", m, err)
	}
	doc = docx()
	mustContain(t, "report.docx with the annex", doc, append(wants, "PHỤ LỤC II", "Sở Xây dựng: Đã tổ chức 12 hội nghị",
		"Sở Tài chính: Đăng 30 tin bài")...)
	if i, j := strings.Index(doc, "PHỤ LỤC II"), strings.Index(doc, "Sở Xây dựng: Đã tổ chức"); j < i {
		t.Error("the agencies' paragraphs are printed before the annex")
	}
	pdf = pdfBytesText(t, getFile(t, e, c, "/report/2023/report.pdf"))
	mustContain(t, "report.pdf with the annex", pdf, "PHỤ LỤC II", "Sở Xây dựng: Đã tổ chức 12 hội nghị")

	// 6. Versions and audit, as for answers.
	versions, err := e.st.SynthesisHistory(ctx, 2023, "II.1")
	must(t, err)
	if len(versions) != 2 || versions[0].State != "draft" || versions[1].State != "final" || versions[1].SavedBy != compiler {
		t.Errorf("history: %+v", versions)
	}
	events, err := e.st.AuditEvents(ctx, queries.AuditFilter{Actor: compiler})
	must(t, err)
	var actions []string
	for _, ev := range events {
		actions = append(actions, ev.Action)
	}
	mustContain(t, "the compiler's audit trail", strings.Join(actions, " "), "report.synthesis.draft", "report.synthesis.final",
		"round.synthesis_mode")
	tb.check(t)
	tb.close()
}

// getFile downloads a report file as the caller, waiting while it is being built.
func getFile(t *testing.T, e *acctEnv, c caller, path string) []byte {
	t.Helper()
	for i := 0; ; i++ {
		resp := e.do(c, "GET", path, nil)
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode == http.StatusServiceUnavailable && resp.Header.Get("Retry-After") != "" && i < 120 {
			time.Sleep(time.Second)
			continue
		}
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("GET %s: %d %.300s", path, resp.StatusCode, b)
		}
		return b
	}
}
