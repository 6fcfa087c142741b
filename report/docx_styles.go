package report

import (
	"strings"

	"github.com/gomutex/godocx/docx"
	"github.com/gomutex/godocx/wml/ctypes"
)

// useDecreeStyles makes the package's own defaults those of the decree: Times New Roman
// 14 pt, black, Vietnamese, 6 pt after a paragraph; and Heading 1–3 black Times New Roman
// 14 pt in the decree's weights (part bold, item bold, sub-item bold italic), kept with the
// next paragraph. godocx's template defaults to Calibri 11 pt with blue Cambria headings, so
// text SCT types into the draft later would come out in the wrong face without this.
func useDecreeStyles(rd *docx.RootDoc) {
	st := rd.DocStyles
	if st == nil {
		return
	}
	if st.DocDefaults == nil {
		st.DocDefaults = &ctypes.DocDefault{}
	}
	st.DocDefaults.RunProp = &ctypes.RunPropDefault{RunProp: decreeRun(false, false)}
	after := uint64(afterTwips)
	st.DocDefaults.ParaProp = &ctypes.ParaPropDefault{ParaProp: &ctypes.ParagraphProp{
		Spacing: &ctypes.Spacing{After: &after},
	}}
	for i := range st.StyleList {
		s := &st.StyleList[i]
		if s.ID == nil {
			continue
		}
		switch strings.ToLower(*s.ID) {
		case "normal":
			s.RunProp = decreeRun(false, false)
		case "heading1", "heading2":
			decreeHeading(s, false)
		case "heading3":
			decreeHeading(s, true)
		case "title", "subtitle":
			s.RunProp = decreeRun(true, false)
		}
	}
}

func decreeHeading(s *ctypes.Style, italic bool) {
	s.RunProp = decreeRun(true, italic)
	if s.ParaProp == nil {
		s.ParaProp = &ctypes.ParagraphProp{}
	}
	s.ParaProp.KeepNext = ctypes.OnOffFromBool(true)
	s.ParaProp.KeepLines = ctypes.OnOffFromBool(true)
	// The template's headings carry spacing and borders of their own; the decree's are body-sized.
	before, after := uint64(120), uint64(afterTwips)
	s.ParaProp.Spacing = &ctypes.Spacing{Before: &before, After: &after}
	s.ParaProp.Border = nil
}

func decreeRun(bold, italic bool) *ctypes.RunProperty {
	vi := "vi-VN"
	rp := &ctypes.RunProperty{
		Fonts:  &ctypes.RunFonts{Ascii: fontName, HAnsi: fontName, EastAsia: fontName, CS: fontName},
		Color:  &ctypes.Color{Val: "000000"},
		Size:   ctypes.NewFontSize(bodyPt * 2),
		SizeCs: ctypes.NewFontSizeCS(bodyPt * 2),
		Lang:   &ctypes.Lang{Val: &vi},
	}
	if bold {
		rp.Bold = ctypes.OnOffFromBool(true)
	}
	if italic {
		rp.Italic = ctypes.OnOffFromBool(true)
	}
	return rp
}

// keepWithNext keeps a paragraph on the page of the one after it (a table's caption, a
// header row's cells), so no caption or header row is left alone at the foot of a page.
func keepWithNext(p *docx.Paragraph) {
	ct := p.GetCT()
	if ct.Property == nil {
		ct.Property = &ctypes.ParagraphProp{}
	}
	ct.Property.KeepNext = ctypes.OnOffFromBool(true)
}
