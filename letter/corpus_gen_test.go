package letter

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"html"
	"image/jpeg"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/gomutex/godocx"
)

// go test ./letter -run TestGenerateLetters -update-letters rewrites testdata/letters from
// corpus_spec_test.go. It needs soffice, pdftoppm, ImageMagick's convert, openssl and
// libnss3-tools (certutil, pk12util) for the signed PDFs; the committed files are what
// the other tests read, so only a change of the corpus needs it.
var updateLetters = flag.Bool("update-letters", false, "regenerate testdata/letters")

const lettersDir = "../testdata/letters"

func TestGenerateLetters(t *testing.T) {
	if !*updateLetters {
		t.Skip("run with -update-letters to regenerate testdata/letters")
	}
	tmp := t.TempDir()
	if err := os.MkdirAll(lettersDir, 0o755); err != nil {
		t.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(lettersDir, "*"))
	for _, f := range old {
		if filepath.Base(f) != "README.md" {
			os.Remove(f)
		}
	}
	var toDocx []string
	for _, s := range corpus() {
		if err := os.WriteFile(filepath.Join(lettersDir, s.name+".key"), []byte(s.key()), 0o644); err != nil {
			t.Fatal(err)
		}
		if s.form == "word" {
			if err := os.WriteFile(filepath.Join(lettersDir, s.name+".docx"), wordDocx(t, s), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		in := filepath.Join(tmp, s.name+".html")
		if err := os.WriteFile(in, []byte(s.html()), 0o644); err != nil {
			t.Fatal(err)
		}
		toDocx = append(toDocx, in)
	}
	soffice(t, tmp, "docx:MS Word 2007 XML", toDocx...)
	var toDoc, toPDF []string
	for _, s := range corpus() {
		d := filepath.Join(tmp, s.name+".docx")
		switch s.form {
		case "writer":
			copyFile(t, d, filepath.Join(lettersDir, s.name+".docx"))
		case "doc":
			toDoc = append(toDoc, d)
		case "pdf", "signed", "scan":
			toPDF = append(toPDF, d)
		}
	}
	soffice(t, tmp, "doc:MS Word 97", toDoc...)
	soffice(t, tmp, "pdf:writer_pdf_Export", toPDF...)
	nss := testNSS(t, tmp)
	for _, s := range corpus() {
		pdf := filepath.Join(tmp, s.name+".pdf")
		out := filepath.Join(lettersDir, s.name)
		switch s.form {
		case "doc":
			copyFile(t, filepath.Join(tmp, s.name+".doc"), out+".doc")
		case "pdf":
			copyFile(t, pdf, out+".pdf")
		case "signed":
			run(t, "pdfsig", "-add-signature", "-nssdir", nss, "-nick", nickFor(s), "-reason", "Ký số văn bản đi", pdf, out+".pdf")
		case "scan":
			os.WriteFile(out+".pdf", scanPDF(t, tmp, s.name, pdf), 0o644)
		}
	}
}

func nickFor(s spec) string { return strings.ReplaceAll(s.agency.sym, " ", "") }

// testNSS makes an NSS database with one self-signed certificate per signing agency,
// named as the province's CA names an agency (CN the agency, O the province).
func testNSS(t *testing.T, tmp string) string {
	dir := filepath.Join(tmp, "nss")
	os.MkdirAll(dir, 0o700)
	db := "sql:" + dir
	run(t, "certutil", "-N", "-d", db, "--empty-password")
	done := map[string]bool{}
	for _, s := range corpus() {
		if s.form != "signed" || done[nickFor(s)] {
			continue
		}
		done[nickFor(s)] = true
		key, crt, p12 := filepath.Join(tmp, nickFor(s)+".key"), filepath.Join(tmp, nickFor(s)+".crt"), filepath.Join(tmp, nickFor(s)+".p12")
		subj := "/C=VN/ST=Quảng Ngãi/O=UBND tỉnh Quảng Ngãi/CN=" + s.agency.short + " tỉnh Quảng Ngãi"
		run(t, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-utf8", "-keyout", key, "-out", crt, "-days", "3650", "-subj", subj)
		run(t, "openssl", "pkcs12", "-export", "-inkey", key, "-in", crt, "-name", nickFor(s), "-out", p12, "-passout", "pass:")
		run(t, "pk12util", "-i", p12, "-d", db, "-W", "")
	}
	return db
}

// scanPDF prints the PDF's pages to grey images, turns them a little and adds noise like
// a scanner, and wraps the JPEGs in an image-only PDF.
func scanPDF(t *testing.T, tmp, name, pdf string) []byte {
	prefix := filepath.Join(tmp, name+"-page")
	run(t, "pdftoppm", "-r", "200", "-gray", pdf, prefix)
	pages, _ := filepath.Glob(prefix + "*.pgm")
	sort.Strings(pages)
	var jpegs [][]byte
	for _, p := range pages {
		j := strings.TrimSuffix(p, ".pgm") + ".jpg"
		run(t, "convert", p, "-rotate", "0.6", "-attenuate", "0.4", "+noise", "Gaussian", "-quality", "60", j)
		b, err := os.ReadFile(j)
		if err != nil {
			t.Fatal(err)
		}
		jpegs = append(jpegs, b)
	}
	return imagePDF(t, jpegs)
}

// imagePDF writes a PDF of one JPEG per A4 page, no text layer.
func imagePDF(t *testing.T, jpegs [][]byte) []byte {
	var b bytes.Buffer
	var offs []int
	obj := func(s string) { offs = append(offs, b.Len()); b.WriteString(s) }
	b.WriteString("%PDF-1.4\n")
	n := len(jpegs)
	kids := make([]string, n)
	for i := range jpegs {
		kids[i] = fmt.Sprintf("%d 0 R", 3+3*i)
	}
	obj("1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n")
	obj(fmt.Sprintf("2 0 obj << /Type /Pages /Count %d /Kids [%s] >> endobj\n", n, strings.Join(kids, " ")))
	for i, j := range jpegs {
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		page, img, cont := 3+3*i, 4+3*i, 5+3*i
		obj(fmt.Sprintf("%d 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >> endobj\n", page, img, cont))
		obj(fmt.Sprintf("%d 0 obj << /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n", img, cfg.Width, cfg.Height, len(j)))
		b.Write(j)
		b.WriteString("\nendstream endobj\n")
		draw := "q 595 0 0 842 0 0 cm /Im0 Do Q"
		obj(fmt.Sprintf("%d 0 obj << /Length %d >>\nstream\n%s\nendstream endobj\n", cont, len(draw), draw))
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(offs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(offs)+1, xref)
	return b.Bytes()
}

func soffice(t *testing.T, dir, to string, files ...string) {
	if len(files) == 0 {
		return
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--headless", "--convert-to", to, "--outdir", dir}, files...)
	cmd := exec.CommandContext(ctx, "soffice", args...)
	cmd.Env = append(os.Environ(), "HOME="+dir)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v %s", err, out)
	}
}

func run(t *testing.T, name string, args ...string) {
	t.Helper()
	if out, err := exec.Command(name, args...).CombinedOutput(); err != nil {
		t.Fatalf("%s %v: %v %s", name, args, err, out)
	}
}

func copyFile(t *testing.T, from, to string) {
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func lines(ss []string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, strings.Split(s, "\n")...)
	}
	return out
}

// html renders the letter as LibreOffice Writer would be typed: bold runs, italic,
// h1–h3, lists, tables with borders, borderless layout tables.
func (s spec) html() string {
	var b strings.Builder
	b.WriteString(`<html><head><meta charset="utf-8"><style>body{font-family:'Liberation Serif';font-size:13pt} td{vertical-align:top}</style></head><body>`)
	esc := html.EscapeString
	cellLines := func(ls []string, boldFirst bool) {
		for i, l := range lines(ls) {
			switch {
			case l == "":
				b.WriteString("<p>&nbsp;</p>")
			case boldFirst && (i == 1 || strings.ToUpper(l) == l):
				b.WriteString("<p><b>" + esc(l) + "</b></p>")
			default:
				b.WriteString("<p>" + esc(l) + "</p>")
			}
		}
	}
	inList := false
	for _, e := range s.els {
		if e.k != "li" && inList {
			b.WriteString("</ul>")
			inList = false
		}
		switch e.k {
		case "lh":
			b.WriteString(`<table width="100%" border="0"><tr><td width="42%">`)
			cellLines(e.left, true)
			b.WriteString(`</td><td>`)
			cellLines(e.right, true)
			b.WriteString(`</td></tr></table>`)
		case "p", "h":
			switch e.st {
			case "b":
				b.WriteString("<p><b>" + esc(e.text) + "</b></p>")
			case "i":
				b.WriteString("<p><b><i>" + esc(e.text) + "</i></b></p>")
			case "h1", "h2", "h3":
				b.WriteString("<" + e.st + ">" + esc(e.text) + "</" + e.st + ">")
			default:
				b.WriteString("<p>" + esc(e.text) + "</p>")
			}
		case "li":
			if !inList {
				b.WriteString("<ul>")
				inList = true
			}
			b.WriteString("<li>" + esc(e.text) + "</li>")
		case "tbl":
			b.WriteString(`<table border="1" cellspacing="0" width="100%">`)
			for i, r := range e.rows {
				b.WriteString("<tr>")
				for _, c := range r {
					if i == 0 {
						b.WriteString("<th>" + esc(c) + "</th>")
					} else {
						b.WriteString("<td>" + esc(c) + "</td>")
					}
				}
				b.WriteString("</tr>")
			}
			b.WriteString("</table>")
		case "sig":
			cellLines(e.right, true)
		case "sigtbl":
			b.WriteString(`<table width="100%" border="0"><tr><td width="50%">`)
			for i, l := range e.left {
				if i == 0 {
					b.WriteString("<p><b><i>" + esc(l) + "</i></b></p>")
				} else {
					b.WriteString("<p>" + esc(l) + "</p>")
				}
			}
			b.WriteString(`</td><td>`)
			cellLines(e.right, true)
			b.WriteString(`</td></tr></table>`)
		}
	}
	if inList {
		b.WriteString("</ul>")
	}
	b.WriteString("</body></html>")
	return b.String()
}

// wordDocx writes the letter as Word does: Heading 1–3 styles, bold runs, tables.
func wordDocx(t *testing.T, s spec) []byte {
	rd, err := godocx.NewDocument()
	if err != nil {
		t.Fatal(err)
	}
	para := func(text string, bold, italic bool) {
		p := rd.AddEmptyParagraph()
		if text != "" {
			p.AddText(text).Bold(bold).Italic(italic)
		}
	}
	table := func(rows [][]string, boldRow0 bool) {
		tb := rd.AddTable()
		if boldRow0 {
			tb.Style("TableGrid")
		}
		for i, r := range rows {
			row := tb.AddRow()
			for _, c := range r {
				cell := row.AddCell()
				for _, l := range strings.Split(c, "\n") {
					p := cell.AddEmptyPara()
					if l != "" {
						p.AddText(l).Bold(boldRow0 && i == 0 || !boldRow0 && strings.ToUpper(l) == l)
					}
				}
			}
		}
	}
	for _, e := range s.els {
		switch e.k {
		case "lh":
			table([][]string{{strings.Join(lines(e.left), "\n"), strings.Join(lines(e.right), "\n")}}, false)
		case "p", "h":
			switch e.st {
			case "h1", "h2", "h3":
				if _, err := rd.AddHeading(e.text, uint(e.st[1]-'0')); err != nil {
					t.Fatal(err)
				}
			default:
				para(e.text, e.st == "b" || e.st == "i", e.st == "i")
			}
		case "li":
			para("- "+e.text, false, false)
		case "tbl":
			table(e.rows, true)
		case "sig":
			for _, l := range lines(e.right) {
				para(l, l != "", false)
			}
		case "sigtbl":
			table([][]string{{strings.Join(e.left, "\n"), strings.Join(lines(e.right), "\n")}}, false)
		}
	}
	var buf bytes.Buffer
	if err := rd.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}
