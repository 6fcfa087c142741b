package dashboard

// pageRoutes: dashboard pages.
func (s *server) pageRoutes() []Route {
	return []Route{
		{"GET", "/", AccessViewer, s.overviewShow},
		{"GET", "/projection", AccessViewer, s.projectionShow},
		{"GET", "/indicators", AccessViewer, s.indicatorsList},
		{"GET", "/indicators/:code", AccessViewer, s.indicatorShow},
		{"GET", "/zones", AccessViewer, s.zonesList},
		{"GET", "/reporting", AccessViewer, s.reportingShow},
		{"GET", "/reporting/:agency/:year", AccessViewer, s.submissionShow},
		{"GET", "/projects", AccessViewer, s.projectsList},
		{"GET", "/briefing", AccessViewer, s.briefingShow},
		{"GET", "/review", AccessViewer, s.reviewShow},
	}
}
