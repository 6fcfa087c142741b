package queries

import (
	"database/sql"
	"errors"
)

// ErrNotFound: the thing asked for does not exist (or is withdrawn or deleted).
var ErrNotFound = errors.New("not found")

func isNoRows(err error) bool {
	return errors.Is(err, sql.ErrNoRows)
}
