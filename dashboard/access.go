package dashboard

import (
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/queries"
)

// serverLocal holds the server for helpers that are plain functions (requireAgency).
const serverLocal = "chitieu_server"

// authorize returns the middleware that enforces a route's Access. Order: find the
// session, decide on access, then (for anything but GET/HEAD) check the CSRF token.
// Anonymous callers are sent to sign in (401 for /api/ and JSON); signed-in callers
// without the role get 403. A disabled user's session counts as no session.
func (s *server) authorize(r Route) fiber.Handler {
	return func(c *fiber.Ctx) error {
		safe := safeMethod(c.Method())
		if r.Access == AccessPublic && safe {
			// Health checks and static files never touch the session store; a public
			// page that shows the user (sign-in) calls loadSession itself.
			return c.Next()
		}
		if err := s.loadSession(c); err != nil {
			return err
		}
		u := currentUser(c)
		if !allowed(r.Access, u, safe, s.Public) {
			if u == nil {
				return askSignin(c)
			}
			return fiber.ErrForbidden
		}
		if !safe && (!sameOrigin(c) || !csrfValid(c)) {
			return errCSRF
		}
		if u != nil {
			// Pages for a signed-in user are theirs alone: no shared cache may keep
			// them. A handler may set its own Cache-Control after this.
			c.Set(fiber.HeaderCacheControl, "private, no-cache")
		}
		c.Locals(serverLocal, s)
		return c.Next()
	}
}

// allowed is the access rule itself. In public read-only mode, anonymous readers get
// the viewer routes' GETs and nothing else.
func allowed(a Access, u *User, safe, public bool) bool {
	switch a {
	case AccessPublic:
		return true
	case AccessViewer:
		return u != nil || public && safe
	case AccessAnalyst:
		return u.CanWrite()
	case AccessAdmin:
		return u.IsAdmin()
	case AccessCompiler:
		return u.CanCompile()
	}
	return false // an Access added without a rule here denies everyone
}

// askSignin answers an anonymous caller: 401 for the API, else a redirect to the
// sign-in page that comes back here afterwards.
func askSignin(c *fiber.Ctx) error {
	if wantsJSON(c) {
		return fiber.ErrUnauthorized
	}
	return redirect(c, "/signin?next="+url.QueryEscape(c.OriginalURL()))
}

// requireAgency is what handlers of AccessAnalyst routes call with the agency a
// request writes for (from the path or the form): admins pass, analysts pass only for
// agencies bound to them, everyone else gets 403. Call it before writing anything.
func requireAgency(c *fiber.Ctx, agency string) error {
	u := currentUser(c)
	if u == nil {
		return fiber.ErrUnauthorized
	}
	if u.ActsFor(agency) {
		return nil
	}
	if s, ok := c.Locals(serverLocal).(*server); ok {
		s.audit(c, queries.AuditEvent{Action: queries.AuditAccessDenied, ObjectKind: "agency", ObjectID: agency,
			Agency: agency, Detail: c.Method() + " " + c.Path()})
	}
	return domain.NewError(domain.Denied, "http.agency.denied", agency)
}

// safeNext keeps a post-sign-in redirect on this site (localPath decides what is a
// local path) and never back to the sign-in page itself.
func safeNext(next string) string {
	next = localPath(next)
	if strings.HasPrefix(next, "/signin") {
		return "/"
	}
	return next
}
