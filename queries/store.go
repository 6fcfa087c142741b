// Package queries is the only package that talks to ClickHouse: the schema (embedded,
// numbered migrations), the domain types that cross package lines, and every read and
// write as a named method with bound parameters.
package queries

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"time"

	"github.com/ClickHouse/clickhouse-go/v2"
	"github.com/ClickHouse/clickhouse-go/v2/lib/driver"
)

// Config says where ClickHouse is. Addr is host:port of the native protocol.
type Config struct {
	Addr     string
	User     string
	Password string
	Database string
	TLS      bool
}

// Store is the handle every other package uses to read and write data.
type Store struct {
	conn     driver.Conn
	database string
	changes  *changeCounter // shared by copies of the store
}

// ErrUnavailable wraps every failure to reach ClickHouse.
var ErrUnavailable = errors.New("clickhouse unavailable")

// Open connects to ClickHouse and creates the database when missing. It does not migrate.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	if cfg.Database == "" {
		return nil, errors.New("queries: empty database name")
	}
	if !validIdentifier(cfg.Database) {
		return nil, fmt.Errorf("queries: database name %q: use letters, digits and _ only", cfg.Database)
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
	conn, err := dial(cfg, cfg.Database)
	if err != nil {
		return nil, err
	}
	return &Store{conn: conn, database: cfg.Database, changes: &changeCounter{}}, nil
}

func dial(cfg Config, database string) (driver.Conn, error) {
	opts := &clickhouse.Options{
		Addr:             []string{cfg.Addr},
		Auth:             clickhouse.Auth{Database: database, Username: cfg.User, Password: cfg.Password},
		DialTimeout:      3 * time.Second,
		MaxOpenConns:     32,
		MaxIdleConns:     8,
		ConnMaxLifetime:  time.Hour,
		ConnOpenStrategy: clickhouse.ConnOpenInOrder,
		Compression:      &clickhouse.Compression{Method: clickhouse.CompressionLZ4},
	}
	if cfg.TLS {
		opts.TLS = &tls.Config{MinVersion: tls.VersionTLS12}
	}
	conn, err := clickhouse.Open(opts)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrUnavailable, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := conn.Ping(ctx); err != nil {
		conn.Close()
		return nil, fmt.Errorf("%w at %s: %v", ErrUnavailable, cfg.Addr, err)
	}
	return conn, nil
}

// Close releases the connections.
func (s *Store) Close() error { return s.conn.Close() }

// Database is the name of the database the store works in.
func (s *Store) Database() string { return s.database }

// Ping reports whether ClickHouse answers now; the error wraps ErrUnavailable.
func (s *Store) Ping(ctx context.Context) error {
	if err := s.conn.Ping(ctx); err != nil {
		return fmt.Errorf("%w: %v", ErrUnavailable, err)
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

// NewVersion returns a version number for rows written now. Nanoseconds keep two
// writes in the same second apart; the clock must not go backwards between writers.
func NewVersion() uint64 { return uint64(time.Now().UnixNano()) }

// DropDatabase removes the store's whole database. For tests and tools only.
func (s *Store) DropDatabase(ctx context.Context) error {
	return s.conn.Exec(ctx, "DROP DATABASE IF EXISTS `"+s.database+"`")
}
