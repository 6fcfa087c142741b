package dashboard

import (
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/plan"
	"github.com/quangngai/chitieu/queries"
)

// adminPlansList: the plans, and a form to add or edit one.
func (s *server) adminPlansList(c *fiber.Ctx) error {
	plans, err := s.Store.Plans(c.UserContext())
	if err != nil {
		return err
	}
	return s.render(c, "admin_plans", pageData{Title: translate(lang(c), "admin.plans"),
		Data: fiber.Map{"Plans": plans, "Flash": flashKey(c)}})
}

// adminPlanSave adds a plan or, with an existing code, replaces it.
func (s *server) adminPlanSave(c *fiber.Ctx) error {
	var fe fieldErrors
	get := formGetter(c)
	p := queries.Plan{Code: fe.code(0, "code", get("code")), NameVI: fe.required(0, "name_vi", get("name_vi")),
		NameEN: get("name_en"), Document: get("document"),
		PeriodStart: fe.year(0, "period_start", get("period_start")), PeriodEnd: fe.year(0, "period_end", get("period_end"))}
	if p.PeriodStart > p.PeriodEnd {
		fe.add(0, "http.plan.period")
	}
	if err := fe.err(); err != nil {
		return err
	}
	if err := s.Store.SavePlans(c.UserContext(), []queries.Plan{p}); err != nil {
		return err
	}
	s.audit(c, queries.AuditEvent{Action: queries.AuditPlanSave, ObjectKind: "plan", ObjectID: p.Code,
		Detail: p.NameVI + " " + p.Document})
	return c.Redirect("/admin/plans/"+p.Code+"?ok=saved", fiber.StatusSeeOther)
}

// planParam is the plan named in the path; 404 when there is none.
func (s *server) planParam(c *fiber.Ctx) (queries.Plan, error) {
	plans, err := s.Store.Plans(c.UserContext())
	if err != nil {
		return queries.Plan{}, err
	}
	i := slices.IndexFunc(plans, func(p queries.Plan) bool { return p.Code == c.Params("plan") })
	if i < 0 {
		return queries.Plan{}, queries.ErrNotFound
	}
	return plans[i], nil
}

// planTargetsParam is the plan named in the path and its targets; 404 when there is
// no such plan.
func (s *server) planTargetsParam(c *fiber.Ctx) (queries.Plan, []queries.Target, error) {
	p, err := s.planParam(c)
	if err != nil {
		return queries.Plan{}, nil, err
	}
	targets, err := s.Store.Targets(c.UserContext(), p.Code)
	return p, targets, err
}

// adminPlanShow: a plan's targets, with forms to add, replace or delete one and to
// load many from a file.
func (s *server) adminPlanShow(c *fiber.Ctx) error {
	ctx := c.UserContext()
	p, targets, err := s.planTargetsParam(c)
	if err != nil {
		return err
	}
	inds, err := s.Store.Indicators(ctx)
	if err != nil {
		return err
	}
	scopes, err := s.targetScopes(c)
	if err != nil {
		return err
	}
	return s.render(c, "admin_plan", pageData{Title: translate(lang(c), "admin.plan") + " " + p.Code,
		Data: fiber.Map{"Plan": p, "Targets": targets, "Indicators": inds, "Scopes": scopes, "Flash": flashKey(c),
			"Kinds": plan.Kinds, "Comparators": plan.Comparators}})
}
