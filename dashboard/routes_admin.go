package dashboard

// adminRoutes: administration: users, catalogue, targets, audit.
func (s *server) adminRoutes() []Route {
	return []Route{}
}
