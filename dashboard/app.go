// Package dashboard is the Fiber web app: routes, thin handlers, chart builders,
// templates and embedded static assets. It knows nothing of SQL: it reads through
// *queries.Store and writes through functions that cmd passes in.
package dashboard

import (
	"context"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/recover"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
)

// Deps is everything the app needs from outside.
type Deps struct {
	Store  *queries.Store
	Logger *slog.Logger
	// Options from configuration.
	Public        bool          // dashboards readable without sign-in
	SecureCookies bool          // Secure flag on cookies
	SessionTTL    time.Duration // how long a sign-in lasts
	UploadLimitMB int           // largest accepted request body
	ChromiumPath  string        // headless Chromium for PDF exports
	// NoPageCache builds every page from ClickHouse (CHITIEU_PAGE_CACHE=off); the
	// benchmark uses it to measure the uncached cost.
	NoPageCache bool
	// TrustedProxies are the load balancers whose X-Forwarded-For names the client,
	// so sign-in limits and the audit trail see people, not the balancer.
	TrustedProxies []string
	// Ingest paths, wired by cmd to one ingest.Ingester (the dashboard does not import
	// ingest). Nil: the upload routes answer 503.
	Ingest    func(ctx context.Context, req queries.UploadRequest) (queries.IngestReport, error)
	Template  func(ctx context.Context, agency string, year uint16) ([]byte, string, error) // bytes, file name
	NilReport func(ctx context.Context, req queries.NilReportRequest) (queries.IngestReport, error)
	// ReportDocx splits an agency's .docx answer along the outline (ingest.ParseDocxAnswer).
	ReportDocx func(data []byte, o queries.Outline, projects []queries.Project) (report.DocxAnswer, error)
}

// New builds the app with every route registered. Templates are parsed here, so a
// broken template fails at start-up, not at request time.
func New(d Deps) (*fiber.App, error) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.UploadLimitMB <= 0 {
		d.UploadLimitMB = 20
	}
	views, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &server{Deps: d, views: views}
	app := fiber.New(fiber.Config{
		AppName:               "chitieu",
		DisableStartupMessage: true,
		ErrorHandler:          s.handleError,
		BodyLimit:             d.UploadLimitMB<<20 + 1<<20, // the file plus form fields
		ReadTimeout:           60 * time.Second,
		WriteTimeout:          120 * time.Second,
		IdleTimeout:           120 * time.Second,
		// Without trusted proxies, c.IP() is the peer address and X-Forwarded-For is ignored:
		// a client cannot pick its own address.
		EnableTrustedProxyCheck: len(d.TrustedProxies) > 0,
		TrustedProxies:          d.TrustedProxies,
		ProxyHeader:             proxyHeader(d.TrustedProxies),
	})
	app.Use(recover.New())
	app.Use(s.requestLog)
	app.Use(securityHeaders)
	if d.SecureCookies {
		app.Use(hsts)
	}
	for _, r := range s.routes() {
		app.Add(r.Method, r.Path, s.authorize(r), r.Handler)
	}
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return app, nil
}

func proxyHeader(trusted []string) string {
	if len(trusted) == 0 {
		return ""
	}
	return fiber.HeaderXForwardedFor
}

// server holds what handlers share.
type server struct {
	Deps
	views *views
}

func (s *server) requestLog(c *fiber.Ctx) error {
	start := time.Now()
	err := c.Next()
	status := c.Response().StatusCode()
	if err != nil {
		if fe, ok := err.(*fiber.Error); ok {
			status = fe.Code
		} else {
			status = fiber.StatusInternalServerError
		}
	}
	s.Logger.Debug("request", "method", c.Method(), "path", c.Path(), "status", status, "duration", time.Since(start))
	return err
}
