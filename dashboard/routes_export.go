package dashboard

// exportRoutes: chart and data exports, briefing.
func (s *server) exportRoutes() []Route {
	return []Route{}
}
