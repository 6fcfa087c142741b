package queries

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"net"
	"syscall"

	"github.com/ClickHouse/clickhouse-go/v2"
)

func isNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows)
}

// Server error codes that mean "not now" rather than "wrong": see ClickHouse's
// src/Common/ErrorCodes.cpp (the numbers are the same on 18.16 and current releases).
var (
	readOnlyCodes = map[int32]bool{
		225: true, // NO_ZOOKEEPER
		242: true, // TABLE_IS_READ_ONLY
		999: true, // KEEPER_EXCEPTION
	}
	unavailableCodes = map[int32]bool{
		159: true, // TIMEOUT_EXCEEDED (max_execution_time)
		202: true, // TOO_MANY_SIMULTANEOUS_QUERIES
		209: true, // SOCKET_TIMEOUT
		210: true, // NETWORK_ERROR
		279: true, // ALL_CONNECTION_TRIES_FAILED
		394: true, // QUERY_WAS_CANCELLED
	}
)

// Classify returns err wrapping ErrUnavailable (or ErrReadOnly) when it says that
// ClickHouse could not be reached or did not answer in time, and err unchanged
// otherwise. It is the one place that decides; every caller that maps errors to
// users (the dashboard's error handler, readiness) asks it.
func Classify(err error) error {
	if err == nil || errors.Is(err, ErrUnavailable) {
		return err
	}
	var ex *clickhouse.Exception
	if errors.As(err, &ex) {
		switch {
		case readOnlyCodes[ex.Code]:
			return fmt.Errorf("%w: %w", ErrReadOnly, err)
		case quorumCodes[ex.Code]:
			return fmt.Errorf("%w: %w", ErrTooFewReplicas, err)
		case unavailableCodes[ex.Code]:
			return fmt.Errorf("%w: %w", ErrUnavailable, err)
		}
		return err
	}
	var netErr net.Error
	switch {
	case errors.Is(err, context.DeadlineExceeded),
		errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF),
		errors.Is(err, syscall.ECONNREFUSED), errors.Is(err, syscall.ECONNRESET), errors.Is(err, syscall.EPIPE),
		errors.Is(err, driver.ErrBadConn), errors.Is(err, clickhouse.ErrAcquireConnTimeout),
		errors.Is(err, net.ErrClosed), errors.As(err, &netErr):
		return fmt.Errorf("%w: %w", ErrUnavailable, err)
	}
	return err
}
