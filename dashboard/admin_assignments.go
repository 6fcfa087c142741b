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

// assignmentChecker validates assignment rows against the catalogue.
type assignmentChecker struct {
	agencies, indicators, scopes, scopeKinds map[string]bool
}

func (s *server) newAssignmentChecker(c *fiber.Ctx) (*assignmentChecker, error) {
	ctx := c.UserContext()
	ac := &assignmentChecker{agencies: map[string]bool{}, indicators: map[string]bool{"*": true}, scopes: map[string]bool{},
		scopeKinds: map[string]bool{}}
	ags, err := s.Store.Agencies(ctx)
	if err != nil {
		return nil, err
	}
	for _, a := range ags {
		ac.agencies[a.Code] = true
	}
	inds, err := s.Store.Indicators(ctx)
	if err != nil {
		return nil, err
	}
	for _, it := range inds {
		ac.indicators[it.Code] = true
	}
	scopes, err := s.Store.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	for _, sc := range scopes {
		ac.scopes[sc.Code] = true
		ac.scopeKinds[sc.Kind] = true
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	for _, z := range zones {
		ac.scopes[z.Code] = true
	}
	return ac, nil
}

// scopeOK: a scope or zone code, or a pattern of migration 0200 (zone:*, zone:EZ,
// zone:IP, zone:IC, province:*) or scope:<kind> as ingest reads it.
func (ac *assignmentChecker) scopeOK(v string) bool {
	if ac.scopes[v] {
		return true
	}
	kind, arg, ok := strings.Cut(v, ":")
	if !ok {
		return false
	}
	switch kind {
	case "zone":
		return arg == "*" || slices.Contains(zoneTypes, arg)
	case "province":
		return arg == "*"
	case "scope":
		return ac.scopeKinds[arg]
	}
	return false
}

// assignment reads one assignment, with the columns of ingest/assignments_seed.csv
// (agency, indicator, scope, note), from a row of a file (line > 0) or the form (0).
func (ac *assignmentChecker) assignment(fe *fieldErrors, line int, get func(string) string) queries.Assignment {
	w := rowAt(line)
	a := queries.Assignment{Agency: fe.required(w, "agency", get("agency")), Indicator: fe.required(w, "indicator", get("indicator")),
		Scope: fe.required(w, "scope", get("scope")), Note: get("note")}
	if a.Agency != "" && !ac.agencies[a.Agency] {
		fe.add(w, "không có đơn vị "+a.Agency+" trong danh mục.", "no agency "+a.Agency+" in the catalogue.")
	}
	if a.Indicator != "" && !ac.indicators[a.Indicator] {
		fe.add(w, "không có chỉ tiêu "+a.Indicator+" trong danh mục.", "no indicator "+a.Indicator+" in the catalogue.")
	}
	if a.Scope != "" && !ac.scopeOK(a.Scope) {
		fe.add(w, "phạm vi "+a.Scope+" không phải mã phạm vi, mã khu hay mẫu zone:*, zone:EZ, zone:IP, zone:IC, province:*.",
			"scope "+a.Scope+" is not a scope or zone code, nor a pattern zone:*, zone:EZ, zone:IP, zone:IC, province:*.")
	}
	return a
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
	ac, err := s.newAssignmentChecker(c)
	if err != nil {
		return err
	}
	var fe fieldErrors
	a := ac.assignment(&fe, 0, formGetter(c))
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.Store.SaveAssignments(c.UserContext(), []queries.Assignment{a}); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: "assignment", ObjectID: assignmentID(a),
		Agency: a.Agency, Detail: "form: " + a.Note})
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
	t, file, err := readUploadedTable(c, "file")
	if err != nil {
		return err
	}
	for _, col := range []string{"agency", "indicator", "scope"} {
		if !t.has(col) {
			return badRequest("Tệp thiếu cột "+col+" (xem mẫu ingest/assignments_seed.csv: agency, indicator, scope, note).",
				"The file lacks the column "+col+" (see ingest/assignments_seed.csv: agency, indicator, scope, note).")
		}
	}
	ac, err := s.newAssignmentChecker(c)
	if err != nil {
		return err
	}
	var fe fieldErrors
	items := make([]queries.Assignment, len(t.rows))
	seen := map[string]int{}
	for i := range t.rows {
		items[i] = ac.assignment(&fe, t.line[i], t.getter(i))
		id := assignmentID(items[i])
		if prev, ok := seen[id]; ok {
			fe.add(rowAt(t.line[i]), fmt.Sprintf("trùng với dòng %d.", prev), fmt.Sprintf("repeats line %d.", prev))
		}
		seen[id] = t.line[i]
	}
	if len(items) == 0 {
		fe.add("", "Tệp không có dòng phân công nào.", "The file holds no assignment rows.")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.Store.SaveAssignments(c.UserContext(), items); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditCatalogue, ObjectKind: "assignment", ObjectID: file,
		Detail: fmt.Sprintf("file %s: %d rows", file, len(items))})
	return c.Redirect("/admin/assignments?ok=loaded", fiber.StatusSeeOther)
}
