package main

import (
	"errors"
	"strings"

	"github.com/quangngai/chitieu/domain"
	"github.com/quangngai/chitieu/locale"
)

// cliError is the command line's side of an error: a broken rule (*domain.Error)
// is worded from the catalogue, Vietnamese then English, in place of its key, and
// exits with its kind's code; anything else reads as it is and exits 1.
func cliError(err error) (string, int) {
	var de *domain.Error
	if !errors.As(err, &de) {
		return err.Error(), 1
	}
	words := locale.Render("vi", de) + " (" + locale.Render("en", de) + ")"
	code := kindExit[de.Kind]
	if code == 0 {
		code = 1
	}
	return strings.Replace(err.Error(), de.Error(), words, 1), code
}

// kindExit maps the domain's error kinds to exit codes, once for every command: a
// bad input (or one in a form not accepted) is 2 like a usage error, the rest 1.
var kindExit = map[domain.Kind]int{domain.Invalid: 2, domain.Conflict: 1, domain.NotFound: 1, domain.Forbidden: 1,
	domain.Denied: 1, domain.TooMany: 1, domain.Unavailable: 1, domain.Unsupported: 2}
