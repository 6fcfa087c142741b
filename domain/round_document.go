package domain

import (
	"strconv"
	"strings"
)

// RoundDocument is what a round's consolidated report cites and who signs it: the
// report's introduction, number, signature and "Nơi nhận" are written from it, so a
// new year needs no code change. The request letter's number and date are the round's
// own (Round.LetterNo, Round.LetterDate); its subject is here.
type RoundDocument struct {
	Year uint16
	// RequestAbout is the request letter's "về việc", without those words.
	RequestAbout string
	// Plan is the plan in force (plans.code); PlanCitation cites it in full, "về việc"
	// included ("Quyết định số 998/QĐ-UBND ngày 07/7/2021 của Chủ tịch UBND tỉnh về việc …").
	Plan         string
	PlanCitation string
	// Citations are the other documents the introduction cites, each in full.
	Citations []string
	// NumberPattern is the report's number with the number left blank: "/BC-SCT".
	NumberPattern string
	SignerName    string
	// SignerPosition is the signature block's authority lines: "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC".
	SignerPosition []string
	Recipients     []string // "Nơi nhận", one line each
	// Charts puts section I's charts in an annex; off unless an administrator turns it on.
	Charts bool
}

// Outline placeholders, written in an outline's titles and guidance and resolved when
// a round opens from it.
const (
	PlaceholderYear     = "{{năm}}"
	PlaceholderNextYear = "{{năm sau}}"
)

// HasPlaceholders says whether an outline holds year placeholders (a template).
func (o Outline) HasPlaceholders() bool {
	if strings.Contains(o.Name, "{{") {
		return true
	}
	for _, it := range o.Items {
		if strings.Contains(it.Title, "{{") || strings.Contains(it.Guidance, "{{") {
			return true
		}
	}
	return false
}

// ResolveYear writes year and year+1 into an outline's placeholders.
func ResolveYear(s string, year uint16) string {
	return strings.NewReplacer(PlaceholderYear, strconv.Itoa(int(year)),
		PlaceholderNextYear, strconv.Itoa(int(year)+1)).Replace(s)
}

// ResolvedFor is a copy of a template outline for one year, placeholders resolved.
func (o Outline) ResolvedFor(year uint16, code string) Outline {
	out := Outline{Code: code, Name: ResolveYear(o.Name, year), BasedOn: o.Code}
	for _, it := range o.Items {
		it.Title, it.Guidance = ResolveYear(it.Title, year), ResolveYear(it.Guidance, year)
		it.Indicators = append([]string(nil), it.Indicators...)
		out.Items = append(out.Items, it)
	}
	return out
}
