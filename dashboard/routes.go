package dashboard

import "github.com/gofiber/fiber/v2"

// Access says who may call a route. Every route names one, and the authorisation
// matrix test walks this table, so a route without a rule cannot be added.
type Access int

const (
	AccessPublic   Access = iota // anyone: health checks, static files, sign-in
	AccessViewer                 // any signed-in user (anyone in public read-only mode)
	AccessAnalyst                // an analyst (checked again per agency in the handler) or admin
	AccessAdmin                  // administrators only
	AccessCompiler               // holders of the permission to compile a round, and admins
)

func (a Access) String() string {
	return [...]string{"public", "viewer", "analyst", "admin", "compiler"}[a]
}

// Route is one entry of the route table.
type Route struct {
	Method  string
	Path    string
	Access  Access
	Handler fiber.Handler
}

// Routes lists every route the app serves, for tests that must cover them all.
func Routes() []Route {
	return (&server{}).routes()
}

// routes joins the route groups; each group lives in its own routes_*.go file.
func (s *server) routes() []Route {
	var all []Route
	for _, group := range [][]Route{s.coreRoutes(), s.accountRoutes(), s.pageRoutes(), s.exportRoutes(), s.uploadRoutes(), s.adminRoutes(), s.reportRoutes()} {
		all = append(all, group...)
	}
	return all
}

func (s *server) coreRoutes() []Route {
	return []Route{
		{"GET", "/healthz", AccessPublic, s.healthz},
		{"GET", "/readyz", AccessPublic, s.readyz},
		{"GET", "/static/:name", AccessPublic, serveStatic},
	}
}
