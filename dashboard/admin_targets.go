package dashboard

import (
	"fmt"
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/queries"
)

// targetScopes lists the codes a target may name: the scopes and the zones (the
// plan page's choices).
func (s *server) targetScopes(c *fiber.Ctx) ([]string, error) {
	ctx := c.UserContext()
	scopes, err := s.Store.Scopes(ctx)
	if err != nil {
		return nil, err
	}
	zones, err := s.Store.Zones(ctx)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, sc := range scopes {
		out = append(out, sc.Code)
	}
	for _, z := range zones {
		out = append(out, z.Code)
	}
	return out, nil
}

func targetID(t queries.Target) string {
	return fmt.Sprintf("%s/%s/%s/%d-%d", t.Plan, t.Indicator, t.Scope, t.PeriodStart, t.PeriodEnd)
}

func targetDetail(t queries.Target) string {
	s := t.Kind + " " + t.Comparator
	if t.ValueMin != nil {
		s += " min=" + t.ValueMin.String()
	}
	if t.ValueMax != nil {
		s += " max=" + t.ValueMax.String()
	}
	return s + " " + t.Unit
}

// adminTargetSave adds a target from the form, or replaces the one with the same
// indicator, scope and period.
func (s *server) adminTargetSave(c *fiber.Ctx) error {
	p, err := s.planParam(c)
	if err != nil {
		return err
	}
	rep, err := s.loadAdminForm(c, queries.AdminTargets, p.Code)
	if err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetSave, ObjectKind: "target", ObjectID: rep.ID, Detail: "form"})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=saved", fiber.StatusSeeOther)
}

// adminTargetDelete removes one target of the plan, named by indicator, scope and
// period; 404 when the plan has no such target.
func (s *server) adminTargetDelete(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, targets, err := s.planTargetsParam(c)
	if err != nil {
		return err
	}
	var fe fieldErrors
	get := formGetter(c)
	ind, scope := get("indicator"), get("scope")
	from, to := fe.year(0, "period_start", get("period_start")), fe.year(0, "period_end", get("period_end"))
	if err := fe.err(); err != nil {
		return err
	}
	i := slices.IndexFunc(targets, func(t queries.Target) bool {
		return t.Indicator == ind && t.Scope == scope && t.PeriodStart == from && t.PeriodEnd == to
	})
	if i < 0 {
		return queries.ErrNotFound
	}
	if err := s.Store.DeleteTarget(ctx, targets[i]); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetDelete, ObjectKind: "target", ObjectID: targetID(targets[i]),
		Detail: targetDetail(targets[i])})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=deleted", fiber.StatusSeeOther)
}

// adminTargetsUpload loads a plan's targets from a CSV or XLSX file with the columns
// of data/targets.csv. Every row is checked first; one bad row and nothing is written.
// With replace=1 the file becomes the plan's list: the targets missing from it are
// deleted in the same insert as the file's are saved.
func (s *server) adminTargetsUpload(c *fiber.Ctx) error {
	p, err := s.planParam(c)
	if err != nil {
		return err
	}
	replace, err := uploadFlag(c.FormValue("replace"))
	if err != nil {
		return err
	}
	rep, file, err := s.loadAdminFile(c, queries.AdminTargets, p.Code, replace)
	if err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditTargetsLoad, ObjectKind: "plan", ObjectID: p.Code,
		Detail: fmt.Sprintf("file %s: %d targets saved, %d deleted", file, rep.Saved, rep.Deleted)})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=loaded", fiber.StatusSeeOther)
}
