package dashboard

// exportRoutes: chart and data exports, briefing.
func (s *server) exportRoutes() []Route {
	return []Route{
		{"GET", "/export/:page.:format", AccessViewer, s.exportData},
		{"GET", "/briefing.pdf", AccessViewer, s.briefingPDF},
		{"GET", "/review.pdf", AccessViewer, s.reviewPDF},
	}
}
