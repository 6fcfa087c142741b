package main

import (
	"fmt"
	"io"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"github.com/quangngai/chitieu/queries"
)

// Config is every setting, read from the environment once at start.
type Config struct {
	Addr            string         // CHITIEU_ADDR: where the dashboard listens
	ClickHouse      queries.Config // CLICKHOUSE_ADDR (one or several, comma-separated), _USER, _PASSWORD, _DATABASE, _TLS, _MAX_EXECUTION_TIME, _READ_TIMEOUT, _INSERT_QUORUM, _QUORUM_TIMEOUT; CHITIEU_CLUSTER, CHITIEU_CLAIM_LAPSE
	PurgeEvery      time.Duration  // CHITIEU_PURGE_EVERY: how often serve deletes the rows of dead upload attempts
	RequestTimeout  time.Duration  // CHITIEU_REQUEST_TIMEOUT: deadline of a page or API request
	UploadTimeout   time.Duration  // CHITIEU_UPLOAD_TIMEOUT: deadline of an upload
	LogLevel        slog.Level     // CHITIEU_LOG_LEVEL: debug, info, warn, error
	LogFormat       string         // CHITIEU_LOG_FORMAT: text or json
	ShutdownTimeout time.Duration  // CHITIEU_SHUTDOWN_TIMEOUT
	UploadLimitMB   int            // CHITIEU_UPLOAD_LIMIT_MB: largest accepted upload
	UploadRowLimit  int            // CHITIEU_UPLOAD_ROW_LIMIT: most rows in one upload
	UploadCellLimit int            // CHITIEU_UPLOAD_CELL_LIMIT: most .xlsx cells (all sheets)
	UploadStrLimit  int            // CHITIEU_UPLOAD_STRING_LIMIT: most .xlsx shared strings
	UploadSlots     int            // CHITIEU_UPLOAD_CONCURRENCY: uploads processed at once (others queue)
	Public          bool           // CHITIEU_PUBLIC: dashboards readable without sign-in
	DemoAdmin       bool           // CHITIEU_DEMO_ADMIN: create a local demo admin (make run)
	AdminPassword   string         // CHITIEU_ADMIN_PASSWORD: first admin's password
	SecureCookies   bool           // CHITIEU_SECURE_COOKIES: Secure flag on cookies (behind HTTPS)
	SessionTTL      time.Duration  // CHITIEU_SESSION_TTL
	ChromiumPath    string         // CHITIEU_CHROMIUM: headless Chromium for PDF export
	PageCache       bool           // CHITIEU_PAGE_CACHE: keep built pages until the data changes (on/off)
	TrustedProxies  []string       // CHITIEU_TRUSTED_PROXIES: load balancers (addresses or CIDRs), comma-separated
}

