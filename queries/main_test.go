package queries_test

import (
	"testing"

	"github.com/quangngai/chitieu/queries/querytest"
)

// Passwords hash cheaply here (querytest.Main).
func TestMain(m *testing.M) { querytest.Main(m) }
