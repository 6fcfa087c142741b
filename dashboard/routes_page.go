package dashboard

// pageRoutes: dashboard pages.
func (s *server) pageRoutes() []Route {
	return []Route{
		{"GET", "/", AccessViewer, s.overviewShow},
	}
}
