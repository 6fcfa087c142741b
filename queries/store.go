// Package queries is the only package that talks to ClickHouse: the schema (embedded,
// numbered migrations), the domain types that cross package lines, and every read and
// write as a named method with bound parameters.
package queries

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Config says where ClickHouse is. Addr is host:port of the native protocol, or
// several, comma-separated (the replicas of a cluster): connections go to the first
// that answers, so every chitieu server reads from the replica it wrote to.
type Config struct {
	Addr     string
	User     string
	Password string
	Database string
	TLS      bool
	// Cluster: tables are Replicated… (ZooKeeper and <macros> {shard}, {replica} on
	// every server); migrations create them on every address in Addr.
	Cluster bool
	// MaxExecutionTime is ClickHouse's own limit per query (max_execution_time);
	// 0 means 30 s. ReadTimeout is how long the driver waits for any answer from the
	// server; 0 means MaxExecutionTime + 10 s, so a slow query ends with ClickHouse's
	// timeout error and only a silent server trips the driver's.
	MaxExecutionTime time.Duration
	ReadTimeout      time.Duration
	// ClaimLapse: an upload claim not renewed for this long is dead (0: 30 s,
	// DefaultClaimLapse). Tests shorten it.
	ClaimLapse time.Duration
	// Clock is this host's clock for versions (nil: time.Now). Tests skew it.
	Clock func() time.Time
	// InsertQuorum (Cluster only): how many replicas must hold a write before it is
	// acknowledged (insert_quorum). 0 means a majority of the addresses in Addr, so
	// list every replica there; negative turns quorum writes and reads off. See
	// quorum.go and deploy/README.md.
	InsertQuorum int
	// QuorumTimeout is insert_quorum_timeout: how long a write waits for its quorum
	// before it fails as "not acknowledged"; 0 means 30 s.
	QuorumTimeout time.Duration
	// MaxReplicaDelay is how far behind (absolute_delay) a replica may be and still take
	// writes and the reads that decide; 0 means 5 s.
	MaxReplicaDelay time.Duration
}

// Addrs is Addr split into its host:port entries.
func (c Config) Addrs() []string {
	var out []string
	for _, a := range strings.Split(c.Addr, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

func (c Config) maxExecutionTime() time.Duration {
	if c.MaxExecutionTime > 0 {
		return c.MaxExecutionTime
	}
	return 30 * time.Second
}

// Store is the handle every other package uses to read and write data.
type Store struct {
	conn     driver.Conn
	database string
	changes  *changeCounter // shared by copies of the store
	clock    *versionClock  // versions of the rows this store writes (version_clock.go)
	cfg      Config
	quorum   *quorumSet // one pool per replica, for quorum reads (quorum.go); nil without a quorum
}

// Open connects to ClickHouse and creates the database when missing. It does not migrate.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		return nil, errors.New("queries: empty database name")
	}
	if !validIdentifier(cfg.Database) {
		return nil, fmt.Errorf("queries: database name %q: use letters, digits and _ only", cfg.Database)
	}
	if len(cfg.Addrs()) == 0 {
		return nil, errors.New("queries: empty ClickHouse address")
	}
	boot, err := dial(cfg, "default")
	if err != nil {
		return nil, err
	}
	// The database name cannot be a bound parameter; validIdentifier made it safe to quote.
	err = boot.Exec(ctx, "CREATE DATABASE IF NOT EXISTS `"+cfg.Database+"`")
	boot.Close()
	if err != nil {
		return nil, fmt.Errorf("%w: create database: %v", ErrUnavailable, err)
	}
	var conn driver.Conn
	if len(cfg.Addrs()) > 1 {
		conn, err = newReplicaSet(cfg, cfg.Database) // replicas.go: the healthy replica, chosen
	} else {
		conn, err = dial(cfg, cfg.Database)
	}
	if err != nil {
		return nil, err
	}
	st := &Store{conn: conn, database: cfg.Database, cfg: cfg, changes: &changeCounter{}, clock: newVersionClock(cfg.Clock), quorum: newQuorumSet(cfg)}
	if err := st.SyncClock(ctx); err != nil {
		st.Close()
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return st, nil
}

// connLifetime: connections are renewed now and then. With several replicas each address
// has its own pool (replicas.go), so this no longer decides which replica a server uses.
func connLifetime(cfg Config) time.Duration {
	if len(cfg.Addrs()) > 1 {
		return 30 * time.Second
	}
	return time.Hour
}

// dial opens a connection and checks that the server answers.
func dial(cfg Config, database string) (driver.Conn, error) {
	conn, err := openConn(cfg, database)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%w at %s: %v", ErrUnavailable, cfg.Addr, err)
	}
	return conn, nil
}

// openConn configures the driver's pool for cfg's addresses; nothing is dialled yet.
func openConn(cfg Config, database string) (driver.Conn, error) {
	conn, err := clickhouse.Open(connOptions(cfg, database))
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	return conn, nil
}

// connOptions are the driver's options for cfg's addresses.
func connOptions(cfg Config, database string) *clickhouse.Options {
	readTimeout := cfg.ReadTimeout
	if readTimeout <= 0 {
		readTimeout = cfg.maxExecutionTime() + 10*time.Second
	}
	opts := &clickhouse.Options{
		Addr:             cfg.Addrs(),
		Settings:         clickhouse.Settings{"max_execution_time": int(cfg.maxExecutionTime().Seconds() + 0.5)},
		ReadTimeout:      readTimeout,
		Auth:             clickhouse.Auth{Database: database, Username: cfg.User, Password: cfg.Password},
		DialTimeout:      3 * time.Second,
		MaxOpenConns:     32,
		MaxIdleConns:     8,
		ConnMaxLifetime:  connLifetime(cfg),
		ConnOpenStrategy: clickhouse.ConnOpenInOrder,
		Compression:      &clickhouse.Compression{Method: clickhouse.CompressionLZ4},
	}
	if cfg.TLS {
		opts.TLS = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	return opts
}

// Close releases the connections.
func (s *Store) Close() error {
	s.quorum.close()
	return s.conn.Close()
}

// Database is the name of the database the store works in.
func (s *Store) Database() string { return s.database }

// Ping reports whether ClickHouse answers now; the error wraps ErrUnavailable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.conn.Ping(ctx); err != nil {
		if err = Classify(err); !errors.Is(err, ErrUnavailable) {
			err = fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		return err
	}
	return nil
}

func validIdentifier(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// NewVersion is this host's wall clock in nanoseconds, for tests and tools that write
// without a store. Writers use Store.NewVersion, which is ordered across hosts.
func NewVersion() uint64 { return uint64(time.Now().UnixNano()) }

// DropDatabase removes the store's whole database. For tests and tools only.
func (s *Store) DropDatabase(ctx context.Context) error {
	return s.conn.Exec(ctx, "DROP DATABASE IF EXISTS `"+s.database+"`")
}
