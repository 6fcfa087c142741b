package dashboard

import (
	"log/slog"
	"sync"
)

// messages holds the interface text: Vietnamese first, English second.
var messages = map[string][2]string{
	"app.name":         {"Chỉ tiêu phát triển công nghiệp tỉnh Quảng Ngãi", "Quảng Ngãi industrial development indicators"},
	"nav.overview":     {"Tổng quan", "Overview"},
	"nav.projection":   {"Dự báo cuối kỳ", "Projection"},
	"nav.zones":        {"Các khu", "Zones"},
	"nav.reporting":    {"Tình hình báo cáo", "Reporting"},
	"nav.projects":     {"Dự án trọng điểm", "Key projects"},
	"nav.upload":       {"Gửi số liệu", "Upload figures"},
	"nav.admin":        {"Quản trị", "Admin"},
	"nav.signin":       {"Đăng nhập", "Sign in"},
	"nav.signout":      {"Đăng xuất", "Sign out"},
	"lang.switch":      {"English", "Tiếng Việt"},
	"overview.title":   {"Tổng quan thực hiện chỉ tiêu", "Indicator overview"},
	"common.source":    {"Nguồn", "Source"},
	"common.year":      {"Năm", "Year"},
	"common.value":     {"Giá trị", "Value"},
	"common.unit":      {"Đơn vị", "Unit"},
	"common.status":    {"Tình trạng", "Status"},
	"common.note":      {"Ghi chú", "Note"},
	"common.plan":      {"Kế hoạch", "Plan"},
	"common.target":    {"Mục tiêu", "Target"},
	"common.nodata":    {"Chưa có số liệu", "No data yet"},
	"common.dataasof":  {"Số liệu tính đến", "Data as of"},
	"common.synthetic": {"Cơ sở dữ liệu có chứa dữ liệu giả lập (không phải số liệu thật); các trang chỉ hiển thị số liệu thật.", "The database holds synthetic (not real) data; pages show real figures only."},
	"error.back":       {"Về trang tổng quan", "Back to the overview"},
}

// missingKeys records every key asked for that has no translation. The page shows
// the key (better than nothing) and logs it once; the tests fail on any.
var missingKeys sync.Map

func translate(lang, key string) string {
	m, ok := messages[key]
	if !ok {
		if _, seen := missingKeys.LoadOrStore(key, true); !seen {
			slog.Warn("missing translation", "key", key)
		}
		return key
	}
	if lang == "en" {
		return m[1]
	}
	return m[0]
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
