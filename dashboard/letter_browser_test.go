package dashboard

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/quangngai/chitieu/ingest"
	"github.com/quangngai/chitieu/letter"
	"github.com/quangngai/chitieu/queries"
)

// TestLetterPreviewBrowser uploads reply letters as agencies send them (Writer .docx with
// II.7/II.8 tables, a signed PDF, a scan) in real Chromium and checks the preview
// accounts for every paragraph: each block of the letter appears exactly once, in one of
// the four states. The signed PDF shows its signer and verification state, the scan its
// OCR warning. Then the analyst moves a paragraph and picks a project for an unknown
// row; the saved version keeps both.
func TestLetterPreviewBrowser(t *testing.T) {
	bctx := startChromium(t, 1280, 900)
	e := newUploadEnv(t, func(d *Deps, _ *ingest.Limits) { d.ReportDocx = ingest.ParseDocxAnswer })
	ctx := context.Background()
	must(t, e.st.SaveUser(ctx, queries.User{Username: "analyst_sxd", Role: queries.RoleAnalyst, Agencies: []string{"SXD"}, PasswordHash: "not-a-hash"}))
	base := "http://" + listenApp(t, e.app)
	upload := func(name string) (*tab, map[string]string) {
		abs, err := filepath.Abs(filepath.Join("..", "testdata", "letters", name))
		must(t, err)
		tb := slowTab(t, bctx) // OCR of a scan takes a while on a busy machine
		tb.signIn(t, base, e.as("analyst_sxd").cookies)
		tb.load(t, base+"/report/2026/answer/SXD")
		t.Logf("uploading %s", name)
		must(t, chromedp.Do(tb.ctx,
			chromedp.Click(chromedp.CSS(`#answer-word summary`)),
			chromedp.SetUploadFiles(chromedp.CSS(`#docx-upload input[type="file"]`), []string{abs}),
			chromedp.Click(chromedp.CSS(`#docx-upload button[type="submit"]`)),
			chromedp.WaitVisible(chromedp.CSS(`#letter-paragraphs`))))
		return tb, rowsOf(t, tb)
	}
	states := map[string]bool{letter.Placed: true, letter.Warned: true, letter.LeftOut: true, letter.Unplaced: true}
	for _, name := range []string{"07-bs-part1-tables.docx", "19-tnmt-signed.pdf", "22-bs-scan.pdf"} {
		tb, rows := upload(name)
		// Every block of the letter as read, paragraph or table, has its line(s).
		data := readLetterFile(t, name)
		l, err := letter.Read(ctx, data, letter.DefaultLimits)
		must(t, err)
		for _, b := range l.Blocks {
			if !b.Table && strings.TrimSpace(b.Text) == "" {
				continue
			}
			n := 0
			for k := range rows {
				if k == fmt.Sprint(b.N) || b.Table && strings.HasPrefix(k, fmt.Sprintf("%d.", b.N)) {
					n++
				}
			}
			if n == 0 {
				t.Errorf("%s: block %d (%q) is not in the preview", name, b.N, shortLine(b.Text))
			}
		}
		for k, st := range rows {
			if !states[st] {
				t.Errorf("%s: row %s in state %q", name, k, st)
			}
		}
		page := tb.text(t, "main")
		switch name {
		case "19-tnmt-signed.pdf":
			mustContain(t, name, tb.text(t, "#letter-signature"), "Ký số bởi Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi", "chưa xác minh được chứng thư")
			mustContain(t, name, tb.text(t, "#docx-letter"), "3102/STNMT-KS", "Lê Thị Hoa")
			// Saved, the signature is a field of the answer's version, shown on its page.
			_, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => { document.querySelector('#docx-confirm button[value="draft"]').click(); return true; })()`))
			must(t, err)
			must(t, chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(`#answer-signature`))))
			mustContain(t, name, tb.text(t, "#answer-signature"), "Ký số bởi Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi")
			a, err := e.st.ReportAnswer(ctx, 2026, "SXD", 0)
			must(t, err)
			mustContain(t, name+" saved", a.Letter.Signature, "Ký số bởi Sở Tài nguyên và Môi trường tỉnh Quảng Ngãi", "chưa xác minh được chứng thư", "\n")
		case "22-bs-scan.pdf":
			mustContain(t, name, page, "nhận dạng từ bản quét — kiểm tra lại")
		case "07-bs-part1-tables.docx":
			mustContain(t, name, page, "không nhận ra dự án", "chưa rõ tình trạng văn bản")
		}
		tb.close()
	}

	// Moves: a paragraph of III to IV, and the unknown II.7 row to DQ-POWER-2; previewed
	// again, then saved as a draft.
	tb, rows := upload("07-bs-part1-tables.docx")
	defer tb.close()
	var row string
	for k := range rows {
		if rows[k] == letter.Unplaced && strings.Contains(k, ".") {
			row = k
		}
	}
	para, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`Array.from(document.querySelectorAll('#letter-paragraphs tr.letter-para')).find(r => r.children[3].textContent === 'III' && !r.querySelector('strong')).dataset.key`))
	must(t, err)
	if para == "" || row == "" {
		t.Fatalf("no paragraph of III (%q) or unknown project row (%q) to move: %v", para, row, rows)
	}
	choose := func(button string) {
		t.Helper()
		_, err := chromedp.Run(tb.ctx, chromedp.Evaluate[bool](`(() => {
			document.querySelector('select[name="move:`+para+`"]').value = 'IV';
			document.querySelector('select[name="move:`+row+`"]').value = 'DQ-POWER-2';
			document.querySelector('#docx-confirm button[value="`+button+`"]').click();
			return true; })()`))
		must(t, err)
	}
	choose("preview")
	must(t, chromedp.Do(tb.ctx,
		chromedp.WaitVisible(chromedp.CSS(`tr.moved[data-key="`+row+`"]`))))
	after := rowsOf(t, tb)
	if after[para] != letter.Placed || after[row] != letter.Placed {
		t.Fatalf("after the moves: paragraph %s %q, row %s %q", para, after[para], row, after[row])
	}
	// The preview kept the choices in its form: confirm saves them.
	choose("draft")
	must(t, chromedp.Do(tb.ctx, chromedp.WaitVisible(chromedp.CSS(`.flash.ok`))))
	a, err := e.st.ReportAnswer(ctx, 2026, "SXD", 0)
	must(t, err)
	iv, _ := a.Item("IV")
	if !strings.Contains(iv.Text, "Công tác giải phóng mặt bằng") {
		t.Errorf("IV after the move: %q", iv.Text)
	}
	var power2 bool
	for _, p := range a.Projects {
		power2 = power2 || p.Project == "DQ-POWER-2"
	}
	if !power2 || a.Letter.Signer != "Huỳnh Văn Nam" || a.Letter.Number != "3550/UBND-KT" {
		t.Errorf("saved: projects %+v, letter %+v", a.Projects, a.Letter)
	}
	// The moves are kept with the version they shaped, and shown on the answer's page.
	mustContain(t, "moves kept", a.Letter.Moves, "đoạn "+para+"→IV", "đoạn "+row+"→DQ-POWER-2")
	mustContain(t, "moves shown", tb.text(t, "#answer-moves"), "đoạn "+para+"→IV")
	if a.Letter.Signature != "" {
		t.Errorf("an unsigned letter's answer carries a signature: %q", a.Letter.Signature)
	}
}

