package dashboard

import (
	"context"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// pageView builds a page's data the way the page itself does, for exports: the same
// code path, so an export always matches what the page shows.
func (s *server) pageView(ctx context.Context, page string, f filters, lg string) (*view, string, error) {
	switch page {
	case "overview":
		m, err := s.overview(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "overview.title") + " — " + m.PlanName + " — " + strconv.Itoa(m.Year), nil
	case "projection":
		m, err := s.projection(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "projection.title"), nil
	case "indicator":
		m, err := s.indicator(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, m.Name, nil
	case "zones":
		m, err := s.zones(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "zones.title"), nil
	case "reporting":
		m, err := s.reporting(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "reporting.title"), nil
	case "submission":
		m, err := s.submission(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, m.Agency.NameVI + " — " + strconv.Itoa(m.Year), nil
	case "indicators":
		m, err := s.indicators(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "indicators.title"), nil
	case "review":
		m, err := s.review(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "review.title") + " " + m.Period, nil
	case "projects":
		m, err := s.projects(ctx, f, lg)
		if err != nil {
			return nil, "", err
		}
		return &m.view, translate(lg, "projects.title"), nil
	}
	return nil, "", fiber.ErrNotFound
}

// exportData: /export/PAGE.csv|xlsx?filters[&table=ID] — the data behind a page or
// one chart, with the plan, year, filters and data version written in the file.
func (s *server) exportData(c *fiber.Ctx) error {
	lg := exportLang(c)
	page, format := c.Params("page"), c.Params("format")
	if format != "csv" && format != "xlsx" {
		return fiber.ErrNotFound
	}
	f := readFilters(c)
	if page == "submission" {
		f.Agency = strings.Clone(c.Query("agency"))
	}
	v, title, err := s.pageView(c.UserContext(), page, f, lg)
	if err != nil {
		return err
	}
	tables := v.Tables
	if f.Tables != "" {
		t := v.table(f.Tables)
		if t == nil {
			return fiber.ErrNotFound
		}
		tables = []table{*t}
		title += " — " + t.Title
	}
	name := exportFileName(page, v.Meta, f.Tables) + "." + format
	if err := setHeader(c, fiber.HeaderContentDisposition, attachment(name)); err != nil {
		return err
	}
	c.Set(fiber.HeaderCacheControl, "no-store")
	if format == "csv" {
		b, err := writeCSV(tables, v.Meta, title, lg)
		if err != nil {
			return err
		}
		c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
		return c.Send(b)
	}
	b, err := writeXLSX(tables, v.Meta, title, lg)
	if err != nil {
		return err
	}
	c.Set(fiber.HeaderContentType, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
	return c.Send(b)
}

// ExportHref is the link to the data behind a whole page, with its filters (the plan
// and year the page resolved) and its language. Built whole here: a query string
// spliced into an href after "?" would be escaped by html/template into one value.
func (v view) ExportHref(format string) string {
	q := v.Export
	if q != "" {
		q += "&"
	}
	return "/export/" + v.Page + "." + format + "?" + q + "lang=" + langOr(v.Meta.Lang)
}

// exportLang is the language an export link names. The link always says it (the
// page's language); the cookie is only a fallback for old links, and an export never
// changes it.
func exportLang(c *fiber.Ctx) string {
	switch c.Query("lang") {
	case "en":
		return "en"
	case "vi":
		return "vi"
	}
	return langOr(c.Cookies("lang"))
}

func langOr(l string) string {
	if l == "en" {
		return "en"
	}
	return "vi"
}

// exportFileName names a file after what it holds, in ASCII: page, plan, indicator,
// agency, table, year, language and data version —
// chitieu-indicator-DHXX-2020-grdp_growth-ind-series-2025-vi-v1764…
func exportFileName(page string, m meta, table string) string {
	parts := []string{"chitieu", page}
	f := m.Filters
	for _, p := range []string{f.Plan, f.Code, f.Agency, table} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	if f.Year > 0 {
		parts = append(parts, strconv.Itoa(f.Year))
	}
	parts = append(parts, langOr(m.Lang))
	parts = append(parts, "v"+shortVersion(m.Version))
	return asciiName(strings.Join(parts, "-"))
}

func asciiName(s string) string {
	b := []byte(s)
	for i, ch := range b {
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.') {
			b[i] = '_'
		}
	}
	return string(b)
}
