package dashboard

import (
	"fmt"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

type adminAssignmentsModel struct {
	Assignments []queries.Assignment
	Agencies    []queries.Agency
	Indicators  []queries.Indicator
	Agency      string // the filters, from the URL
	Indicator   string
	Flash       string
}

// adminAssignmentsShow: which agency reports which indicator for which scope, filtered
// by ?agency= and ?indicator=; a form that adds one, a delete button per row and a
// file upload for many at once.
func (s *server) adminAssignmentsShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	m := adminAssignmentsModel{Flash: flashKey(c), Agency: trimField(c.Query("agency")), Indicator: trimField(c.Query("indicator"))}
	all, err := s.Store.Assignments(ctx, m.Agency)
	if err != nil {
		return err
	}
	for _, a := range all {
		if m.Indicator == "" || a.Indicator == m.Indicator {
			m.Assignments = append(m.Assignments, a)
		}
	}
	if m.Agencies, err = s.Store.Agencies(ctx); err != nil {
		return err
	}
	if m.Indicators, err = s.Store.Indicators(ctx); err != nil {
		return err
	}
	return s.render(c, "admin_assignments", pageData{Title: translate(lang(c), "admin.assignments"), Data: m})
}

func assignmentID(a queries.Assignment) string {
	return a.Agency + "/" + a.Indicator + "/" + a.Scope
}

// assignmentsBack is the list page with the filters the form carried.
func assignmentsBack(c *fiber.Ctx, ok string) string {
	q := url.Values{"ok": {ok}}
	if v := trimField(c.FormValue("f_agency")); v != "" {
		q.Set("agency", v)
	}
	if v := trimField(c.FormValue("f_indicator")); v != "" {
		q.Set("indicator", v)
	}
	return "/admin/assignments?" + q.Encode()
}

// adminAssignmentSave adds an assignment from the form, or replaces the note of the
// one with the same agency, indicator and scope.
func (s *server) adminAssignmentSave(c *fiber.Ctx) error {
	rep, err := s.loadAdminForm(c, queries.AdminAssignments, "")
	if err != nil {
		return err
	}
	agency, _, _ := strings.Cut(rep.ID, "/")
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: "assignment", ObjectID: rep.ID,
		Agency: agency, Detail: "form: " + trimField(c.FormValue("note"))})
	return c.Redirect(assignmentsBack(c, "saved"), fiber.StatusSeeOther)
}

// adminAssignmentDelete withdraws one assignment, named by agency, indicator and
// scope; 404 when there is no such assignment.
func (s *server) adminAssignmentDelete(c *fiber.Ctx) error {
	ctx := c.UserContext()
	get := formGetter(c)
	agency, ind, scope := get("agency"), get("indicator"), get("scope")
	if agency == "" {
		return queries.ErrNotFound
	}
	cur, err := s.Store.Assignments(ctx, agency)
	if err != nil {
		return err
	}
	i := slices.IndexFunc(cur, func(a queries.Assignment) bool {
		return a.Indicator == ind && a.Scope == scope
	})
	if i < 0 {
		return queries.ErrNotFound
	}
	if err := s.Store.DeleteAssignments(ctx, cur[i:i+1]); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: "assignment", ObjectID: assignmentID(cur[i]),
		Agency: cur[i].Agency, Detail: "delete"})
	return c.Redirect(assignmentsBack(c, "deleted"), fiber.StatusSeeOther)
}

// adminAssignmentsUpload saves many assignments from a CSV or XLSX file with the
// columns of ingest/assignments_seed.csv (agency, indicator, scope, note). Every row
// is checked first; one bad row and nothing is written.
func (s *server) adminAssignmentsUpload(c *fiber.Ctx) error {
	rep, file, err := s.loadAdminFile(c, queries.AdminAssignments, "", false)
	if err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: "assignment", ObjectID: file,
		Detail: fmt.Sprintf("file %s: %d rows", file, rep.Saved)})
	return c.Redirect("/admin/assignments?ok=loaded", fiber.StatusSeeOther)
}
