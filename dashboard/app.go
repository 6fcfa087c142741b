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
	"github.com/quangngai/chitieu/accounts"
	"github.com/quangngai/chitieu/queries"
	"github.com/quangngai/chitieu/report"
	"github.com/quangngai/chitieu/reporting"
	"github.com/shopspring/decimal"
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
	// PageCacheCheck: how often the page cache asks ClickHouse whether another server
	// changed the data (default 1 s); writes through this server show at once.
	PageCacheCheck time.Duration
	// TrustedProxies are the load balancers whose X-Forwarded-For names the client,
	// so sign-in limits and the audit trail see people, not the balancer.
	TrustedProxies []string
	// Now is the clock (nil: time.Now); tests set it instead of sleeping.
	Now func() time.Time
	// RequestTimeout bounds each request's ClickHouse work (CHITIEU_REQUEST_TIMEOUT);
	// UploadTimeout the uploads' (CHITIEU_UPLOAD_TIMEOUT). Zero: 15 s and 5 min.
	RequestTimeout, UploadTimeout time.Duration
	// Ingest paths, wired by cmd to one ingest.Ingester (the dashboard does not import
	// ingest). Nil: the upload routes answer 503.
	Ingest    func(ctx context.Context, req queries.UploadRequest) (queries.IngestReport, error)
	Template  func(ctx context.Context, agency string, year uint16) ([]byte, string, error) // bytes, file name
	NilReport func(ctx context.Context, req queries.NilReportRequest) (queries.IngestReport, error)
	// LoadAdmin checks and saves catalogue, target and assignment files and form rows
	// (ingest.Ingester.LoadAdmin). Nil: those admin writes answer 503.
	LoadAdmin func(ctx context.Context, req queries.AdminLoad) (queries.AdminLoadReport, error)
	// ParseNumber reads a number typed in a form as uploads do (ingest.ParseFormNumber):
	// a lone "1.500" is an error, never silently 1.5.
	ParseNumber func(s string) (decimal.Decimal, error)
	// ReportDocx reads an agency's reply letter (.docx, .doc, PDF, signed PDF, scan) and
	// places it along the outline, with the analyst's moves from the preview
	// (ingest.ParseDocxAnswer).
	ReportDocx func(data []byte, o queries.Outline, projects []queries.Project, moves map[string]string) (report.DocxAnswer, error)
	// Report exports run as jobs (report_export.go): ExportTimeout bounds one build
	// (default 5 min), ExportWait how long a download waits for it before answering 503
	// (default 8 s, at most half the request timeout). ConvertPDF turns the .docx into
	// PDF (nil: LibreOffice, report.ConvertPDF).
	ExportTimeout, ExportWait time.Duration
	ConvertPDF                func(ctx context.Context, docx []byte) ([]byte, error)
}

// New builds the app with every route registered. Templates are parsed here, so a
// broken template fails at start-up, not at request time.
func New(d Deps) (*fiber.App, error) {
	s, err := newServer(d)
	if err != nil {
		return nil, err
	}
	d = s.Deps
	s.initAccounts()
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
		// Strings from the request (Query, Params, Get, Cookies) are copies: the page
		// cache keeps models past the request, and fasthttp reuses its buffers for the
		// next one. Cost measured in the README (Security).
		Immutable: true,
	})
	// Export builds started by requests stop with the server.
	app.Hooks().OnShutdown(func() error { s.exports.Close(); return nil })
	app.Use(recover.New())
	app.Use(s.requestLog)
	app.Use(headerGuard)
	app.Use(s.deadline)
	app.Use(securityHeaders)
	app.Use(validInput)
	if d.SecureCookies {
		app.Use(hsts)
	}
	for _, r := range s.routes() {
		app.Add(r.Method, r.Path, s.authorize(r), r.Handler)
		if r.Method == fiber.MethodGet {
			// HEAD wherever GET, through the same gate (app.Add, unlike app.Get, does not add it).
			app.Add(fiber.MethodHead, r.Path, s.authorize(r), r.Handler)
		}
	}
	app.Use(func(c *fiber.Ctx) error { return fiber.ErrNotFound })
	return app, nil
}

// newServer fills the defaults of d and parses the templates.
func newServer(d Deps) (*server, error) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.UploadLimitMB <= 0 {
		d.UploadLimitMB = 20
	}
	if d.RequestTimeout <= 0 {
		d.RequestTimeout = defaultRequestTimeout
	}
	if d.UploadTimeout <= 0 {
		d.UploadTimeout = defaultUploadTimeout
	}
	views, err := parseTemplates()
	if err != nil {
		return nil, err
	}
	s := &server{Deps: d, views: views, pages: newPageCache(d.PageCacheCheck)}
	s.exports = reporting.NewExports(s.exportTimeout())
	s.reports = &reporting.Service{Store: d.Store, Now: d.Now}
	return s, nil
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
	views    *views
	accounts *accounts.Service      // the account rules (session_load.go)
	sessions *accounts.SessionCache // this server's sessions in memory
	pages    *pageCache             // built pages, until the data changes (page_cache.go)
	exports  *reporting.Exports     // report files built as jobs (report_export.go)
	reports  *reporting.Service     // the report's use cases: rounds, outlines, answers
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