// rowsOf reads the preview's paragraph table: key → state; a key twice is an error.
func rowsOf(t *testing.T, tb *tab) map[string]string {
	t.Helper()
	pairs, err := chromedp.Run(tb.ctx, chromedp.Evaluate[[]string](`Array.from(document.querySelectorAll('#letter-paragraphs tr.letter-para')).map(r => r.dataset.key + '|' + r.dataset.state)`))
	must(t, err)
	out := map[string]string{}
	for _, p := range pairs {
		k, st, _ := strings.Cut(p, "|")
		if _, dup := out[k]; dup {
			t.Errorf("paragraph %s appears twice in the preview", k)
		}
		out[k] = st
	}
	if len(out) == 0 {
		t.Fatal("the preview lists no paragraph")
	}
	return out
}

func shortLine(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60])
	}
	return s
}

func (tb *tab) text(t *testing.T, sel string) string {
	t.Helper()
	s, err := chromedp.Run(tb.ctx, chromedp.Text(chromedp.CSS(sel)))
	if err != nil {
		t.Fatalf("text of %s: %v", sel, err)
	}
	return s
}

func readLetterFile(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "letters", name))
	must(t, err)
	return b
}

// slowTab is a tab that may live three minutes: reading a scan runs Tesseract on every
// page before the preview answers.
func slowTab(t *testing.T, bctx context.Context) *tab {
	tb := &tab{}
	ctx, cancel := chromedp.NewContext(bctx, chromedp.WithListener(tb.listen))
	tctx, tcancel := context.WithTimeout(ctx, 3*time.Minute)
	tb.ctx, tb.cancel = tctx, func() { tcancel(); cancel() }
	must(t, chromedp.Do(tb.ctx))
	return tb
}
