package dashboard

import (
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// vietnameseWord: a word with a Vietnamese letter (English pages must have none
// outside names and documents, which the checks below leave out).
var vietnameseWord = regexp.MustCompile(`[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]`)

// Issue 21.10, the language half, in Chromium: English pages use English units, the
// outlines page and the report's chart page are translated, and admin tables and forms
// label their fields rather than print column names.
func TestEnglishPagesBrowser(t *testing.T) {
	e := newAcctEnv(t, false)
	base := "http://" + listenApp(t, e.app)
	bctx := startChromium(t, 1280, 900)
	tb := openTab(t, bctx)
	defer tb.close()
	tb.signIn(t, base, e.as(tAdmin).cookies)
	// The interface text of a page: headings, table heads, labels, buttons.
	uiText := func(path string) string {
		t.Helper()
		tb.load(t, base+path)
		s, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`[].map.call(document.querySelectorAll("main h2, main th, main label, main button"),
			function (el) { return (el.firstChild && el.firstChild.nodeType === 3 ? el.firstChild.textContent : el.innerText).trim(); }).join(" | ")`))
		must(t, err)
		return s
	}
	for _, path := range []string{"/admin/outlines?lang=en", "/admin/outlines/DC-2023?lang=en", "/report/2025/charts?lang=en", "/admin/plans/DHXX-2020?lang=en", "/admin/catalogue?lang=en"} {
		got := uiText(path)
		if w := vietnameseWord.FindString(got); w != "" {
			t.Errorf("%s shows Vietnamese interface text: %s", path, got)
		}
		for _, raw := range []string{"value_min", "period_start", "name_vi", "higher_is_better", "outline_section"} {
			if strings.Contains(got, raw) {
				t.Errorf("%s labels a field with its column name %q: %s", path, raw, got)
			}
		}
	}
	vi := uiText("/admin/plans/DHXX-2020?lang=vi")
	mustContain(t, "Vietnamese plan admin", vi, "Giá trị dưới", "Năm bắt đầu")
	tb.load(t, base+"/indicators?lang=en")
	units, err := chromedp.Run(tb.ctx, chromedp.Evaluate[string](`document.querySelector("#table-indicators").innerText`))
	must(t, err)
	mustContain(t, "English units", units, "billion VND", "projects", "people", "plants")
	if strings.Contains(units, "tỷ đồng") || strings.Contains(units, "VND bn") {
		t.Error("English /indicators writes VND in Vietnamese or as 'VND bn'")
	}
	tb.check(t)
}

// Issue 21.10, the time half: every time shown is Vietnam time, and the audit CSV
// follows the ";" convention.
func TestTimesAreVietnamTime(t *testing.T) {
	e := newAcctEnv(t, false)
	admin := e.as(tAdmin)
	u, err := e.st.UserByName(t.Context(), tViewer)
	must(t, err)
	want := u.UpdatedAt.In(vietnam).Format("02/01/2006 15:04")
	utc := u.UpdatedAt.UTC().Format("2006-01-02 15:04")
	body := readBody(t, e.do(admin, "GET", "/admin/users", nil))
	if !strings.Contains(body, want) || strings.Contains(body, utc) {
		t.Errorf("/admin/users: want %s (Vietnam time), not %s (UTC)", want, utc)
	}
	csv := readBody(t, e.do(admin, "GET", "/admin/audit.csv", nil))
	head := strings.SplitN(strings.TrimPrefix(csv, "\ufeff"), "\n", 2)[0]
	if !strings.HasPrefix(head, "time_utc;time_vn;actor") {
		t.Errorf("audit CSV header %q, want fields separated by ';'", head)
	}
	_ = time.Now
}