// LoadConfig reads and validates the configuration; getenv is os.Getenv in production.
func LoadConfig(getenv func(string) string) (Config, error) {
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	var errs []string
	intVar := func(k string, def int) int {
		n, err := strconv.Atoi(get(k, strconv.Itoa(def)))
		if err != nil || n <= 0 {
			errs = append(errs, fmt.Sprintf("%s must be a positive integer", k))
		}
		return n
	}
	boolVar := func(k string, def bool) bool {
		b, err := strconv.ParseBool(get(k, strconv.FormatBool(def)))
		if err != nil {
			errs = append(errs, fmt.Sprintf("%s must be true or false", k))
		}
		return b
	}
	durVar := func(k string, def time.Duration) time.Duration {
		d, err := time.ParseDuration(get(k, def.String()))
		if err != nil || d <= 0 {
			errs = append(errs, fmt.Sprintf("%s must be a duration such as 30s or 12h", k))
		}
		return d
	}
	cfg := Config{
		Addr: get("CHITIEU_ADDR", "127.0.0.1:8080"),
		ClickHouse: queries.Config{
			Addr:     get("CLICKHOUSE_ADDR", "127.0.0.1:19000"),
			User:     get("CLICKHOUSE_USER", "default"),
			Password: getenv("CLICKHOUSE_PASSWORD"),
			Database: get("CLICKHOUSE_DATABASE", "chitieu"),
			TLS:      boolVar("CLICKHOUSE_TLS", false),
			Cluster:  boolVar("CHITIEU_CLUSTER", false),
			// A query may run as long as a request; the driver waits a little longer, so
			// the server's own timeout error arrives before the socket is given up.
			MaxExecutionTime: durVar("CLICKHOUSE_MAX_EXECUTION_TIME", 15*time.Second),
			ReadTimeout:      durVar("CLICKHOUSE_READ_TIMEOUT", 30*time.Second),
			// Every server on one ClickHouse must use the same lapse.
			ClaimLapse: durVar("CHITIEU_CLAIM_LAPSE", queries.DefaultClaimLapse),
		},
		PurgeEvery:      durVar("CHITIEU_PURGE_EVERY", 10*time.Minute),
		RequestTimeout:  durVar("CHITIEU_REQUEST_TIMEOUT", 15*time.Second),
		UploadTimeout:   durVar("CHITIEU_UPLOAD_TIMEOUT", 5*time.Minute),
		LogFormat:       get("CHITIEU_LOG_FORMAT", "text"),
		ShutdownTimeout: durVar("CHITIEU_SHUTDOWN_TIMEOUT", 10*time.Second),
		UploadLimitMB:   intVar("CHITIEU_UPLOAD_LIMIT_MB", 20),
		UploadRowLimit:  intVar("CHITIEU_UPLOAD_ROW_LIMIT", 1_000_000),
		UploadCellLimit: intVar("CHITIEU_UPLOAD_CELL_LIMIT", 10_000_000),
		UploadStrLimit:  intVar("CHITIEU_UPLOAD_STRING_LIMIT", 1_000_000),
		UploadSlots:     intVar("CHITIEU_UPLOAD_CONCURRENCY", 2),
		Public:          boolVar("CHITIEU_PUBLIC", false),
		DemoAdmin:       boolVar("CHITIEU_DEMO_ADMIN", false),
		AdminPassword:   getenv("CHITIEU_ADMIN_PASSWORD"),
		SecureCookies:   boolVar("CHITIEU_SECURE_COOKIES", false),
		SessionTTL:      durVar("CHITIEU_SESSION_TTL", 12*time.Hour),
		ChromiumPath:    get("CHITIEU_CHROMIUM", "chromium"),
	}
	// auto: a majority of the replicas in CLICKHOUSE_ADDR; 0 or off: no quorum.
	switch q := get("CLICKHOUSE_INSERT_QUORUM", "auto"); q {
	case "auto":
	case "0", "off":
		cfg.ClickHouse.InsertQuorum = -1
	default:
		n, err := strconv.Atoi(q)
		if err != nil || n < 0 {
			errs = append(errs, "CLICKHOUSE_INSERT_QUORUM must be auto, off or a number of replicas")
		}
		cfg.ClickHouse.InsertQuorum = n
	}
	cfg.ClickHouse.QuorumTimeout = durVar("CLICKHOUSE_QUORUM_TIMEOUT", 30*time.Second)
	cfg.ClickHouse.MaxReplicaDelay = durVar("CLICKHOUSE_MAX_REPLICA_DELAY", 5*time.Second)
	switch get("CHITIEU_PAGE_CACHE", "on") {
	case "on":
		cfg.PageCache = true
	case "off":
	default:
		errs = append(errs, "CHITIEU_PAGE_CACHE must be on or off")
	}
	for _, p := range strings.Split(getenv("CHITIEU_TRUSTED_PROXIES"), ",") {
		if p = strings.TrimSpace(p); p != "" {
			cfg.TrustedProxies = append(cfg.TrustedProxies, p)
		}
	}
	if err := cfg.LogLevel.UnmarshalText([]byte(get("CHITIEU_LOG_LEVEL", "info"))); err != nil {
		errs = append(errs, "CHITIEU_LOG_LEVEL must be debug, info, warn or error")
	}
	if cfg.LogFormat != "text" && cfg.LogFormat != "json" {
		errs = append(errs, "CHITIEU_LOG_FORMAT must be text or json")
	}
	if len(errs) > 0 {
		return cfg, fmt.Errorf("%s", strings.Join(errs, "; "))
	}
	return cfg, nil
}

func setupLogging(cfg Config, w io.Writer) {
	opts := &slog.HandlerOptions{Level: cfg.LogLevel}
	var h slog.Handler = slog.NewTextHandler(w, opts)
	if cfg.LogFormat == "json" {
		h = slog.NewJSONHandler(w, opts)
	}
	slog.SetDefault(slog.New(h))
}
