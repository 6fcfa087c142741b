package dashboard

import (
	"bytes"
	"encoding/csv"
	"html/template"
	"strconv"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

const auditPageSize = 200

// auditFilter reads the filters of the audit page from the query string. Dates are
// days in Vietnam's time; "to" includes its whole day.
func auditFilter(c *fiber.Ctx) (queries.AuditFilter, fiber.Map) {
	f := queries.AuditFilter{Actor: trimField(c.Query("actor")), Action: trimField(c.Query("action")),
		Agency: trimField(c.Query("agency")), Text: trimField(c.Query("q"))}
	form := fiber.Map{"actor": f.Actor, "action": f.Action, "agency": f.Agency, "q": f.Text, "from": "", "to": ""}
	ict := vietnam
	if d, err := time.ParseInLocation("2006-01-02", c.Query("from"), ict); err == nil {
		f.From = d
		form["from"] = c.Query("from")
	}
	if d, err := time.ParseInLocation("2006-01-02", c.Query("to"), ict); err == nil {
		f.To = d.AddDate(0, 0, 1)
		form["to"] = c.Query("to")
	}
	return f, form
}

// adminAuditList: the audit trail, newest first, filtered and paged.
func (s *server) adminAuditList(c *fiber.Ctx) error {
	f, form := auditFilter(c)
	page, _ := strconv.Atoi(c.Query("page"))
	page = max(page, 1)
	f.Limit, f.Offset = auditPageSize+1, (page-1)*auditPageSize
	events, err := s.Store.AuditEvents(c.UserContext(), f)
	if err != nil {
		return err
	}
	more := len(events) > auditPageSize
	if more {
		events = events[:auditPageSize]
	}
	return s.render(c, "admin_audit", pageData{Title: translate(lang(c), "admin.audit"),
		Data: fiber.Map{"Events": events, "Form": form, "Page": page, "More": more, "Filter": template.URL(queryWithout(c, "page")), // fasthttp encodes it
			"Actions": auditActions}})
}

// auditActions are offered in the filter's list; the filter matches prefixes.
var auditActions = []string{"signin.", queries.AuditSigninOK, queries.AuditSigninFail, queries.AuditSigninLimited,
	queries.AuditSignout, "user.", queries.AuditPasswordOwn, queries.AuditCatalogue, queries.AuditPlanSave,
	"target", "upload.", "figure.", queries.AuditNilReport, "report.", "round.", "outline.", queries.AuditAccessDenied}

const auditExportMax = 1_000_000

// adminAuditCSV exports the filtered audit trail as CSV (UTF-8 with BOM so Excel
// reads the Vietnamese right). Cells are neutralised against formula injection.
func (s *server) adminAuditCSV(c *fiber.Ctx) error {
	f, _ := auditFilter(c)
	f.Limit = auditExportMax
	events, err := s.Store.AuditEvents(c.UserContext(), f)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	buf.WriteString("\ufeff")
	w := csv.NewWriter(&buf)
	w.Comma = csvSeparator // the export convention (README): ";" like every other CSV
	_ = w.Write([]string{"time_utc", "time_vn", "actor", "action", "object_kind", "object_id", "agency", "detail", "ip", "user_agent"})
	ict := vietnam
	for _, e := range events {
		_ = w.Write([]string{e.At.UTC().Format(time.RFC3339), e.At.In(ict).Format("2006-01-02 15:04:05"),
			csvSafe(e.Actor), csvSafe(e.Action), csvSafe(e.ObjectKind), csvSafe(e.ObjectID), csvSafe(e.Agency),
			csvSafe(e.Detail), csvSafe(e.IP), csvSafe(e.UserAgent)})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditExport, ObjectKind: "audit", Detail: strconv.Itoa(len(events)) + " rows " + queryWithout(c, "")})
	c.Set(fiber.HeaderContentType, "text/csv; charset=utf-8")
	c.Set(fiber.HeaderContentDisposition, `attachment; filename="nhat-ky-`+time.Now().In(ict).Format("20060102-1504")+`.csv"`)
	return c.Send(buf.Bytes())
}

// csvSafe stops a spreadsheet from running a cell as a formula: text starting with
// = + - @ tab or CR gets a leading apostrophe (OWASP "CSV injection").
func csvSafe(s string) string {
	if s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}
