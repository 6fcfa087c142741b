package dashboard

// uploadRoutes: analysts' uploads and nil reports.
func (s *server) uploadRoutes() []Route {
	return []Route{}
}
