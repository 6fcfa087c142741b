package dashboard

// adminRoutes: administration: users, catalogue, assignments, targets, audit.
func (s *server) adminRoutes() []Route {
	return []Route{
		{"GET", "/admin", AccessAdmin, s.adminIndex},
		{"GET", "/admin/users", AccessAdmin, s.adminUsersList},
		{"POST", "/admin/users", AccessAdmin, s.adminUserCreate},
		{"GET", "/admin/users/:username", AccessAdmin, s.adminUserShow},
		{"POST", "/admin/users/:username", AccessAdmin, s.adminUserUpdate},
		{"POST", "/admin/users/:username/disable", AccessAdmin, s.adminUserDisable},
		{"POST", "/admin/users/:username/password", AccessAdmin, s.adminUserPassword},
		{"GET", "/admin/catalogue", AccessAdmin, s.adminCatalogueShow},
		{"POST", "/admin/catalogue/upload", AccessAdmin, s.adminCatalogueUpload},
		{"POST", "/admin/catalogue/:kind", AccessAdmin, s.adminCatalogueSave},
		{"GET", "/admin/assignments", AccessAdmin, s.adminAssignmentsShow},
		{"POST", "/admin/assignments", AccessAdmin, s.adminAssignmentSave},
		{"POST", "/admin/assignments/delete", AccessAdmin, s.adminAssignmentDelete},
		{"POST", "/admin/assignments/upload", AccessAdmin, s.adminAssignmentsUpload},
		{"GET", "/admin/plans", AccessAdmin, s.adminPlansList},
		{"POST", "/admin/plans", AccessAdmin, s.adminPlanSave},
		{"GET", "/admin/plans/:plan", AccessAdmin, s.adminPlanShow},
		{"POST", "/admin/plans/:plan/targets", AccessAdmin, s.adminTargetSave},
		{"POST", "/admin/plans/:plan/targets/delete", AccessAdmin, s.adminTargetDelete},
		{"POST", "/admin/plans/:plan/targets/upload", AccessAdmin, s.adminTargetsUpload},
		{"GET", "/admin/audit", AccessAdmin, s.adminAuditList},
		{"GET", "/admin/audit.csv", AccessAdmin, s.adminAuditCSV},
	}
}
