package dashboard

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzUploadFileName: whatever name a browser sends, the stored name is a clean base
// name and the download header cannot be split or broken out of.
func FuzzUploadFileName(f *testing.F) {
	for _, s := range []string{"Báo cáo.xlsx", `C:\Users\a\Desktop\Biểu mẫu "BQL".xlsx`, "../../etc/passwd", "a\r\nSet-Cookie: x=1",
		"\xff\xfe.csv", "", ".", "đ;filename=evil.exe", "\u202egnp.exe", strings.Repeat("ế", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		n := cleanFileName(name)
		if n == "" || !utf8.ValidString(n) || strings.ContainsAny(n, "/\\\r\n\x00") || len(n) > 200 || n == "." || n == ".." {
			t.Fatalf("cleanFileName(%q) = %q", name, n)
		}
		h := attachment(n)
		ascii, enc, ok := strings.Cut(strings.TrimPrefix(h, `attachment; filename="`), `"; filename*=UTF-8''`)
		if !strings.HasPrefix(h, `attachment; filename="`) || !ok {
			t.Fatalf("attachment(%q) = %q", n, h)
		}
		for _, r := range ascii {
			if r < 0x20 || r >= 0x7f || r == '"' || r == '\\' || r == ';' {
				t.Fatalf("attachment(%q): fallback %q", n, ascii)
			}
		}
		for i := 0; i < len(enc); i++ {
			b := enc[i]
			if !(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || strings.IndexByte("-._~%", b) >= 0) {
				t.Fatalf("attachment(%q): encoded %q", n, enc)
			}
		}
	})
}

func TestUploadFieldParsing(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want uint16
		ok   bool
	}{{"", 0, true}, {" 2024 ", 2024, true}, {"24", 0, false}, {"2024.0", 0, false}, {"99999999999999999999", 0, false}, {"-2024", 0, false}} {
		got, err := uploadYear(tc.in, false)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("uploadYear(%q) = %d, %v", tc.in, got, err)
		}
	}
	for in, want := range map[string]string{`{"agency":"BQL","figures":[]}`: "BQL", "\xef\xbb\xbf {\"agency\": \"CTK\"}": "CTK",
		`[{"indicator":"x"}]`: "", `{"agency": 5}`: "", `{"agency"`: "", "indicator,scope\n": ""} {
		if got := jsonAgency([]byte(in)); got != want {
			t.Errorf("jsonAgency(%q) = %q, want %q", in, got, want)
		}
	}
}
