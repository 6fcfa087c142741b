package dashboard

// accountRoutes: sign-in, sign-out, one's own account.
func (s *server) accountRoutes() []Route {
	return []Route{
		{"GET", "/signin", AccessPublic, s.signinShow},
		{"POST", "/signin", AccessPublic, s.signinSubmit},
		{"POST", "/signout", AccessViewer, s.signout},
		{"GET", "/account", AccessViewer, s.accountShow},
		{"POST", "/account/password", AccessViewer, s.accountPassword},
	}
}
