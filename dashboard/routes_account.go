package dashboard

// accountRoutes: sign-in, sign-out (accounts).
func (s *server) accountRoutes() []Route {
	return []Route{}
}
