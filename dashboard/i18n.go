package dashboard

import (
	"log/slog"
	"sync"

	"github.com/quangngai/chitieu/locale"
)

// missingKeys records every key asked for that has no translation. The page shows
// the key (better than nothing) and logs it once; the tests fail on any.
var missingKeys sync.Map

// translate is the catalogue's text for key in lang; a missing key is logged once.
func translate(lang, key string) string {
	if !locale.Has(key) {
		if _, seen := missingKeys.LoadOrStore(key, true); !seen {
			slog.Warn("missing translation", "key", key)
		}
	}
	return locale.Text(lang, key)
}

// unitsEN are the English names of the units the catalogue writes in Vietnamese.
// A unit not listed is the same in both languages (%, USD, ha).
var unitsEN = map[string]string{
	"tỷ đồng":      "billion VND",
	"triệu USD":    "million USD",
	"dự án":        "projects",
	"người":        "people",
	"nhà máy":      "plants",
	"cụm":          "clusters",
	"%/năm":        "%/yr",
	"lao động":     "workers",
	"doanh nghiệp": "enterprises",
}

// unitIn is a unit in the reader's language.
func unitIn(unit, lg string) string {
	if lg == "en" {
		if en, ok := unitsEN[unit]; ok {
			return en
		}
	}
	return unit
}

// inLang picks catalogue text in the reader's language: the English column in
// English when there is one, else the Vietnamese original.
func inLang(vi, en, lg string) string {
	if lg == "en" && en != "" {
		return en
	}
	return vi
}

// SwitchLangHref is the same page in the other language, filters kept. Built whole:
// a query string spliced into an href after "?" is escaped into a single value.
func (p pageData) SwitchLangHref() string {
	other := "en"
	if p.Lang == "en" {
		other = "vi"
	}
	q := p.Query
	if q != "" {
		q += "&"
	}
	return p.Path + "?" + q + "lang=" + other
}
