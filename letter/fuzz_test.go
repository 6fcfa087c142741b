package letter

import (
	"os"
	"strings"
	"testing"
)

// FuzzDocxAndMatch: any Word body, read and placed along the outline, never panics and
// every decision has one of the four states.
func FuzzDocxAndMatch(f *testing.F) {
	f.Add(`<w:document><w:body><w:p><w:r><w:rPr><w:b/></w:rPr><w:t>II. KẾT QUẢ</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tên dự án</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Dung Quất I</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>`)
	f.Add(`<w:p><w:p><w:t>1. Về</w:t></w:p></w:p><w:tbl><w:tbl></w:tbl>`)
	items := outline2023(f)
	projects := catalogue(f)
	f.Fuzz(func(t *testing.T, xml string) {
		blocks, err := docxBlocks(strings.NewReader(xml))
		if err != nil {
			return
		}
		res := Match(Letter{Blocks: blocks}, items, projects, Options{Moves: map[string]string{"1": "IV", "2.1": "VSIP2"}})
		for _, d := range res.Decisions {
			switch d.State {
			case Placed, Warned, LeftOut, Unplaced:
			default:
				t.Fatalf("state %q", d.State)
			}
		}
	})
}

// FuzzLayout: any pdftotext or OCR output splits into blocks without panicking.
func FuzzLayout(f *testing.F) {
	if b, err := os.ReadFile(lettersDir + "/01-sxd-outline.key"); err == nil {
		f.Add(string(b))
	}
	f.Add("Nơi nhận:      KT. GIÁM ĐỐC\n\n- Như trên;     PHÓ GIÁM ĐỐC\n\f\n   Trần Văn Bình")
	items := outline2023(f)
	f.Fuzz(func(t *testing.T, text string) {
		w := textWidth(text)
		var blocks []Block
		for i, p := range strings.Split(text, "\f") {
			blocks = append(blocks, layoutBlocks(strings.Split(p, "\n"), i+1, w, i%2 == 1)...)
		}
		Match(Letter{Blocks: blocks}, items, nil, Options{})
	})
}
